package org.yiyong.samaritans.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.ResidentId;

/**
 * The registry's people brought in from the city's earlier registers (历史台账): one row a person, with the source
 * document their record rests on, checked with the registry's own rules (the resident ID's check digit, a county of
 * the caller's scope, lengths); the natural key is the resident ID, so a person already on the registry (or twice in
 * the file) is not added again. Saved as historical records noted with their import and row; undone while nothing
 * refers to them.
 */
@Component
class SamaritanImports implements ImportRegister {

    /** Digits as a spreadsheet shows a long number it has rounded: 3.50582199001011E+17. */
    private static final Pattern ROUNDED_NUMBER = Pattern.compile("[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+");

    private final SamaritanRegistry registry;
    private final Samaritans samaritans;
    private final Regions regions;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SamaritanImports(SamaritanRegistry registry, Samaritans samaritans, Regions regions, FieldCipher cipher,
            JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.samaritans = samaritans;
        this.regions = regions;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "samaritans";
    }

    @Override
    public String titleKey() {
        return "import.register.samaritans";
    }

    @Override
    public List<Column> columns() {
        List<String> counties = counties().stream().map(Region::name).toList();
        return List.of(
                new Column("name", "姓名", true, "见义勇为人员的姓名。", "陈建华", null),
                new Column("residentId", "身份证号", true,
                        "18 位居民身份证号码；15 位老号码会按国家标准自动升为 18 位。请把这一列设为“文本”，以免末几位被改成 0。",
                        "350582199001011234", null),
                new Column("region", "县（市、区）", true, "人员所属县（市、区），从下拉列表中选择。", "晋江市", counties),
                new Column("sourceDocument", "来源依据", true, "录入所依据的文件或台账，如表彰决定文号、确认书编号、台账页码。",
                        "泉政文〔2016〕87号", null),
                new Column("phone", "联系电话", false, "手机或固定电话。", "13905951234", null),
                new Column("address", "住址", false, "现住址。", "晋江市安海镇西垵村", null),
                new Column("householdRegistration", "户籍地", false, "户籍所在地。", "福建省晋江市", null),
                new Column("employer", "工作单位", false, "工作单位或职业。", "晋江市某鞋业有限公司", null));
    }

    private List<Region> counties() {
        return regions.inListOrder().stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA).toList();
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        String name = Cells.text(cells.get("name"));
        if (name == null) {
            problems.add(Problem.of("name", "validation.required"));
        } else if (name.length() > 60) {
            problems.add(Problem.of("name", "validation.too-long"));
        } else {
            values.put("name", name);
        }
        String rawId = Cells.text(cells.get("residentId"));
        String naturalKey = null;
        if (rawId != null && ROUNDED_NUMBER.matcher(rawId).matches()) {
            problems.add(Problem.of("residentId", "import.resident-id.rounded"));
        } else {
            try {
                ResidentId id = registry.residentId("residentId", Cells.residentId(rawId), true);
                values.put("residentId", id.value());
                naturalKey = cipher.blindIndex(id.value());
            } catch (InvalidField invalid) {
                problems.add(new Problem("residentId", invalid.messageKey(), invalid.arguments() == null ? List.of()
                        : List.of(invalid.arguments())));
            }
        }
        String region = Cells.text(cells.get("region"));
        if (region == null) {
            problems.add(Problem.of("region", "validation.required"));
        } else {
            Region found = counties().stream().filter(r -> r.name().equals(region) || r.code().equals(region))
                    .findFirst().orElse(null);
            if (found == null) {
                problems.add(Problem.of("region", "import.region.unknown", region));
            } else if (!me.scope().covers(found.code())) {
                problems.add(Problem.of("region", "import.region.outside-scope", found.name()));
            } else {
                values.put("region", found.code());
            }
        }
        text(cells, values, problems, "sourceDocument", 500, true);
        String phone = Cells.text(cells.get("phone"));
        if (phone != null) {
            try {
                values.put("phone", PhoneNumber.optional("phone", Cells.ascii(phone)));
            } catch (InvalidField invalid) {
                problems.add(Problem.of("phone", invalid.messageKey()));
            }
        }
        text(cells, values, problems, "address", 200, false);
        text(cells, values, problems, "householdRegistration", 200, false);
        text(cells, values, problems, "employer", 200, false);
        return problems.isEmpty() ? Check.valid(values, naturalKey) : Check.refused(problems);
    }

    private static void text(Map<String, String> cells, Map<String, String> values, List<Problem> problems,
            String key, int max, boolean required) {
        String text = Cells.text(cells.get(key));
        if (text == null) {
            if (required) {
                problems.add(Problem.of(key, "validation.required"));
            }
            return;
        }
        if (text.length() > max) {
            problems.add(Problem.of(key, "validation.too-long"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            problems.add(Problem.of(key, "validation.control-characters"));
        } else {
            values.put(key, text);
        }
    }

    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> found = new HashSet<>();
        List<String> keys = List.copyOf(naturalKeys);
        for (int from = 0; from < keys.size(); from += 1000) {
            found.addAll(jdbc.sql("select resident_id_index from samaritan where resident_id_index in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
                    .query(String.class).list());
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        Instant now = clock.instant();
        for (Row row : rows) {
            Map<String, String> v = row.values();
            Samaritan samaritan = registry.register(me, new NewSamaritan(v.get("region"), v.get("name"),
                    v.get("residentId"), v.get("sourceDocument"), v.get("phone"), v.get("address"),
                    v.get("householdRegistration"), v.get("employer")));
            samaritan.imported(source.importId(), row.number(), source.fileName(), me.username(), now);
            ids.add(samaritan.getId());
        }
        samaritans.flush();
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select id from samaritan where import_id = :id order by id").param("id", importId)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            long used = jdbc.sql("""
                    select (select count(*) from samaritan_deed where samaritan_id in (:ids))
                         + (select count(*) from relative where samaritan_id in (:ids))
                         + (select count(*) from samaritan_tracing where samaritan_id in (:ids))""")
                    .param("ids", part).query(Long.class).single();
            if (used > 0) {
                throw new ImportInUse();
            }
        }
        try {
            for (int from = 0; from < ids.size(); from += 1000) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                jdbc.sql("delete from samaritan_event where samaritan_id in (:ids)").param("ids", part).update();
                jdbc.sql("delete from samaritan where id in (:ids)").param("ids", part).update();
            }
        } catch (DataIntegrityViolationException referencedElsewhere) {
            // a disability case, a benefit, an honour, a visit, a payment… refers to one of them (foreign keys)
            throw new ImportInUse();
        }
        for (long id : ids) {
            audit.record(AuditRecord.of(AuditAction.DEACTIVATE, SamaritanRegistry.ENTITY, id)
                    .withDetail("removed with import " + importId));
        }
        return ids.size();
    }

    /** An import whose people are already referred to (a deed, a relative, an honour, a visit…) stays. */
    static final class ImportInUse extends DomainException {
        ImportInUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}

package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.CellChecks;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.platform.BatchInserts;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;

/**
 * Condolences given before Yiyong (慰问金发放台账): one row a person's condolence of a festival and year — the person
 * on the registry in the caller's counties (by resident ID, the name as registered), the festival, the category, the
 * amount, the day it was paid and who received it. Each import files its rows under campaigns of its own, one per
 * festival and year, given by the importer's association (the city's or a county's), already sent and each line paid,
 * so that the statistics count them (person-times and money, by who gave them) as they count a campaign paid here,
 * and nothing is sent to the funds again. The natural key is the person with the giver, the festival and the year:
 * a person is condoled once a festival by each association, as a campaign does. Undone as a whole.
 */
@Component
class CondolenceImports implements ImportRegister {

    private static final int BATCH = 1000;
    private static final BigDecimal MOST = BigDecimal.valueOf(1_000_000);
    private static final Set<CondolenceCategory> FAMILIES = Set.of(CondolenceCategory.MARTYR_FAMILY,
            CondolenceCategory.DECEASED_FAMILY);

    private final SamaritanRegistry registry;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    CondolenceImports(SamaritanRegistry registry, JdbcClient jdbc, BatchInserts inserts, AuditTrail audit,
            MessageSource messages, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "condolences";
    }

    @Override
    public String titleKey() {
        return "import.register.condolences";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("residentId", "见义勇为人员身份证号", true, "已在本系统登记的见义勇为人员的身份证号（可先导入人员名册）。",
                        "350582199001011234", null),
                new Column("name", "姓名", true, "须与人员名册中的姓名一致。", "陈建华", null),
                new Column("year", "慰问年度", true, "四位年份，如 2022。", "2022", null),
                new Column("festival", "节日", true, "从下拉列表中选择。", Campaign.Festival.SPRING_FESTIVAL.label(),
                        Arrays.stream(Campaign.Festival.values()).map(Campaign.Festival::label).toList()),
                new Column("category", "慰问类别", true, "从下拉列表中选择。", label(CondolenceCategory.OTHER),
                        Arrays.stream(CondolenceCategory.values()).map(this::label).toList()),
                new Column("amount", "金额（元）", true, "如 2000 或 ¥2,000.00。", "2000", null),
                new Column("paidOn", "发放日期", true, "慰问金发到本人或家属手中的日期。", "2022-01-25", null),
                new Column("payee", "领取人", false, "本人领取的可不填；已故人员、烈士的慰问须填写领取的家属姓名。", null, null));
    }

    private String label(CondolenceCategory category) {
        return messages.getMessage("condolence.category." + category.name(), null, category.label(),
                Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A person on the registry as the published view gives them. */
    private record Person(long id, String name, String region) {
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, Campaign.Festival> festivals = new HashMap<>();
        for (Campaign.Festival festival : Campaign.Festival.values()) {
            festivals.put(festival.label(), festival);
            festivals.put(festival.name(), festival);
        }
        festivals.put("中秋", Campaign.Festival.MID_AUTUMN);
        festivals.put("端午", Campaign.Festival.DRAGON_BOAT);
        Map<String, CondolenceCategory> categories = new HashMap<>();
        for (CondolenceCategory category : CondolenceCategory.values()) {
            categories.put(label(category), category);
            categories.put(category.label(), category);
            categories.put(category.name(), category);
        }
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(cells, festivals, categories, today));
        }
        Map<String, SamaritanRegistry.Found> found = registry.byResidentIds(checks.stream().filter(Check::isValid)
                .map(check -> check.values().get("residentId")).distinct().toList());
        Map<Long, Person> people = people(found.values().stream().map(SamaritanRegistry.Found::id).toList());
        String giver = me.regionCode();
        List<Check> answered = new ArrayList<>(checks.size());
        for (Check check : checks) {
            if (!check.isValid()) {
                answered.add(check);
                continue;
            }
            SamaritanRegistry.Found on = found.get(check.values().get("residentId"));
            Person person = on == null ? null : people.get(on.id());
            if (person == null) {
                answered.add(Check.refused(List.of(Problem.of("residentId", "import.family.samaritan-unknown"))));
            } else if (!me.scope().covers(person.region())) {
                answered.add(Check.refused(List.of(Problem.of("residentId", "import.family.samaritan-elsewhere"))));
            } else if (!person.name().equals(check.values().get("name"))) {
                answered.add(Check.refused(List.of(Problem.of("name", "import.condolence.name-mismatch",
                        person.name()))));
            } else {
                Map<String, String> values = new HashMap<>(check.values());
                values.remove("residentId");
                values.put("samaritanId", String.valueOf(person.id()));
                values.put("region", person.region());
                values.put("giver", giver);
                values.putIfAbsent("payee", person.name());
                answered.add(Check.valid(values, naturalKey(person.id(), giver, values.get("festival"),
                        values.get("year"))));
            }
        }
        return answered;
    }

    private static String naturalKey(long samaritanId, String giver, String festival, String year) {
        return samaritanId + "|" + giver + "|" + festival + "|" + year;
    }

    private Map<Long, Person> people(List<Long> ids) {
        Map<Long, Person> people = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("select id, name, region_code from samaritans_person_view where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query(rs -> {
                        people.put(rs.getLong(1), new Person(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    });
        }
        return people;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, Map<String, Campaign.Festival> festivals,
            Map<String, CondolenceCategory> categories, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        try {
            values.put("residentId", registry.residentId("residentId",
                    Cells.residentId(Cells.text(cells.get("residentId"))), true).value());
        } catch (InvalidField invalid) {
            problems.add(new Problem("residentId", invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        String name = Cells.text(cells.get("name"));
        if (name == null) {
            problems.add(Problem.of("name", "validation.required"));
        } else {
            values.put("name", name);
        }
        Integer year = CellChecks.year(cells, "year", true, today, "import.condolence.year", problems);
        if (year != null) {
            values.put("year", String.valueOf(year));
        }
        String festival = Cells.text(cells.get("festival"));
        if (festival == null) {
            problems.add(Problem.of("festival", "validation.required"));
        } else if (!festivals.containsKey(festival)) {
            problems.add(Problem.of("festival", "import.condolence.festival-unknown", festival));
        } else {
            values.put("festival", festivals.get(festival).name());
        }
        String category = Cells.text(cells.get("category"));
        CondolenceCategory kind = category == null ? null : categories.get(category);
        if (category == null) {
            problems.add(Problem.of("category", "validation.required"));
        } else if (kind == null) {
            problems.add(Problem.of("category", "import.condolence.category-unknown", category));
        } else {
            values.put("category", kind.name());
        }
        BigDecimal amount = CellChecks.amount(cells, "amount", MOST, problems);
        if (amount != null) {
            values.put("amount", amount.toPlainString());
        }
        LocalDate paid = CellChecks.date(cells, "paidOn", true, today, problems);
        if (paid != null && year != null && Math.abs(paid.getYear() - year) > 1) {
            problems.add(Problem.of("paidOn", "import.condolence.paid-out-of-year"));
        } else if (paid != null) {
            values.put("paidOn", paid.toString());
        }
        String payee = Cells.text(cells.get("payee"));
        if (payee != null && payee.length() > 60) {
            problems.add(Problem.of("payee", "validation.too-long"));
        } else if (payee == null && kind != null && FAMILIES.contains(kind)) {
            problems.add(Problem.of("payee", "import.condolence.payee-required"));
        } else if (payee != null) {
            values.put("payee", payee);
        }
        return problems.isEmpty() ? Check.valid(values, "") : Check.refused(problems);
    }

    /** Those of these people on a campaign of that giver, festival and year already, in or paid. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<Long> ids = wanted.stream().map(key -> Long.parseLong(key.substring(0, key.indexOf('|')))).distinct()
                .toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("""
                    select l.samaritan_id, c.region_code, c.festival, c.campaign_year from campaign_line l
                    join campaign c on c.id = l.campaign_id
                    where l.samaritan_id in (:ids) and l.status in ('INCLUDED', 'SENT', 'PAID')
                      and c.status <> 'CANCELLED'""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query(rs -> {
                        String key = naturalKey(rs.getLong(1), rs.getString(2), rs.getString(3),
                                String.valueOf(rs.getInt(4)));
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    /** A campaign of the import: the giver's, for a festival and year. */
    private record CampaignKey(String giver, String festival, int year) {
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Map<CampaignKey, LocalDate> campaigns = new LinkedHashMap<>();
        for (Row row : rows) {
            Map<String, String> v = row.values();
            CampaignKey key = campaignOf(v);
            LocalDate paid = LocalDate.parse(v.get("paidOn"));
            // the festival day is not in the register: the first payment in the campaign's year stands for it
            LocalDate day = paid.getYear() == key.year() ? paid : LocalDate.of(key.year(), 1, 1);
            campaigns.merge(key, day, (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<CampaignKey, Long> idOf = campaigns(me, source, campaigns);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> lines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            lines.add(new Object[] {idOf.get(campaignOf(v)), Long.parseLong(v.get("samaritanId")), v.get("name"),
                    v.get("region"), v.get("category"), new BigDecimal(v.get("amount")), "PAID", "IMPORTED",
                    source.fileName() + " 第 " + row.number() + " 行", me.username(), now, v.get("payee"),
                    me.username(), now, Date.valueOf(v.get("paidOn")), source.importId(), row.number()});
        }
        return inserts.insert("campaign_line", """
                campaign_id, samaritan_id, name, region_code, category, amount, status, reason_code, reason_text,
                decided_by, decided_at, payee_name, sent_by, sent_at, paid_on, import_id, import_row""", lines);
    }

    /** Finds the import's campaigns made by an earlier part, and makes the others. */
    private Map<CampaignKey, Long> campaigns(CurrentUser me, Source source, Map<CampaignKey, LocalDate> wanted) {
        Map<CampaignKey, Long> idOf = new HashMap<>();
        jdbc.sql("select id, region_code, festival, campaign_year from campaign where import_id = :id")
                .param("id", source.importId())
                .query(rs -> {
                    idOf.put(new CampaignKey(rs.getString(2), rs.getString(3), rs.getInt(4)), rs.getLong(1));
                });
        Timestamp now = Timestamp.from(clock.instant());
        List<CampaignKey> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<CampaignKey, LocalDate> campaign : wanted.entrySet()) {
            CampaignKey key = campaign.getKey();
            if (idOf.containsKey(key)) {
                continue;
            }
            keys.add(key);
            String name = key.year() + "年" + Campaign.Festival.valueOf(key.festival()).label() + "慰问（历史台账）";
            rows.add(new Object[] {name, key.festival(), key.year(), key.giver(), Date.valueOf(campaign.getValue()),
                    "SENT", me.username(), now, me.username(), now, source.importId()});
        }
        List<Long> ids = inserts.insert("campaign", """
                name, festival, campaign_year, region_code, reference_date, status, created_by, created_at, sent_by,
                sent_at, import_id""", rows);
        for (int i = 0; i < keys.size(); i++) {
            idOf.put(keys.get(i), ids.get(i));
        }
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, CampaignAccess.ENTITY, id)
                .byActor(me.username()).withDetail("paid before Yiyong; imported with import " + source.importId()))
                .toList());
        return idOf;
    }

    private static CampaignKey campaignOf(Map<String, String> v) {
        return new CampaignKey(v.get("giver"), v.get("festival"), Integer.parseInt(v.get("year")));
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> campaigns = jdbc.sql("select id from campaign where import_id = :id").param("id", importId)
                .query(Long.class).list();
        int removed;
        try {
            removed = jdbc.sql("delete from campaign_line where import_id = :id").param("id", importId).update();
            jdbc.sql("delete from campaign where import_id = :id").param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            // a line added by hand to one of its campaigns
            throw new InUse();
        }
        audit.recordAtCommit(campaigns.stream().map(id -> AuditRecord.of(AuditAction.DELETE, CampaignAccess.ENTITY,
                id).byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return removed;
    }

    /** Campaigns of an import that something refers to already stay. */
    static final class InUse extends DomainException {
        InUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}

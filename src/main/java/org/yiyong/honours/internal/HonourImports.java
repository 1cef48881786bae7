package org.yiyong.honours.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;

/**
 * Honours granted before Yiyong and the rewards paid with them, brought in from the earlier registers (表彰奖励台账):
 * one row a person and title, the person on the registry in the caller's counties, the title one of the catalogue's
 * titles for a person, the day and document of the decision, the reward (the standard of that day when left empty)
 * and, when the day of the deed is given, the deed on the person's record it was for. Each is entered as a historical
 * honour is on the form — granted on its day with a certificate number, its reward recorded as paid then — so that
 * the honour roll, the statistics and the check of missed awards see it. The natural key is the person, the title and
 * the deed (or none). Undone while nothing (a consent, an article, a recommendation) refers to the honours.
 */
@Component
class HonourImports implements ImportRegister {

    private static final int BATCH = 1000;

    private final HonourGrants grants;
    private final TitleCatalogue catalogue;
    private final SamaritanRegistry registry;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditTrail audit;
    private final Clock clock;
    private final AwardsAwaited awaited;

    HonourImports(HonourGrants grants, TitleCatalogue catalogue, SamaritanRegistry registry, JdbcClient jdbc,
            JdbcTemplate batch, AuditTrail audit, Clock clock, AwardsAwaited awaited) {
        this.grants = grants;
        this.catalogue = catalogue;
        this.registry = registry;
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.clock = clock;
        this.awaited = awaited;
    }

    @Override
    public String key() {
        return "honours";
    }

    @Override
    public String titleKey() {
        return "import.register.honours";
    }

    private List<Title> personTitles() {
        return catalogue.titles().stream().filter(title -> title.getRecipient() == Recipient.PERSON).toList();
    }

    @Override
    public List<Column> columns() {
        List<String> titles = personTitles().stream().map(Title::getName).toList();
        return List.of(
                new Column("samaritan", "见义勇为人员身份证号", true, "已在本系统登记的见义勇为人员的身份证号。", "350582199001011234",
                        null),
                new Column("title", "荣誉称号", true, "从下拉列表中选择。", titles.isEmpty() ? "" : titles.get(0), titles),
                new Column("decidedOn", "表彰日期", true, "表彰决定的日期。", "2016-12-21", null),
                new Column("document", "表彰文号", true, "表彰决定的文号。", "泉政文〔2016〕87号", null),
                new Column("deedDate", "事迹发生日期", false, "因哪一次事迹受表彰（该人员台账中的事迹日期）；不填则不对应具体事迹。", "2016-08-12",
                        null),
                new Column("reward", "奖金（元）", false, "当时发放的奖金；不填按表彰日期的标准，没有奖金的填 0。", "20000", null));
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A deed on a person's record: its id and number. */
    private record Deed(long id, String number) {
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, Title> titles = new HashMap<>();
        personTitles().forEach(title -> {
            titles.put(title.getName(), title);
            titles.put(title.getCode(), title);
        });
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(cells, titles, today));
        }
        Map<String, SamaritanRegistry.Found> people = registry.byResidentIds(checks.stream().filter(Check::isValid)
                .map(check -> check.values().get("samaritan")).distinct().toList());
        Map<String, Deed> deeds = deeds(people.values().stream().map(SamaritanRegistry.Found::id).toList());
        List<Check> answered = new ArrayList<>(checks.size());
        for (Check check : checks) {
            SamaritanRegistry.Found person = check.isValid() ? people.get(check.values().get("samaritan")) : null;
            if (!check.isValid()) {
                answered.add(check);
                continue;
            }
            if (person == null) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-unknown"))));
                continue;
            }
            if (!me.scope().covers(person.regionCode())) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-elsewhere"))));
                continue;
            }
            Map<String, String> values = new HashMap<>(check.values());
            values.put("samaritanId", String.valueOf(person.id()));
            String deedDate = values.get("deedDate");
            if (deedDate != null) {
                Deed deed = deeds.get(person.id() + "|" + deedDate);
                if (deed == null) {
                    answered.add(Check.refused(List.of(Problem.of("deedDate", "import.honour.no-such-deed",
                            deedDate))));
                    continue;
                }
                values.put("deedId", String.valueOf(deed.id()));
                values.put("deedNumber", deed.number());
            }
            answered.add(Check.valid(values, person.id() + "|" + values.get("titleId") + "|"
                    + values.getOrDefault("deedId", "-")));
        }
        return answered;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, Map<String, Title> titles, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        try {
            values.put("samaritan", registry.residentId("samaritan", Cells.residentId(Cells.text(cells.get("samaritan"))),
                    true).value());
        } catch (InvalidField invalid) {
            problems.add(new Problem("samaritan", invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        String title = Cells.text(cells.get("title"));
        if (title == null) {
            problems.add(Problem.of("title", "validation.required"));
        } else if (!titles.containsKey(title)) {
            problems.add(Problem.of("title", "import.honour.title-unknown", title));
        } else {
            values.put("titleId", String.valueOf(titles.get(title).getId()));
            values.put("titleCode", titles.get(title).getCode());
        }
        LocalDate decided = date(cells, "decidedOn", true, problems, today);
        if (decided != null) {
            values.put("decidedOn", decided.toString());
        }
        String document = Cells.text(cells.get("document"));
        if (document == null) {
            problems.add(Problem.of("document", "validation.required"));
        } else if (document.length() > 100) {
            problems.add(Problem.of("document", "validation.too-long"));
        } else {
            values.put("document", document);
        }
        LocalDate deed = date(cells, "deedDate", false, problems, today);
        if (deed != null && decided != null && deed.isAfter(decided)) {
            problems.add(Problem.of("deedDate", "import.honour.deed-after-decision"));
        } else if (deed != null) {
            values.put("deedDate", deed.toString());
        }
        String reward = Cells.text(cells.get("reward"));
        if (reward != null) {
            try {
                BigDecimal yuan = Cells.amount(reward);
                if (yuan.signum() < 0 || yuan.scale() > 2 || yuan.compareTo(new BigDecimal("10000000")) > 0) {
                    problems.add(Problem.of("reward", "import.amount.out-of-range"));
                } else {
                    values.put("reward", yuan.toPlainString());
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(Problem.of("reward", "import.amount.unreadable", reward));
            }
        }
        return problems.isEmpty() ? Check.valid(values, null) : Check.refused(problems);
    }

    private static LocalDate date(Map<String, String> cells, String key, boolean required, List<Problem> problems,
            LocalDate today) {
        String raw = Cells.text(cells.get(key));
        if (raw == null) {
            if (required) {
                problems.add(Problem.of(key, "validation.required"));
            }
            return null;
        }
        try {
            LocalDate date = Cells.date(raw);
            if (date.isAfter(today)) {
                problems.add(Problem.of(key, "import.date.future"));
                return null;
            }
            return date;
        } catch (IllegalArgumentException unreadable) {
            problems.add(Problem.of(key, "import.date.unreadable", raw));
            return null;
        }
    }

    /** The deeds on these people's records, by person and day of the deed (the registry's published view). */
    private Map<String, Deed> deeds(List<Long> people) {
        Map<String, Deed> found = new HashMap<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            jdbc.sql("""
                    select samaritan_id, occurred_on, deed_id, deed_number from samaritans_confirmation_view
                    where samaritan_id in (:ids)""")
                    .param("ids", people.subList(from, Math.min(people.size(), from + BATCH)))
                    .query(rs -> {
                        found.putIfAbsent(rs.getLong("samaritan_id") + "|" + rs.getObject("occurred_on", LocalDate.class),
                                new Deed(rs.getLong("deed_id"), rs.getString("deed_number")));
                    });
        }
        return found;
    }

    /** The keys (person, title, deed or none) of the honours on record. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<Long> people = naturalKeys.stream().map(key -> Long.parseLong(key.substring(0, key.indexOf('|'))))
                .distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            jdbc.sql("select samaritan_id, title_id, deed_id from honour where samaritan_id in (:ids)")
                    .param("ids", people.subList(from, Math.min(people.size(), from + BATCH)))
                    .query(rs -> {
                        Object deed = rs.getObject("deed_id");
                        String key = rs.getLong("samaritan_id") + "|" + rs.getLong("title_id") + "|"
                                + (deed == null ? "-" : ((Number) deed).longValue());
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        List<Object[]> marks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            Honour honour = grants.recordHistorical(me, Long.parseLong(v.get("samaritanId")), v.get("titleCode"),
                    LocalDate.parse(v.get("decidedOn")), v.get("document"),
                    v.get("reward") == null ? null : new BigDecimal(v.get("reward")),
                    v.get("deedId") == null ? null : Long.parseLong(v.get("deedId")), v.get("deedNumber"));
            ids.add(honour.getId());
            marks.add(new Object[] {source.importId(), row.number(), honour.getId()});
        }
        for (int from = 0; from < marks.size(); from += BATCH) {
            batch.batchUpdate("update honour set import_id = ?, import_row = ? where id = ?",
                    marks.subList(from, Math.min(marks.size(), from + BATCH)));
        }
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select id from honour where import_id = :id").param("id", importId)
                .query(Long.class).list();
        List<Long> people = jdbc.sql("""
                select samaritan_id from honour where import_id = :id and samaritan_id is not null
                union select m.samaritan_id from honour_member m join honour h on h.id = m.honour_id
                where h.import_id = :id""").param("id", importId).query(Long.class).list();
        try {
            jdbc.sql("delete from reward_payment_request where honour_id in (select id from honour where import_id = :id)")
                    .param("id", importId).update();
            jdbc.sql("delete from honour where import_id = :id").param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            throw new InUse();
        }
        // their confirmations may be awaiting a decision again
        awaited.keep(people);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, HonourLookup.ENTITY, id)
                .byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }

    /** Honours of an import that something refers to already (a consent, an article, a recommendation) stay. */
    static final class InUse extends DomainException {
        InUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}

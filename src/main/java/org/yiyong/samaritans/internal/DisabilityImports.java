package org.yiyong.samaritans.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.yiyong.platform.BatchInserts;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.InvalidField;

/**
 * Disability grades approved before Yiyong, brought in from the earlier registers (评残台账): one row a person on the
 * registry (in the caller's counties) with the grade they hold, when they were injured and when and by whom the grade
 * was approved. Saved as an approved case, the person's status becoming "disabled" as an approval here makes it, so
 * that the statistics count the person with their grade. A person with a grade on file already is not imported again
 * (a re-assessment is made on their record). Undone while no pension refers to the case, the person's status put
 * back.
 */
@Component
class DisabilityImports implements ImportRegister {

    private static final int BATCH = 1000;
    private static final Pattern GRADE = Pattern.compile("^(?:第)?([0-9]{1,2}|[一二三四五六七八九十])(?:级)?(?:伤残)?$");
    private static final String CHINESE = "一二三四五六七八九十";

    private final SamaritanRegistry registry;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final Clock clock;

    private final HouseholdChanges households;

    DisabilityImports(SamaritanRegistry registry, JdbcClient jdbc, JdbcTemplate batch, BatchInserts inserts,
            AuditTrail audit, HouseholdChanges households, Clock clock) {
        this.registry = registry;
        this.households = households;
        this.jdbc = jdbc;
        this.batch = batch;
        this.inserts = inserts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "disability";
    }

    @Override
    public String titleKey() {
        return "import.register.disability";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("samaritan", "见义勇为人员身份证号", true, "已在本系统登记的见义勇为人员的身份证号。", "350582199001011234",
                        null),
                new Column("grade", "伤残等级", true, "1 至 10 级，如 5、5级 或 五级。", "5级", List.of("1级", "2级", "3级", "4级",
                        "5级", "6级", "7级", "8级", "9级", "10级")),
                new Column("injuredOn", "致残日期", true, "见义勇为中受伤的日期。", "2016-08-12", null),
                new Column("approvedOn", "评定日期", true, "伤残等级批准的日期，不早于致残日期。", "2017-03-20", null),
                new Column("approvedBy", "评定机关", false, "批准伤残等级的机关。", "福建省人力资源和社会保障厅", null),
                new Column("certificate", "证书编号", false, "伤残证书的编号。", "闽残证2017-0123", null));
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(cells, today));
        }
        Map<String, SamaritanRegistry.Found> people = registry.byResidentIds(checks.stream().filter(Check::isValid)
                .map(check -> check.values().get("samaritan")).distinct().toList());
        List<Check> answered = new ArrayList<>(checks.size());
        for (Check check : checks) {
            SamaritanRegistry.Found person = check.isValid() ? people.get(check.values().get("samaritan")) : null;
            if (!check.isValid()) {
                answered.add(check);
            } else if (person == null) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-unknown"))));
            } else if (!me.scope().covers(person.regionCode())) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-elsewhere"))));
            } else {
                Map<String, String> values = new HashMap<>(check.values());
                values.put("samaritanId", String.valueOf(person.id()));
                answered.add(Check.valid(values, String.valueOf(person.id())));
            }
        }
        return answered;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        try {
            values.put("samaritan", registry.residentId("samaritan", Cells.residentId(Cells.text(cells.get("samaritan"))),
                    true).value());
        } catch (InvalidField invalid) {
            problems.add(new Problem("samaritan", invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        String grade = Cells.ascii(Cells.text(cells.get("grade")));
        if (grade == null) {
            problems.add(Problem.of("grade", "validation.required"));
        } else {
            Matcher matcher = GRADE.matcher(grade.replace(" ", ""));
            int value = !matcher.matches() ? 0 : Character.isDigit(matcher.group(1).charAt(0))
                    ? Integer.parseInt(matcher.group(1)) : CHINESE.indexOf(matcher.group(1)) + 1;
            if (value < 1 || value > 10) {
                problems.add(Problem.of("grade", "import.disability.grade-unknown", grade));
            } else {
                values.put("grade", String.valueOf(value));
            }
        }
        LocalDate injured = date(cells, "injuredOn", problems, today);
        LocalDate approved = date(cells, "approvedOn", problems, today);
        if (injured != null && approved != null && approved.isBefore(injured)) {
            problems.add(Problem.of("approvedOn", "import.disability.approved-before-injury"));
        } else if (injured != null && approved != null) {
            values.put("injuredOn", injured.toString());
            values.put("approvedOn", approved.toString());
        }
        String approvedBy = Cells.text(cells.get("approvedBy"));
        if (approvedBy != null && approvedBy.length() > 100) {
            problems.add(Problem.of("approvedBy", "validation.too-long"));
        } else if (approvedBy != null) {
            values.put("approvedBy", approvedBy);
        }
        String certificate = Cells.text(cells.get("certificate"));
        if (certificate != null && certificate.length() > 60) {
            problems.add(Problem.of("certificate", "validation.too-long"));
        } else if (certificate != null) {
            values.put("certificate", certificate);
        }
        return problems.isEmpty() ? Check.valid(values, null) : Check.refused(problems);
    }

    private static LocalDate date(Map<String, String> cells, String key, List<Problem> problems, LocalDate today) {
        String raw = Cells.text(cells.get(key));
        if (raw == null) {
            problems.add(Problem.of(key, "validation.required"));
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

    /** The people (by record id) with a disability case on file: their grade is re-assessed on their record. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        List<Long> ids = naturalKeys.stream().map(Long::parseLong).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            found.addAll(jdbc.sql("""
                    select distinct cast(samaritan_id as varchar(20)) from disability_case
                    where samaritan_id in (:ids) and status in ('APPLIED', 'POSTED', 'APPROVED', 'SUPERSEDED')""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH))).query(String.class).list());
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Timestamp at = Timestamp.from(clock.instant());
        Map<Long, String> statuses = new HashMap<>();
        List<Long> people = rows.stream().map(row -> Long.parseLong(row.values().get("samaritanId"))).toList();
        for (int from = 0; from < people.size(); from += BATCH) {
            jdbc.sql("select id, status from samaritan where id in (:ids)")
                    .param("ids", people.subList(from, Math.min(people.size(), from + BATCH)))
                    .query(rs -> {
                        statuses.put(rs.getLong(1), rs.getString(2));
                    });
        }
        List<Object[]> cases = new ArrayList<>(rows.size());
        List<Object[]> events = new ArrayList<>(rows.size());
        List<Object[]> disabled = new ArrayList<>();
        List<AuditRecord> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            long person = Long.parseLong(v.get("samaritanId"));
            String approvedBy = v.getOrDefault("approvedBy", "历史台账");
            Date approved = Date.valueOf(v.get("approvedOn"));
            cases.add(new Object[] {person, Date.valueOf(v.get("injuredOn")), approved, "APPROVED",
                    Integer.parseInt(v.get("grade")), approved, approvedBy, v.get("certificate"), me.username(), at, at,
                    source.importId(), row.number(), statuses.get(person)});
            events.add(new Object[] {person, at, me.username(), "DISABILITY_APPROVED", v.get("grade") + "级 · "
                    + approvedBy + " " + v.get("approvedOn") + " · " + v.getOrDefault("certificate", "") + " · 导入批次 #"
                    + source.importId() + " 第 " + row.number() + " 行"});
            if (!SamaritanStatus.DECEASED.name().equals(statuses.get(person))) {
                disabled.add(new Object[] {person});
            }
            entries.add(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, person).byActor(me.username())
                    .withDetail("disability grade " + v.get("grade") + " imported with import " + source.importId()
                            + ", row " + row.number()));
        }
        List<Long> ids = inserts.insert("disability_case", """
                samaritan_id, injured_on, applied_on, status, grade, approved_on, approved_by, certificate_number,
                created_by, created_at, updated_at, import_id, import_row, status_before_import""", cases);
        for (int from = 0; from < rows.size(); from += BATCH) {
            int to = Math.min(rows.size(), from + BATCH);
            batch.batchUpdate("""
                    insert into samaritan_event (samaritan_id, occurred_at, actor, kind, detail)
                    values (?, ?, ?, ?, ?)""", events.subList(from, to));
        }
        for (int from = 0; from < disabled.size(); from += BATCH) {
            batch.batchUpdate("update samaritan set status = 'DISABLED', version = version + 1 where id = ?",
                    disabled.subList(from, Math.min(disabled.size(), from + BATCH)));
        }
        audit.recordAtCommit(entries);
        households.changed(people);
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Object[]> cases = jdbc.sql("""
                select id, samaritan_id, status_before_import from disability_case where import_id = :id""")
                .param("id", importId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .list();
        try {
            jdbc.sql("""
                    delete from samaritan_event where kind = 'DISABILITY_APPROVED' and detail like :mark
                    and samaritan_id in (select samaritan_id from disability_case where import_id = :id)""")
                    .param("mark", "% · 导入批次 #" + importId + " 第 %").param("id", importId).update();
            List<Object[]> restore = cases.stream().filter(c -> c[2] != null).map(c -> new Object[] {c[2], c[1]})
                    .toList();
            for (int from = 0; from < restore.size(); from += BATCH) {
                batch.batchUpdate("""
                        update samaritan set status = ?, version = version + 1 where id = ? and status = 'DISABLED'""",
                        restore.subList(from, Math.min(restore.size(), from + BATCH)));
            }
            jdbc.sql("delete from disability_case where import_id = :id").param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            // a pension, a re-assessment names one of the cases
            throw new SamaritanImports.ImportInUse();
        }
        audit.recordAtCommit(cases.stream().map(c -> AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, c[1])
                .byActor(me.username()).withDetail("disability grade removed with import " + importId)).toList());
        households.changed(cases.stream().map(c -> (Long) c[1]).toList());
        return cases.size();
    }
}

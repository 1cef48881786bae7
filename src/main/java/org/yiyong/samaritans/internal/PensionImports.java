package org.yiyong.samaritans.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.yiyong.shared.InvalidField;

/**
 * Disability pensions paid before Yiyong, brought in from the earlier registers (抚恤金发放台账): one row a person and
 * year, the person on the registry in the caller's counties with a grade approved by the end of that year (brought in
 * with the disability register first), the amount and the day it was paid. Saved as paid pension lines of the grade
 * then in force, so that the statistics count them as pensions paid here. The natural key is the person with the
 * year, as on the pension roll. Undone as a whole.
 */
@Component
class PensionImports implements ImportRegister {

    private static final int BATCH = 1000;

    private final SamaritanRegistry registry;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final Clock clock;

    PensionImports(SamaritanRegistry registry, JdbcClient jdbc, BatchInserts inserts, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "pensions";
    }

    @Override
    public String titleKey() {
        return "import.register.pensions";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("samaritan", "见义勇为人员身份证号", true, "已登记伤残等级的见义勇为人员的身份证号（请先导入评残台账）。",
                        "350582199001011234", null),
                new Column("year", "年度", true, "抚恤金所属的年度，如 2019。", "2019", null),
                new Column("amount", "金额（元）", true, "当年发放的金额，如 36000 或 ¥36,000.00。", "36000", null),
                new Column("paidOn", "发放日期", true, "发放的日期。", "2019-12-20", null),
                new Column("months", "月数", false, "当年计发的月数，不填为 12。", "12", null),
                new Column("paidBy", "发放单位", false, "发放抚恤金的单位。", "晋江市退役军人事务局", null),
                new Column("reference", "凭证号", false, "发放凭证或银行流水号。", "JJ2019-0456", null));
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A grade a person holds: its case, grade and day of approval. */
    private record Grade(long caseId, int grade, LocalDate approvedOn) {
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
        Map<Long, List<Grade>> grades = grades(people.values().stream().map(SamaritanRegistry.Found::id).toList());
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
            int year = Integer.parseInt(check.values().get("year"));
            Grade grade = grades.getOrDefault(person.id(), List.of()).stream()
                    .filter(g -> g.approvedOn().getYear() <= year).reduce((first, later) -> later).orElse(null);
            if (grade == null) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.pension.no-grade",
                        String.valueOf(year)))));
                continue;
            }
            Map<String, String> values = new HashMap<>(check.values());
            values.put("samaritanId", String.valueOf(person.id()));
            values.put("caseId", String.valueOf(grade.caseId()));
            values.put("grade", String.valueOf(grade.grade()));
            answered.add(Check.valid(values, person.id() + "|" + year));
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
        String year = Cells.ascii(Cells.text(cells.get("year")));
        Integer pensionYear = null;
        if (year == null) {
            problems.add(Problem.of("year", "validation.required"));
        } else if (!year.replace("年", "").matches("(19|20)[0-9]{2}")
                || Integer.parseInt(year.replace("年", "")) > today.getYear()) {
            problems.add(Problem.of("year", "import.pension.year-unknown", year));
        } else {
            pensionYear = Integer.parseInt(year.replace("年", ""));
            values.put("year", String.valueOf(pensionYear));
        }
        String amount = Cells.text(cells.get("amount"));
        if (amount == null) {
            problems.add(Problem.of("amount", "validation.required"));
        } else {
            try {
                BigDecimal yuan = Cells.amount(amount);
                if (yuan.signum() <= 0 || yuan.scale() > 2 || yuan.compareTo(new BigDecimal("1000000")) > 0) {
                    problems.add(Problem.of("amount", "import.amount.out-of-range"));
                } else {
                    values.put("amount", yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(Problem.of("amount", "import.amount.unreadable", amount));
            }
        }
        String paid = Cells.text(cells.get("paidOn"));
        if (paid == null) {
            problems.add(Problem.of("paidOn", "validation.required"));
        } else {
            try {
                LocalDate day = Cells.date(paid);
                if (day.isAfter(today)) {
                    problems.add(Problem.of("paidOn", "import.date.future"));
                } else if (pensionYear != null && day.getYear() < pensionYear) {
                    problems.add(Problem.of("paidOn", "import.pension.paid-before-year",
                            String.valueOf(pensionYear)));
                } else {
                    values.put("paidOn", day.toString());
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(Problem.of("paidOn", "import.date.unreadable", paid));
            }
        }
        String months = Cells.ascii(Cells.text(cells.get("months")));
        if (months == null) {
            values.put("months", "12");
        } else if (!months.replace("个月", "").matches("[0-9]{1,2}")
                || Integer.parseInt(months.replace("个月", "")) < 1 || Integer.parseInt(months.replace("个月", "")) > 12) {
            problems.add(Problem.of("months", "import.pension.months", months));
        } else {
            values.put("months", String.valueOf(Integer.parseInt(months.replace("个月", ""))));
        }
        text(cells, values, problems, "paidBy", 100);
        text(cells, values, problems, "reference", 100);
        return problems.isEmpty() ? Check.valid(values, null) : Check.refused(problems);
    }

    private static void text(Map<String, String> cells, Map<String, String> values, List<Problem> problems, String key,
            int max) {
        String text = Cells.text(cells.get(key));
        if (text != null && text.length() > max) {
            problems.add(Problem.of(key, "validation.too-long"));
        } else if (text != null) {
            values.put(key, text);
        }
    }

    /** The grades each person was approved, oldest first. */
    private Map<Long, List<Grade>> grades(List<Long> people) {
        Map<Long, List<Grade>> grades = new HashMap<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            jdbc.sql("""
                    select id, samaritan_id, grade, approved_on from disability_case
                    where samaritan_id in (:ids) and status in ('APPROVED', 'SUPERSEDED') and approved_on is not null
                    order by approved_on, id""")
                    .param("ids", people.subList(from, Math.min(people.size(), from + BATCH)))
                    .query(rs -> {
                        grades.computeIfAbsent(rs.getLong("samaritan_id"), k -> new ArrayList<>()).add(new Grade(
                                rs.getLong("id"), rs.getInt("grade"), rs.getObject("approved_on", LocalDate.class)));
                    });
        }
        return grades;
    }

    /** The keys (person and year) of pension lines on the roll. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<Long> people = naturalKeys.stream().map(key -> Long.parseLong(key.substring(0, key.indexOf('|'))))
                .distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            jdbc.sql("select samaritan_id, pension_year from pension_payment where samaritan_id in (:ids)")
                    .param("ids", people.subList(from, Math.min(people.size(), from + BATCH)))
                    .query(rs -> {
                        String key = rs.getLong(1) + "|" + rs.getInt(2);
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Timestamp at = Timestamp.from(clock.instant());
        String note = "据历史台账导入（" + source.fileName() + "）";
        List<Object[]> lines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            BigDecimal amount = new BigDecimal(v.get("amount"));
            int months = Integer.parseInt(v.get("months"));
            lines.add(new Object[] {Long.parseLong(v.get("samaritanId")), Long.parseLong(v.get("caseId")),
                    Integer.parseInt(v.get("year")), Integer.parseInt(v.get("grade")), months,
                    amount.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP),
                    amount, "PAID", Date.valueOf(v.get("paidOn")), v.get("paidBy"), v.get("reference"), note,
                    me.username(), at, at, source.importId(), row.number()});
        }
        List<Long> ids = inserts.insert("pension_payment", """
                samaritan_id, disability_case_id, pension_year, grade, months, annual_amount, amount, status, paid_on,
                paid_by, payment_reference, note, created_by, created_at, updated_at, import_id, import_row""", lines);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, Disability.PENSION, id)
                .byActor(me.username()).withDetail("imported with import " + source.importId())).toList());
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select id from pension_payment where import_id = :id").param("id", importId)
                .query(Long.class).list();
        jdbc.sql("delete from pension_payment where import_id = :id").param("id", importId).update();
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, Disability.PENSION, id)
                .byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }
}

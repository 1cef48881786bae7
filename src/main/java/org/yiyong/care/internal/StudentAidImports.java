package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
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
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.ResidentId;

/**
 * Student aid given before Yiyong, brought in from the earlier registers (助学金发放台账): one row a child and school
 * year, the child found among the family of a person on the registry (in the caller's counties) by name, with the
 * form's rules (a child, a stage that student aid covers, a school year, an amount). Saved as applications approved on
 * the day of the row, and paid when a day of payment is given, so that the statistics count them as they count aid
 * granted here (by the day it was approved). The natural key is the child with the school year, as in the form. Undone
 * as a whole; nothing refers to such an application.
 */
@Component
class StudentAidImports implements ImportRegister {

    private static final int BATCH = 1000;

    private final SamaritanRegistry registry;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    StudentAidImports(SamaritanRegistry registry, JdbcClient jdbc, BatchInserts inserts, AuditTrail audit,
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
        return "student-aid";
    }

    @Override
    public String titleKey() {
        return "import.register.student-aid";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("samaritan", "见义勇为人员身份证号", true, "已在本系统登记的见义勇为人员的身份证号。", "350582199001011234",
                        null),
                new Column("student", "学生姓名", true, "受助子女的姓名，须已登记为该人员的子女（请先导入家属名册）。", "陈小明", null),
                new Column("schoolYear", "学年", true, "如 2019-2020，或只写开始的年份 2019。", "2019-2020", null),
                new Column("stage", "学段", true, "从下拉列表中选择。", stage(SchoolStage.JUNIOR),
                        StudentAidRates.STAGES.stream().map(this::stage).toList()),
                new Column("school", "就读学校", false, "当年就读的学校。", "晋江市安海中学", null),
                new Column("amount", "金额（元）", true, "发放的金额，如 2000 或 ¥2,000.00。", "2000", null),
                new Column("decidedOn", "批准日期", true, "批准发放的日期。", "2019-10-15", null),
                new Column("paidOn", "发放日期", false, "实际发放的日期；不填的按已批准未发放登记。", "2019-11-05", null),
                new Column("payer", "发放单位", false, "从下拉列表中选择；不填为市见义勇为协会。", payer(StudentAidApplication.Payer.CITY),
                        java.util.Arrays.stream(StudentAidApplication.Payer.values()).map(this::payer).toList()),
                new Column("document", "批准文号", false, "批准发放的文件文号。", "泉见协〔2019〕12号", null));
    }

    private String stage(SchoolStage stage) {
        return messages.getMessage("samaritan.stage." + stage.name(), null, stage.name(), Locale.SIMPLIFIED_CHINESE);
    }

    private String payer(StudentAidApplication.Payer payer) {
        return messages.getMessage("student-aid.payer." + payer.name(), null, payer.name(), Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A child of a person on the registry, as the published view of families shows them. */
    private record Child(long relativeId, long samaritanId, String region, String relation) {
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, SchoolStage> stages = new HashMap<>();
        StudentAidRates.STAGES.forEach(stage -> {
            stages.put(stage(stage), stage);
            stages.put(stage.name(), stage);
        });
        Map<String, StudentAidApplication.Payer> payers = new HashMap<>();
        for (StudentAidApplication.Payer payer : StudentAidApplication.Payer.values()) {
            payers.put(payer(payer), payer);
            payers.put(payer.name(), payer);
        }
        payers.put("市", StudentAidApplication.Payer.CITY);
        payers.put("县", StudentAidApplication.Payer.COUNTY);
        payers.put("省", StudentAidApplication.Payer.PROVINCE);
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(cells, stages, payers, today));
        }
        Map<String, SamaritanRegistry.Found> people = registry.byResidentIds(checks.stream()
                .filter(Check::isValid).map(check -> check.values().get("samaritan")).distinct().toList());
        Map<String, Child> children = children(people.values().stream().map(SamaritanRegistry.Found::id).toList());
        List<Check> answered = new ArrayList<>(checks.size());
        for (Check check : checks) {
            if (!check.isValid()) {
                answered.add(check);
                continue;
            }
            SamaritanRegistry.Found person = people.get(check.values().get("samaritan"));
            Child child = person == null ? null : children.get(person.id() + "|" + check.values().get("student"));
            if (person == null) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-unknown"))));
            } else if (!me.scope().covers(person.regionCode())) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-elsewhere"))));
            } else if (child == null) {
                answered.add(Check.refused(List.of(Problem.of("student", "import.student-aid.no-such-child",
                        check.values().get("student")))));
            } else if (!"CHILD".equals(child.relation())) {
                answered.add(Check.refused(List.of(Problem.of("student", "student-aid.not-a-child",
                        check.values().get("student")))));
            } else {
                Map<String, String> values = new HashMap<>(check.values());
                values.put("samaritanId", String.valueOf(child.samaritanId()));
                values.put("relativeId", String.valueOf(child.relativeId()));
                answered.add(Check.valid(values, child.relativeId() + "|" + values.get("schoolYear")));
            }
        }
        return answered;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, Map<String, SchoolStage> stages,
            Map<String, StudentAidApplication.Payer> payers, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        try {
            values.put("samaritan", registry.residentId("samaritan", Cells.residentId(Cells.text(cells.get("samaritan"))),
                    true).value());
        } catch (InvalidField invalid) {
            problems.add(new Problem("samaritan", invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        String student = Cells.text(cells.get("student"));
        if (student == null) {
            problems.add(Problem.of("student", "validation.required"));
        } else {
            values.put("student", student);
        }
        String year = Cells.ascii(Cells.text(cells.get("schoolYear")));
        StudentAidYear schoolYear = null;
        try {
            schoolYear = StudentAidYear.parse("schoolYear", year == null ? null
                    : year.replace("学年", "").replace("年", "").replace("—", "-").replace("/", "-").strip());
            if (schoolYear.start() < 1990 || schoolYear.start() > today.getYear()) {
                problems.add(Problem.of("schoolYear", "import.student-aid.year-out-of-range"));
            } else {
                values.put("schoolYear", String.valueOf(schoolYear.start()));
            }
        } catch (InvalidField invalid) {
            problems.add(new Problem("schoolYear", invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        String stage = Cells.text(cells.get("stage"));
        if (stage == null) {
            problems.add(Problem.of("stage", "validation.required"));
        } else if (!stages.containsKey(stage)) {
            problems.add(Problem.of("stage", "import.student-aid.stage-unknown", stage));
        } else {
            values.put("stage", stages.get(stage).name());
        }
        String school = Cells.text(cells.get("school"));
        if (school != null && school.length() > 100) {
            problems.add(Problem.of("school", "validation.too-long"));
        } else if (school != null) {
            values.put("school", school);
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
                    values.put("amount", yuan.toPlainString());
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(Problem.of("amount", "import.amount.unreadable", amount));
            }
        }
        LocalDate decided = date(cells, "decidedOn", true, problems, today);
        LocalDate paid = date(cells, "paidOn", false, problems, today);
        if (decided != null && paid != null && paid.isBefore(decided)) {
            problems.add(Problem.of("paidOn", "import.student-aid.paid-before-approval"));
        } else {
            if (decided != null) {
                values.put("decidedOn", decided.toString());
            }
            if (paid != null) {
                values.put("paidOn", paid.toString());
            }
        }
        String payer = Cells.text(cells.get("payer"));
        if (payer != null && !payers.containsKey(payer)) {
            problems.add(Problem.of("payer", "import.student-aid.payer-unknown", payer));
        } else {
            values.put("payer", (payer == null ? StudentAidApplication.Payer.CITY : payers.get(payer)).name());
        }
        String document = Cells.text(cells.get("document"));
        if (document != null && document.length() > 100) {
            problems.add(Problem.of("document", "validation.too-long"));
        } else if (document != null) {
            values.put("document", document);
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

    /** The family of these people by person and name, from the registry's published view. */
    private Map<String, Child> children(List<Long> people) {
        Map<String, Child> found = new HashMap<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            jdbc.sql("""
                    select r.id, r.samaritan_id, r.name, r.relation, s.region_code
                    from samaritans_relative_view r join samaritans_person_view s on s.id = r.samaritan_id
                    where r.samaritan_id in (:ids)""")
                    .param("ids", people.subList(from, Math.min(people.size(), from + BATCH)))
                    .query(rs -> {
                        found.putIfAbsent(rs.getLong("samaritan_id") + "|" + rs.getString("name"),
                                new Child(rs.getLong("id"), rs.getLong("samaritan_id"), rs.getString("region_code"),
                                        rs.getString("relation")));
                    });
        }
        return found;
    }

    /** The keys (child and school year) of student aid on file. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<Long> children = naturalKeys.stream().map(key -> Long.parseLong(key.substring(0, key.indexOf('|'))))
                .distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < children.size(); from += BATCH) {
            jdbc.sql("select relative_id, school_year from student_aid_application where relative_id in (:ids)")
                    .param("ids", children.subList(from, Math.min(children.size(), from + BATCH)))
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
        List<Object[]> applications = new ArrayList<>(rows.size());
        String note = "据历史台账导入（" + source.fileName() + "）";
        for (Row row : rows) {
            Map<String, String> v = row.values();
            LocalDate decided = LocalDate.parse(v.get("decidedOn"));
            String paid = v.get("paidOn");
            applications.add(new Object[] {Integer.parseInt(v.get("schoolYear")), Long.parseLong(v.get("samaritanId")),
                    Long.parseLong(v.get("relativeId")), v.get("student"), v.get("school"), v.get("stage"), note, note,
                    v.get("student"), v.get("payer"), Money.of(new BigDecimal(v.get("amount"))).amount(),
                    paid == null ? StudentAidApplication.Status.APPROVED.name() : StudentAidApplication.Status.PAID.name(),
                    me.username(), Date.valueOf(decided), me.username(), Date.valueOf(decided), v.get("document"),
                    paid == null ? null : Date.valueOf(paid), source.importId(), row.number()});
        }
        List<Long> ids = inserts.insert("student_aid_application", """
                school_year, samaritan_id, relative_id, student_name, school, stage, hardship, results, payee_name, payer,
                amount, status, submitted_by, submitted_on, decided_by, decided_on, decision_document, paid_on,
                import_id, import_row""", applications);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, StudentAid.ENTITY, id)
                .byActor(me.username()).withDetail("imported with import " + source.importId())).toList());
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select id from student_aid_application where import_id = :id").param("id", importId)
                .query(Long.class).list();
        jdbc.sql("delete from student_aid_application where import_id = :id").param("id", importId).update();
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, StudentAid.ENTITY, id)
                .byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }
}

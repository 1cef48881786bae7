package org.yiyong.samaritans.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
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
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.ResidentId;

/**
 * The families of the registry's people brought in from the earlier registers (家属名册): one row a family member,
 * found by the resident ID of the person on the registry (who must be in the caller's counties), with the same rules
 * as the family form (a known relation, a resident ID with its check digit, no birthday in the future). The natural
 * key is the person with the member's resident ID, or without one their relation and name, so the same member is
 * never added twice. Undone while nothing (an entitlement, student aid) refers to them.
 */
@Component
class FamilyImports implements ImportRegister {

    private static final int BATCH = 1000;

    private final SamaritanRegistry registry;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    private final HouseholdChanges households;

    FamilyImports(SamaritanRegistry registry, FieldCipher cipher, JdbcClient jdbc, JdbcTemplate batch,
            BatchInserts inserts, AuditTrail audit, MessageSource messages, HouseholdChanges households, Clock clock) {
        this.registry = registry;
        this.households = households;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.batch = batch;
        this.inserts = inserts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "family";
    }

    @Override
    public String titleKey() {
        return "import.register.family";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("samaritan", "见义勇为人员身份证号", true, "已在本系统登记的见义勇为人员的身份证号（请先导入人员台账）。",
                        "350582199001011234", null),
                new Column("name", "家属姓名", true, "家属的姓名。", "陈小明", null),
                new Column("relation", "关系", true, "从下拉列表中选择。", label("relation", Relation.CHILD), Arrays.stream(
                        Relation.values()).map(r -> label("relation", r)).toList()),
                new Column("residentId", "家属身份证号", false, "18 位居民身份证号码；没有的可不填，但要填出生日期。", "350582201205061238",
                        null),
                new Column("birthDate", "出生日期", false, "填了身份证号的可不填。", "2012-05-06", null),
                new Column("phone", "联系电话", false, "手机或固定电话。", "13905951235", null),
                new Column("school", "就读学校", false, "在读的学校。", "晋江市安海中学", null),
                new Column("stage", "学段", false, "从下拉列表中选择。", label("stage", SchoolStage.JUNIOR), Arrays.stream(
                        SchoolStage.values()).map(s -> label("stage", s)).toList()));
    }

    private String label(String kind, Enum<?> value) {
        return messages.getMessage("samaritan." + kind + "." + value.name(), null, value.name(),
                Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A person on the registry as the rows name them: id and county. */
    private record Person(long id, String region) {
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, Relation> relations = new HashMap<>();
        Arrays.stream(Relation.values()).forEach(r -> {
            relations.put(label("relation", r), r);
            relations.put(r.name(), r);
        });
        relations.put("妻子", Relation.SPOUSE);
        relations.put("丈夫", Relation.SPOUSE);
        relations.put("儿子", Relation.CHILD);
        relations.put("女儿", Relation.CHILD);
        relations.put("父亲", Relation.PARENT);
        relations.put("母亲", Relation.PARENT);
        Map<String, SchoolStage> stages = new HashMap<>();
        Arrays.stream(SchoolStage.values()).forEach(s -> {
            stages.put(label("stage", s), s);
            stages.put(s.name(), s);
        });
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        List<String> people = new ArrayList<>();
        for (Map<String, String> cells : rows) {
            Check check = check(cells, relations, stages, today);
            checks.add(check);
            if (check.isValid()) {
                people.add(check.values().get("samaritanIndex"));
            }
        }
        Map<String, Person> found = people(people);
        List<Check> answered = new ArrayList<>(checks.size());
        for (Check check : checks) {
            if (!check.isValid()) {
                answered.add(check);
                continue;
            }
            Person person = found.get(check.values().get("samaritanIndex"));
            if (person == null) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-unknown"))));
            } else if (!me.scope().covers(person.region())) {
                answered.add(Check.refused(List.of(Problem.of("samaritan", "import.family.samaritan-elsewhere"))));
            } else {
                Map<String, String> values = new HashMap<>(check.values());
                values.put("samaritanId", String.valueOf(person.id()));
                answered.add(Check.valid(values, check.naturalKey()));
            }
        }
        return answered;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, Map<String, Relation> relations, Map<String, SchoolStage> stages,
            LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        String samaritanIndex = null;
        try {
            ResidentId person = registry.residentId("samaritan", Cells.residentId(Cells.text(cells.get("samaritan"))),
                    true);
            samaritanIndex = cipher.blindIndex(person.value());
            values.put("samaritanIndex", samaritanIndex);
        } catch (InvalidField invalid) {
            problems.add(new Problem("samaritan", invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        String name = Cells.text(cells.get("name"));
        if (name == null) {
            problems.add(Problem.of("name", "validation.required"));
        } else if (name.length() > 60) {
            problems.add(Problem.of("name", "validation.too-long"));
        } else {
            values.put("name", name);
        }
        String relation = Cells.text(cells.get("relation"));
        if (relation == null) {
            problems.add(Problem.of("relation", "validation.required"));
        } else if (!relations.containsKey(relation)) {
            problems.add(Problem.of("relation", "import.family.relation-unknown", relation));
        } else {
            values.put("relation", relations.get(relation).name());
        }
        String memberIndex = null;
        LocalDate birthDate = null;
        String rawId = Cells.text(cells.get("residentId"));
        if (rawId != null) {
            try {
                ResidentId id = registry.residentId("residentId", Cells.residentId(rawId), true);
                values.put("residentId", id.value());
                memberIndex = cipher.blindIndex(id.value());
                birthDate = id.birthDate();
            } catch (InvalidField invalid) {
                problems.add(new Problem("residentId", invalid.messageKey(), invalid.arguments() == null ? List.of()
                        : List.of(invalid.arguments())));
            }
        }
        String rawBirth = Cells.text(cells.get("birthDate"));
        if (rawBirth != null && birthDate == null) {
            try {
                birthDate = Cells.date(rawBirth);
                if (birthDate.isAfter(today)) {
                    problems.add(Problem.of("birthDate", "import.date.future"));
                    birthDate = null;
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(Problem.of("birthDate", "import.date.unreadable", rawBirth));
            }
        }
        if (birthDate != null) {
            values.put("birthDate", birthDate.toString());
        }
        String phone = Cells.text(cells.get("phone"));
        if (phone != null) {
            try {
                values.put("phone", PhoneNumber.optional("phone", Cells.ascii(phone)));
            } catch (InvalidField invalid) {
                problems.add(Problem.of("phone", invalid.messageKey()));
            }
        }
        String school = Cells.text(cells.get("school"));
        if (school != null && school.length() > 100) {
            problems.add(Problem.of("school", "validation.too-long"));
        } else if (school != null) {
            values.put("school", school);
        }
        String stage = Cells.text(cells.get("stage"));
        if (stage != null && !stages.containsKey(stage)) {
            problems.add(Problem.of("stage", "import.family.stage-unknown", stage));
        } else if (stage != null) {
            values.put("stage", stages.get(stage).name());
        }
        if (!problems.isEmpty()) {
            return Check.refused(problems);
        }
        String member = memberIndex != null ? "id:" + memberIndex : values.get("relation") + ":" + name;
        return Check.valid(values, samaritanIndex + "|" + member);
    }

    private Map<String, Person> people(List<String> indexes) {
        Map<String, Person> found = new HashMap<>();
        List<String> distinct = indexes.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            jdbc.sql("select id, resident_id_index, region_code from samaritan where resident_id_index in (:keys)")
                    .param("keys", distinct.subList(from, Math.min(distinct.size(), from + BATCH)))
                    .query(rs -> {
                        found.put(rs.getString(2), new Person(rs.getLong(1), rs.getString(3)));
                    });
        }
        return found;
    }

    /** The keys of family members on file: the person's blind index with the member's, or relation and name. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<String> indexes = naturalKeys.stream().map(key -> key.substring(0, key.indexOf('|'))).distinct()
                .toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < indexes.size(); from += BATCH) {
            jdbc.sql("""
                    select s.resident_id_index, r.resident_id_index as member, r.relation, r.name
                    from relative r join samaritan s on s.id = r.samaritan_id where s.resident_id_index in (:keys)""")
                    .param("keys", indexes.subList(from, Math.min(indexes.size(), from + BATCH)))
                    .query(rs -> {
                        String person = rs.getString(1) + "|";
                        for (String key : List.of(person + "id:" + rs.getString("member"),
                                person + rs.getString("relation") + ":" + rs.getString("name"))) {
                            if (wanted.contains(key)) {
                                found.add(key);
                            }
                        }
                    });
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Timestamp at = Timestamp.from(clock.instant());
        List<Object[]> relatives = new ArrayList<>(rows.size());
        List<Object[]> events = new ArrayList<>(rows.size());
        List<AuditRecord> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            String id = v.get("residentId");
            ResidentId member = id == null ? null : ResidentId.parse(id);
            relatives.add(new Object[] {Long.parseLong(v.get("samaritanId")), v.get("relation"), v.get("name"),
                    member == null ? null : cipher.encrypt(member.value()),
                    member == null ? null : cipher.blindIndex(member.value()), member == null ? null : member.masked(),
                    v.get("birthDate") == null ? null : Date.valueOf(v.get("birthDate")), v.get("phone"),
                    v.get("school"), v.get("stage"), source.importId(), row.number()});
            events.add(new Object[] {Long.parseLong(v.get("samaritanId")), at, me.username(), "RELATIVE_ADDED",
                    v.get("name") + " · 导入批次 #" + source.importId() + " 第 " + row.number() + " 行"});
            entries.add(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, v.get("samaritanId"))
                    .byActor(me.username()).withDetail("relative imported with import " + source.importId() + ", row "
                            + row.number() + ": " + v.get("relation") + " " + v.get("name")));
        }
        List<Long> ids = inserts.insert("relative", """
                samaritan_id, relation, name, resident_id, resident_id_index, resident_id_masked, birth_date, phone,
                school, stage, import_id, import_row""", relatives);
        for (int from = 0; from < events.size(); from += BATCH) {
            batch.batchUpdate("""
                    insert into samaritan_event (samaritan_id, occurred_at, actor, kind, detail)
                    values (?, ?, ?, ?, ?)""", events.subList(from, Math.min(events.size(), from + BATCH)));
        }
        audit.recordAtCommit(entries);
        households.changed(relatives.stream().map(r -> (Long) r[0]).toList());
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Object[]> members = jdbc.sql("select id, samaritan_id, name from relative where import_id = :id")
                .param("id", importId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .list();
        try {
            jdbc.sql("""
                    delete from samaritan_event where kind = 'RELATIVE_ADDED' and detail like :mark
                    and samaritan_id in (select samaritan_id from relative where import_id = :id)""")
                    .param("mark", "% · 导入批次 #" + importId + " 第 %").param("id", importId).update();
            jdbc.sql("delete from relative where import_id = :id").param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            // an entitlement, student aid, a condolence line… names one of them
            throw new SamaritanImports.ImportInUse();
        }
        audit.recordAtCommit(members.stream().map(m -> AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY,
                m[1]).byActor(me.username()).withDetail("relative " + m[2] + " removed with import " + importId))
                .toList());
        households.changed(members.stream().map(m -> (Long) m[1]).toList());
        return members.size();
    }
}

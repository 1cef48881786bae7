package org.yiyong.community.internal;

import java.sql.Date;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.CellChecks;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.platform.BatchInserts;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.ResidentId;

/**
 * Volunteers of the earlier registers (志愿者名册) brought into their teams: one row a volunteer, the team found by its
 * name among the teams of the caller's counties, with the form's rules (a resident ID with its check digit, a phone,
 * the day they joined) and the day they agreed in writing to be registered, which the form asks for too. The natural
 * key is the resident ID: a volunteer is registered once, in one team. Undone while none of them has hours, an
 * activity or a certificate on record.
 */
@Component
class VolunteerImports implements ImportRegister {

    private static final int BATCH = 1000;

    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final Clock clock;

    VolunteerImports(FieldCipher cipher, JdbcClient jdbc, BatchInserts inserts, AuditTrail audit, Clock clock) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "volunteers";
    }

    @Override
    public String titleKey() {
        return "import.register.volunteers";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("name", "姓名", true, "志愿者的姓名。", "林志明", null),
                new Column("residentId", "身份证号", true, "18 位居民身份证号码。", "350582198805061233", null),
                new Column("team", "所属队伍", true, "本系统中已建立的志愿者队伍的名称（同名队伍在多个县的，请由该县工作人员导入）。",
                        "安海镇见义勇为志愿服务队", null),
                new Column("joinedOn", "加入日期", true, "加入队伍的日期。", "2021-03-05", null),
                new Column("consentOn", "同意登记日期", true, "本人签署登记同意书的日期；没有同意书的不能登记。", "2021-03-05", null),
                new Column("phone", "联系电话", false, "手机或固定电话。", "13905951236", null),
                new Column("skills", "特长", false, "如 游泳、急救、驾驶。", "游泳、急救", null));
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A team of the caller's counties. */
    private record Team(long id, String region) {
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, List<Team>> teams = new HashMap<>();
        jdbc.sql("select id, name, region_code from volunteer_team where region_code in (:scope)")
                .param("scope", me.scope().regionCodes())
                .query(rs -> {
                    teams.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>()).add(new Team(rs.getLong("id"),
                            rs.getString("region_code")));
                });
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(cells, teams, today));
        }
        return checks;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, Map<String, List<Team>> teams, LocalDate today) {
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
        String index = null;
        String rawId = Cells.residentId(Cells.text(cells.get("residentId")));
        if (rawId == null) {
            problems.add(Problem.of("residentId", "validation.required"));
        } else {
            try {
                ResidentId id = ResidentId.parse(rawId, today);
                values.put("residentId", id.value());
                index = cipher.blindIndex(id.value());
            } catch (InvalidField invalid) {
                problems.add(new Problem("residentId", invalid.messageKey(), invalid.arguments() == null ? List.of()
                        : List.of(invalid.arguments())));
            }
        }
        String team = Cells.text(cells.get("team"));
        List<Team> found = team == null ? List.of() : teams.getOrDefault(team, List.of());
        if (team == null) {
            problems.add(Problem.of("team", "validation.required"));
        } else if (found.isEmpty()) {
            problems.add(Problem.of("team", "import.volunteer.team-unknown", team));
        } else if (found.size() > 1) {
            problems.add(Problem.of("team", "import.volunteer.team-ambiguous", team));
        } else {
            values.put("teamId", String.valueOf(found.get(0).id()));
            values.put("region", found.get(0).region());
        }
        LocalDate joined = CellChecks.date(cells, "joinedOn", true, today, problems);
        LocalDate consent = CellChecks.date(cells, "consentOn", true, today, problems);
        if (joined != null) {
            values.put("joinedOn", joined.toString());
        }
        if (consent != null) {
            values.put("consentOn", consent.toString());
        }
        String phone = Cells.text(cells.get("phone"));
        if (phone != null) {
            try {
                values.put("phone", PhoneNumber.optional("phone", Cells.ascii(phone)));
            } catch (InvalidField invalid) {
                problems.add(Problem.of("phone", invalid.messageKey()));
            }
        }
        String skills = Cells.text(cells.get("skills"));
        if (skills != null && skills.length() > 300) {
            problems.add(Problem.of("skills", "validation.too-long"));
        } else if (skills != null) {
            values.put("skills", skills);
        }
        return problems.isEmpty() ? Check.valid(values, index) : Check.refused(problems);
    }

    /** The resident IDs (blind indexes) of volunteers registered already, in any team. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        List<String> keys = List.copyOf(new HashSet<>(naturalKeys));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            found.addAll(jdbc.sql("select resident_id_index from volunteer where resident_id_index in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH))).query(String.class)
                    .list());
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        List<Object[]> volunteers = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            ResidentId id = ResidentId.parse(v.get("residentId"));
            volunteers.add(new Object[] {Long.parseLong(v.get("teamId")), v.get("region"), v.get("name"),
                    cipher.encrypt(id.value()), cipher.blindIndex(id.value()), id.masked(), v.get("phone"),
                    v.get("skills"), "ACTIVE", Date.valueOf(v.get("joinedOn")), Date.valueOf(v.get("consentOn")),
                    me.username(), source.importId(), row.number()});
        }
        List<Long> ids = inserts.insert("volunteer", """
                team_id, region_code, name, resident_id, resident_id_index, resident_id_masked, phone, skills, status,
                joined_on, consent_on, consent_recorded_by, import_id, import_row""", volunteers);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, Volunteering.VOLUNTEER, id)
                .byActor(me.username()).withDetail("imported with import " + source.importId() + "; consent on record"))
                .toList());
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select id from volunteer where import_id = :id").param("id", importId)
                .query(Long.class).list();
        try {
            jdbc.sql("delete from volunteer where import_id = :id").param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            // hours, an activity, a certificate, a training names one of them
            throw new InUse();
        }
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, Volunteering.VOLUNTEER, id)
                .byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }

    /** Volunteers of an import that something refers to already stay. */
    static final class InUse extends DomainException {
        InUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}

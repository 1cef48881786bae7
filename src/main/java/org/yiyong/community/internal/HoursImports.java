package org.yiyong.community.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.community.ActivityKind;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.CellChecks;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.platform.BatchInserts;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.ResidentId;

/**
 * Volunteer hours of the earlier registers (志愿服务时长台账): one row a volunteer's service on a day — the
 * volunteer on file in a team of the caller's counties (by resident ID, the name as registered), the day, the kind,
 * what was done, where, and the hours. Rows of one team, day, kind, content and place become one activity of that
 * team, as long as the longest service in it, with each volunteer signed in for their hours; so the hours count in
 * the volunteer's stars and in the statistics (activities, volunteer hours) as hours signed in by hand do. The
 * natural key is the volunteer with the day and the content: the same service is brought in once. Undone while no
 * one has signed more volunteers in to its activities.
 */
@Component
class HoursImports implements ImportRegister {

    private static final int BATCH = 1000;
    private static final BigDecimal MOST_HOURS = BigDecimal.valueOf(24);
    private static final Pattern HOURS = Pattern.compile("\\d{1,2}(\\.\\d{1,2})?");
    private static final LocalTime STARTS = LocalTime.of(8, 0);

    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    HoursImports(FieldCipher cipher, JdbcClient jdbc, BatchInserts inserts, AuditTrail audit, MessageSource messages,
            Clock clock) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "volunteer-hours";
    }

    @Override
    public String titleKey() {
        return "import.register.volunteer-hours";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("name", "姓名", true, "志愿者的姓名，须与本系统志愿者名册中的一致。", "林志明", null),
                new Column("residentId", "身份证号", true, "18 位居民身份证号码；志愿者须已在本系统登记（可先导入志愿者名册）。",
                        "350582198805061233", null),
                new Column("servedOn", "服务日期", true, "提供志愿服务的日期，不早于加入队伍的日期。", "2023-07-15", null),
                new Column("kind", "活动类型", true, "从下拉列表中选择。", label(ActivityKind.PATROL), kinds()),
                new Column("title", "服务内容", true, "如 暑期防溺水巡逻；同一天同一内容的各行合为一次活动。", "暑期防溺水巡逻", null),
                new Column("place", "服务地点", false, "不填的，记为“台账未记地点”。", "安海镇西安村水库", null),
                new Column("hours", "服务时长（小时）", true, "大于 0、不超过 24 小时，最多两位小数，如 2.5。", "3", null));
    }

    private String label(ActivityKind kind) {
        return messages.getMessage("activity.kind." + kind.name(), null, kind.name(), Locale.SIMPLIFIED_CHINESE);
    }

    private List<String> kinds() {
        return java.util.Arrays.stream(ActivityKind.values()).map(this::label).toList();
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** A volunteer of the caller's counties, as the register names them. */
    private record Volunteer(long id, long teamId, String region, String name, LocalDate joinedOn) {
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        LocalDate today = LocalDate.now(clock);
        Map<String, ActivityKind> kinds = new HashMap<>();
        for (ActivityKind kind : ActivityKind.values()) {
            kinds.put(label(kind), kind);
            kinds.put(kind.name(), kind);
        }
        List<String[]> ids = new ArrayList<>(rows.size()); // normalised ID and its index, or the problem
        Set<String> indexes = new HashSet<>();
        for (Map<String, String> cells : rows) {
            String raw = Cells.residentId(Cells.text(cells.get("residentId")));
            if (raw == null) {
                ids.add(null);
                continue;
            }
            try {
                ResidentId id = ResidentId.parse(raw, today);
                String index = cipher.blindIndex(id.value());
                indexes.add(index);
                ids.add(new String[] {id.value(), index});
            } catch (InvalidField invalid) {
                ids.add(new String[] {null, invalid.messageKey()});
            }
        }
        Map<String, Volunteer> volunteers = volunteers(me, indexes);
        List<Check> checks = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            checks.add(check(rows.get(i), ids.get(i), volunteers, kinds, today));
        }
        return checks;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    /** The volunteers of the caller's counties with these resident IDs, by blind index. */
    private Map<String, Volunteer> volunteers(CurrentUser me, Set<String> indexes) {
        List<String> keys = List.copyOf(indexes);
        Map<String, Volunteer> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            jdbc.sql("""
                    select id, team_id, region_code, name, joined_on, resident_id_index from volunteer
                    where resident_id_index in (:keys) and region_code in (:scope)""")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH)))
                    .param("scope", me.scope().regionCodes())
                    .query(rs -> {
                        found.put(rs.getString("resident_id_index"), new Volunteer(rs.getLong("id"),
                                rs.getLong("team_id"), rs.getString("region_code"), rs.getString("name"),
                                rs.getDate("joined_on").toLocalDate()));
                    });
        }
        return found;
    }

    private Check check(Map<String, String> cells, String[] id, Map<String, Volunteer> volunteers,
            Map<String, ActivityKind> kinds, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        String name = Cells.text(cells.get("name"));
        if (name == null) {
            problems.add(Problem.of("name", "validation.required"));
        }
        Volunteer volunteer = null;
        if (id == null) {
            problems.add(Problem.of("residentId", "validation.required"));
        } else if (id[0] == null) {
            problems.add(Problem.of("residentId", id[1]));
        } else {
            volunteer = volunteers.get(id[1]);
            if (volunteer == null) {
                problems.add(Problem.of("residentId", "import.hours.volunteer-unknown"));
            } else if (name != null && !name.equals(volunteer.name())) {
                problems.add(Problem.of("name", "import.hours.name-mismatch", volunteer.name()));
            } else {
                values.put("volunteerId", String.valueOf(volunteer.id()));
                values.put("teamId", String.valueOf(volunteer.teamId()));
                values.put("region", volunteer.region());
            }
        }
        LocalDate served = CellChecks.date(cells, "servedOn", true, today, problems);
        if (served != null && volunteer != null && served.isBefore(volunteer.joinedOn())) {
            problems.add(Problem.of("servedOn", "import.hours.before-joining", volunteer.joinedOn().toString()));
        } else if (served != null) {
            values.put("servedOn", served.toString());
        }
        String kind = Cells.text(cells.get("kind"));
        if (kind == null) {
            problems.add(Problem.of("kind", "validation.required"));
        } else if (!kinds.containsKey(kind)) {
            problems.add(Problem.of("kind", "import.hours.kind-unknown", kind));
        } else {
            values.put("kind", kinds.get(kind).name());
        }
        String title = Cells.text(cells.get("title"));
        if (title == null) {
            problems.add(Problem.of("title", "validation.required"));
        } else if (title.length() > 120) {
            problems.add(Problem.of("title", "validation.too-long"));
        } else {
            values.put("title", title);
        }
        String place = Cells.text(cells.get("place"));
        if (place != null && place.length() > 200) {
            problems.add(Problem.of("place", "validation.too-long"));
        } else {
            values.put("place", place != null ? place : "台账未记地点");
        }
        BigDecimal hours = hours(Cells.text(cells.get("hours")), problems);
        if (hours != null) {
            values.put("hours", hours.toPlainString());
        }
        if (!problems.isEmpty()) {
            return Check.refused(problems);
        }
        return Check.valid(values, naturalKey(id[1], served, title));
    }

    private static BigDecimal hours(String raw, List<Problem> problems) {
        if (raw == null) {
            problems.add(Problem.of("hours", "validation.required"));
            return null;
        }
        String value = Cells.ascii(raw).replaceAll("\\s", "").replaceFirst("(小时|h|H)$", "");
        if (!HOURS.matcher(value).matches()) {
            problems.add(Problem.of("hours", "import.hours.unreadable", raw));
            return null;
        }
        BigDecimal hours = new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
        if (hours.signum() <= 0 || hours.compareTo(MOST_HOURS) > 0) {
            problems.add(Problem.of("hours", "import.hours.out-of-range"));
            return null;
        }
        return hours;
    }

    /** The volunteer (blind index), the day and the content: one service. */
    private static String naturalKey(String index, LocalDate day, String title) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
            return index + "|" + day + "|" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The services on file already, among these: hours signed in on that day to an activity with that content. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<String> indexes = wanted.stream().map(key -> key.substring(0, key.indexOf('|'))).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < indexes.size(); from += BATCH) {
            jdbc.sql("""
                    select v.resident_id_index, a.starts_at, a.title from volunteer_attendance h
                    join volunteer v on v.id = h.volunteer_id join volunteer_activity a on a.id = h.activity_id
                    where v.resident_id_index in (:keys)""")
                    .param("keys", indexes.subList(from, Math.min(indexes.size(), from + BATCH)))
                    .query(rs -> {
                        String key = naturalKey(rs.getString(1), rs.getTimestamp(2).toLocalDateTime().toLocalDate(),
                                rs.getString(3));
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    /** One activity: a team's service of a kind on a day, with its content and place. */
    private record ActivityKey(long teamId, String region, String day, String kind, String title, String place) {
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Map<ActivityKey, BigDecimal> longest = new LinkedHashMap<>();
        for (Row row : rows) {
            Map<String, String> v = row.values();
            longest.merge(activityOf(v), new BigDecimal(v.get("hours")), BigDecimal::max);
        }
        // an activity an earlier part of the file made takes this part's rows too, made longer when they need it
        Map<ActivityKey, Long> idOf = new HashMap<>();
        Map<ActivityKey, LocalDateTime> endsOf = new HashMap<>();
        jdbc.sql("""
                select id, team_id, region_code, starts_at, ends_at, kind, title, place from volunteer_activity
                where import_id = :id""").param("id", source.importId())
                .query(rs -> {
                    ActivityKey key = new ActivityKey(rs.getLong("team_id"), rs.getString("region_code"),
                            rs.getTimestamp("starts_at").toLocalDateTime().toLocalDate().toString(),
                            rs.getString("kind"), rs.getString("title"), rs.getString("place"));
                    idOf.put(key, rs.getLong("id"));
                    endsOf.put(key, rs.getTimestamp("ends_at").toLocalDateTime());
                });
        Timestamp now = Timestamp.from(clock.instant());
        List<ActivityKey> fresh = new ArrayList<>();
        List<Object[]> activities = new ArrayList<>(longest.size());
        for (Map.Entry<ActivityKey, BigDecimal> activity : longest.entrySet()) {
            ActivityKey key = activity.getKey();
            LocalDateTime starts = LocalDate.parse(key.day()).atTime(STARTS);
            LocalDateTime ends = starts.plusMinutes(activity.getValue().multiply(BigDecimal.valueOf(60))
                    .setScale(0, RoundingMode.CEILING).longValueExact());
            if (idOf.containsKey(key)) {
                if (ends.isAfter(endsOf.get(key))) {
                    jdbc.sql("update volunteer_activity set ends_at = :ends where id = :id")
                            .param("ends", Timestamp.valueOf(ends)).param("id", idOf.get(key)).update();
                }
                continue;
            }
            fresh.add(key);
            activities.add(new Object[] {key.teamId(), key.region(), key.kind(), key.title(), key.place(),
                    Timestamp.valueOf(starts), Timestamp.valueOf(ends), me.username(), now, source.importId()});
        }
        List<Long> activityIds = inserts.insert("volunteer_activity",
                "team_id, region_code, kind, title, place, starts_at, ends_at, created_by, created_at, import_id",
                activities);
        for (int i = 0; i < fresh.size(); i++) {
            idOf.put(fresh.get(i), activityIds.get(i));
        }
        List<Object[]> attendance = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            attendance.add(new Object[] {idOf.get(activityOf(v)), Long.parseLong(v.get("volunteerId")),
                    new BigDecimal(v.get("hours")), me.username(), now, source.importId(), row.number()});
        }
        List<Long> ids = inserts.insert("volunteer_attendance",
                "activity_id, volunteer_id, hours, signed_in_by, signed_in_at, import_id, import_row", attendance);
        List<AuditRecord> entries = new ArrayList<>(activityIds.size());
        for (Long activity : activityIds) {
            entries.add(AuditRecord.of(AuditAction.CREATE, Volunteering.ACTIVITY, activity).byActor(me.username())
                    .withDetail("imported with import " + source.importId()));
        }
        audit.recordAtCommit(entries);
        return ids;
    }

    private static ActivityKey activityOf(Map<String, String> v) {
        return new ActivityKey(Long.parseLong(v.get("teamId")), v.get("region"), v.get("servedOn"), v.get("kind"),
                v.get("title"), v.get("place"));
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> activities = jdbc.sql("select id from volunteer_activity where import_id = :id")
                .param("id", importId).query(Long.class).list();
        int removed = jdbc.sql("delete from volunteer_attendance where import_id = :id").param("id", importId)
                .update();
        try {
            jdbc.sql("delete from volunteer_activity where import_id = :id").param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            // someone signed a volunteer in to one of its activities, or added a photo to it
            throw new VolunteerImports.InUse();
        }
        audit.recordAtCommit(activities.stream().map(id -> AuditRecord.of(AuditAction.DELETE, Volunteering.ACTIVITY,
                id).byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return removed;
    }
}

package org.yiyong.community;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Masking;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.ResidentId;

/**
 * Volunteer teams, their volunteers and activities: a team belongs to a work station or an association of
 * a county; its volunteers are registered with their consent, once each (by resident ID number, kept
 * encrypted with a blind index, shown masked); an activity signs its volunteers in with their hours, never
 * more than the activity lasted and never before it started. Everything is read and changed within the
 * caller's data scope (another county's team or volunteer is not found), a station's staff change only
 * their own station's teams, and every change is audited.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class Volunteering {

    static final String TEAM = "VolunteerTeam";
    public static final String VOLUNTEER = "Volunteer";
    public static final String ACTIVITY = "VolunteerActivity";
    /** Certificates expiring within these days are listed to be renewed. */
    public static final int EXPIRY_WARNING_DAYS = 60;

    private final JdbcClient jdbc;
    private final OrganizationLookup organizations;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    Volunteering(JdbcClient jdbc, OrganizationLookup organizations, FieldCipher cipher, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- teams

    /** A team as lists and pages show it. */
    public record Team(long id, String name, TeamKind kind, String regionCode, long organizationId,
            String organizationName, String leaderUsername, LocalDate foundedOn, long activeVolunteers) {
    }

    /** What staff fill in for a new team. */
    public record NewTeam(String name, TeamKind kind, Long organizationId, String leaderUsername,
            LocalDate foundedOn) {
    }

    /** The teams within the caller's scope, by county and name. */
    public List<Team> teams(CurrentUser me) {
        return named(jdbc.sql(TEAM_SELECT + " where t.region_code in (:scope) order by t.region_code, t.name")
                .param("scope", me.scope().regionCodes()).query(this::team).list());
    }

    public Team team(CurrentUser me, long id) {
        Team team = ScopedLookup.inScope(audit, TEAM, id, jdbc.sql(TEAM_SELECT
                        + " where t.id = :id and t.region_code in (:scope)").param("id", id)
                .param("scope", me.scope().regionCodes()).query(this::team).optional(), exists("volunteer_team"));
        return named(List.of(team)).get(0);
    }

    /** The teams with the names of the organizations they belong to (from the organization module). */
    private List<Team> named(List<Team> teams) {
        Map<Long, String> names = organizations.namesOf(teams.stream().map(Team::organizationId).toList());
        return teams.stream().map(team -> new Team(team.id(), team.name(), team.kind(), team.regionCode(),
                team.organizationId(), names.get(team.organizationId()), team.leaderUsername(), team.foundedOn(),
                team.activeVolunteers())).toList();
    }

    /** The associations and work stations a team of the caller may be attached to. */
    public List<OrganizationLookup.Carer> hosts(CurrentUser me) {
        return organizations.carers().stream().filter(carer -> me.scope().covers(carer.regionCode()))
                .filter(carer -> !stationOnly(me) || carer.id() == me.organizationId()).toList();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Team createTeam(CurrentUser me, NewTeam team) {
        String name = Inputs.text("name", team.name(), 100, true);
        Inputs.required("kind", team.kind());
        Inputs.required("organizationId", team.organizationId());
        OrganizationLookup.Carer host = hosts(me).stream().filter(carer -> carer.id() == team.organizationId())
                .findFirst().orElseThrow(() -> new InvalidField("organizationId", "volunteer.team.host-invalid"));
        if (team.foundedOn() != null) {
            Inputs.date("foundedOn", team.foundedOn(), Inputs.EARLIEST, LocalDate.now(clock));
        }
        if (jdbc.sql("select count(*) from volunteer_team where region_code = :region and name = :name")
                .param("region", host.regionCode()).param("name", name).query(Long.class).single() > 0) {
            throw new InvalidField("name", "volunteer.team.name-taken");
        }
        String leader = team.leaderUsername() == null || team.leaderUsername().isBlank() ? null
                : team.leaderUsername().trim();
        long id = insert("""
                insert into volunteer_team (name, kind, region_code, organization_id, leader_username, founded_on,
                    created_by, created_at)
                values (:name, :kind, :region, :organization, :leader, :founded, :by, :at)""", Map.of(
                "name", name, "kind", team.kind().name(), "region", host.regionCode(), "organization", host.id(),
                "by", me.username(), "at", Timestamp.from(clock.instant())), "leader", leader, "founded",
                team.foundedOn());
        audit.record(AuditRecord.of(AuditAction.CREATE, TEAM, id).withDetail(name + " (" + host.name() + ")"));
        return team(me, id);
    }

    // ---------------------------------------------------------------- volunteers

    /** A volunteer as lists show them: the ID number masked, hours this year and in all, stars. */
    public record Volunteer(long id, long teamId, String teamName, String regionCode, String name,
            String residentIdMasked, String phoneMasked, String skills, VolunteerStatus status, LocalDate joinedOn,
            BigDecimal hoursThisYear, BigDecimal hoursInAll, int stars) {
    }

    /** What staff fill in to register a volunteer; {@code consent} is their signed agreement. */
    public record NewVolunteer(String name, String residentId, String phone, String skills, LocalDate joinedOn,
            boolean consent) {
    }

    /** The volunteers of a team, by name. */
    public List<Volunteer> members(CurrentUser me, long teamId) {
        Team team = team(me, teamId);
        return jdbc.sql(VOLUNTEER_SELECT + " where v.team_id = :team order by v.status, v.name")
                .param("team", team.id()).params(yearParams()).query(this::volunteer).list();
    }

    /** The volunteers of an organization's teams within the caller's scope (a station's ledger), active first. */
    public List<Volunteer> volunteersOf(CurrentUser me, long organizationId) {
        return jdbc.sql(VOLUNTEER_SELECT + "\n" + """
                where t.organization_id = :org and v.region_code in (:scope) order by v.status, t.name, v.name""")
                .param("org", organizationId).param("scope", me.scope().regionCodes()).params(yearParams())
                .query(this::volunteer).list();
    }

    public Volunteer volunteer(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, VOLUNTEER, id,
                jdbc.sql(VOLUNTEER_SELECT + " where v.id = :id and v.region_code in (:scope)").param("id", id)
                        .param("scope", me.scope().regionCodes()).params(yearParams()).query(this::volunteer)
                        .optional(),
                exists("volunteer"));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Volunteer register(CurrentUser me, long teamId, NewVolunteer volunteer) {
        Team team = changeable(me, teamId);
        String name = Inputs.text("name", volunteer.name(), 60, true);
        Inputs.requiredText("residentId", volunteer.residentId());
        ResidentId residentId = ResidentId.parse(volunteer.residentId(), LocalDate.now(clock));
        String phone = PhoneNumber.optional("phone", volunteer.phone());
        String skills = Inputs.text("skills", volunteer.skills(), 300, false);
        LocalDate today = LocalDate.now(clock);
        LocalDate joinedOn = volunteer.joinedOn() == null ? today
                : Inputs.date("joinedOn", volunteer.joinedOn(), Inputs.EARLIEST, today);
        if (!volunteer.consent()) {
            throw new InvalidField("consent", "volunteer.consent.required");
        }
        String index = cipher.blindIndex(residentId.value());
        Optional<Map<String, Object>> existing = jdbc.sql("""
                select v.id, v.name, t.name as team from volunteer v join volunteer_team t on t.id = v.team_id
                where v.resident_id_index = :index""").param("index", index).query().listOfRows().stream()
                .findFirst();
        if (existing.isPresent()) {
            throw new InvalidField("residentId", "volunteer.registered-already", existing.get().get("name"),
                    existing.get().get("team"), existing.get().get("id"));
        }
        long id = insert("""
                insert into volunteer (team_id, region_code, name, resident_id, resident_id_index, resident_id_masked,
                    phone, skills, status, joined_on, consent_on, consent_recorded_by)
                values (:team, :region, :name, :rid, :index, :masked, :phone, :skills, 'ACTIVE', :joined, :consent,
                    :by)""", Map.of("team", team.id(), "region", team.regionCode(), "name", name, "rid",
                cipher.encrypt(residentId.value()), "index", index, "masked", residentId.masked(), "joined", joinedOn,
                "consent", today, "by", me.username()), "phone", phone, "skills", skills);
        audit.record(AuditRecord.of(AuditAction.CREATE, VOLUNTEER, id)
                .withDetail(name + " joined " + team.name() + "; consent recorded"));
        return volunteer(me, id);
    }

    /** A volunteer pauses, comes back or leaves; their hours stay. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Volunteer changeStatus(CurrentUser me, long id, VolunteerStatus status) {
        Volunteer volunteer = volunteer(me, id);
        changeable(me, volunteer.teamId());
        Inputs.required("status", status);
        jdbc.sql("update volunteer set status = :status, version = version + 1 where id = :id")
                .param("status", status.name()).param("id", id).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, VOLUNTEER, id)
                .withDetail("status " + volunteer.status() + " → " + status));
        return volunteer(me, id);
    }

    // ---------------------------------------------------------------- certificates

    /** A certificate a volunteer holds (救护员证, lifesaving…), with the day it expires. */
    public record Certificate(long id, long volunteerId, String volunteerName, String teamName, String regionCode,
            CertificateKind kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
    }

    public List<Certificate> certificates(CurrentUser me, long volunteerId) {
        Volunteer volunteer = volunteer(me, volunteerId);
        return jdbc.sql(CERTIFICATE_SELECT + " where c.volunteer_id = :id order by c.expires_on")
                .param("id", volunteer.id()).query(this::certificate).list();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Certificate addCertificate(CurrentUser me, long volunteerId, CertificateKind kind, String number,
            LocalDate issuedOn, LocalDate expiresOn) {
        Volunteer volunteer = volunteer(me, volunteerId);
        changeable(me, volunteer.teamId());
        Inputs.required("kind", kind);
        Inputs.required("expiresOn", expiresOn);
        LocalDate today = LocalDate.now(clock);
        if (issuedOn != null) {
            Inputs.date("issuedOn", issuedOn, Inputs.EARLIEST, today);
            if (!expiresOn.isAfter(issuedOn)) {
                throw new InvalidField("expiresOn", "volunteer.certificate.expires-before-issue");
            }
        }
        Inputs.date("expiresOn", expiresOn, Inputs.EARLIEST, Inputs.LATEST);
        long id = insert("""
                insert into volunteer_certificate (volunteer_id, kind, number, issued_on, expires_on)
                values (:volunteer, :kind, :number, :issued, :expires)""", Map.of("volunteer", volunteerId, "kind",
                kind.name(), "expires", expiresOn), "number", Inputs.text("number", number, 60, false), "issued",
                issuedOn);
        audit.record(AuditRecord.of(AuditAction.CREATE, "VolunteerCertificate", id)
                .withDetail(volunteer.name() + ": " + kind + " until " + expiresOn));
        return jdbc.sql(CERTIFICATE_SELECT + " where c.id = :id").param("id", id).query(this::certificate).single();
    }

    /** Removes a certificate recorded by mistake (a renewed one is added anew, the old one removed). */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public void removeCertificate(CurrentUser me, long volunteerId, long certificateId) {
        Volunteer volunteer = volunteer(me, volunteerId);
        changeable(me, volunteer.teamId());
        int removed = jdbc.sql("delete from volunteer_certificate where id = :id and volunteer_id = :volunteer")
                .param("id", certificateId).param("volunteer", volunteerId).update();
        if (removed == 0) {
            throw ScopedLookup.notFound(audit, "VolunteerCertificate", certificateId, false, null);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, VOLUNTEER, volunteerId)
                .withDetail("certificate " + certificateId + " removed"));
    }

    /**
     * A volunteer moves to another team the caller may change (their county follows the team's); their hours
     * and certificates go with them.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Volunteer move(CurrentUser me, long volunteerId, long teamId) {
        Volunteer volunteer = volunteer(me, volunteerId);
        changeable(me, volunteer.teamId());
        Team target;
        try {
            target = changeable(me, teamId);
        } catch (org.yiyong.shared.RecordNotFound notYours) {
            throw new InvalidField("teamId", "volunteer.move.team-invalid");
        }
        if (target.id() == volunteer.teamId()) {
            throw new InvalidField("teamId", "volunteer.move.same-team");
        }
        jdbc.sql("update volunteer set team_id = :team, region_code = :region, version = version + 1 where id = :id")
                .param("team", target.id()).param("region", target.regionCode()).param("id", volunteerId).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, VOLUNTEER, volunteerId)
                .withDetail("moved from " + volunteer.teamName() + " to " + target.name()));
        return volunteer(me, volunteerId);
    }

    /**
     * The certificates of active volunteers within the scope that expire from today to {@value #EXPIRY_WARNING_DAYS}
     * days ahead, soonest first: to be renewed.
     */
    public List<Certificate> expiringSoon(CurrentUser me) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(CERTIFICATE_SELECT + "\n" + """
                 where v.region_code in (:scope) and v.status = 'ACTIVE'
                   and c.expires_on >= :today and c.expires_on <= :until
                 order by c.expires_on, v.name""")
                .param("scope", me.scope().regionCodes()).param("today", today)
                .param("until", today.plusDays(EXPIRY_WARNING_DAYS)).query(this::certificate).list();
    }

    // ---------------------------------------------------------------- activities and hours

    /** An activity of a team: what, where, when, and how many signed in for how many hours. */
    public record Activity(long id, long teamId, String teamName, String regionCode, ActivityKind kind, String title,
            String place, LocalDateTime startsAt, LocalDateTime endsAt, long signedIn, BigDecimal hours) {

        /** The most hours one volunteer may be given: the activity's length. */
        public BigDecimal length() {
            return BigDecimal.valueOf(Duration.between(startsAt, endsAt).toMinutes())
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.DOWN);
        }
    }

    public record NewActivity(ActivityKind kind, String title, String place, LocalDateTime startsAt,
            LocalDateTime endsAt) {
    }

    /** A volunteer signed in to an activity, with their hours. */
    public record Attendance(long volunteerId, String volunteerName, BigDecimal hours, String signedInBy) {
    }

    public List<Activity> activities(CurrentUser me, long teamId) {
        Team team = team(me, teamId);
        return jdbc.sql(ACTIVITY_SELECT + " where a.team_id = :team order by a.starts_at desc, a.id desc")
                .param("team", team.id()).query(this::activity).list();
    }

    /** The latest activities of an organization's teams within the caller's scope (a station's ledger). */
    public List<Activity> latestActivitiesOf(CurrentUser me, long organizationId, int limit) {
        return jdbc.sql(ACTIVITY_SELECT + "\n" + """
                where t.organization_id = :org and a.region_code in (:scope) order by a.starts_at desc, a.id desc
                limit :limit""")
                .param("org", organizationId).param("scope", me.scope().regionCodes()).param("limit", limit)
                .query(this::activity).list();
    }

    public Activity activity(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ACTIVITY, id,
                jdbc.sql(ACTIVITY_SELECT + " where a.id = :id and a.region_code in (:scope)").param("id", id)
                        .param("scope", me.scope().regionCodes()).query(this::activity).optional(),
                exists("volunteer_activity"));
    }

    public List<Attendance> attendance(CurrentUser me, long activityId) {
        Activity activity = activity(me, activityId);
        return jdbc.sql("""
                select v.id, v.name, s.hours, s.signed_in_by from volunteer_attendance s
                join volunteer v on v.id = s.volunteer_id where s.activity_id = :activity order by v.name""")
                .param("activity", activity.id())
                .query((rs, row) -> new Attendance(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("hours"),
                        rs.getString("signed_in_by")))
                .list();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Activity createActivity(CurrentUser me, long teamId, NewActivity activity) {
        Team team = changeable(me, teamId);
        Inputs.required("kind", activity.kind());
        String title = Inputs.text("title", activity.title(), 120, true);
        String place = Inputs.text("place", activity.place(), 200, true);
        Inputs.required("startsAt", activity.startsAt());
        Inputs.required("endsAt", activity.endsAt());
        if (!activity.endsAt().isAfter(activity.startsAt())) {
            throw new InvalidField("endsAt", "volunteer.activity.ends-before-start");
        }
        if (Duration.between(activity.startsAt(), activity.endsAt()).toHours() >= 24) {
            throw new InvalidField("endsAt", "volunteer.activity.too-long");
        }
        Inputs.date("startsAt", activity.startsAt().toLocalDate(), Inputs.EARLIEST,
                LocalDate.now(clock).plusYears(1));
        long id = insert("""
                insert into volunteer_activity (team_id, region_code, kind, title, place, starts_at, ends_at,
                    created_by, created_at)
                values (:team, :region, :kind, :title, :place, :starts, :ends, :by, :at)""", Map.of("team", team.id(),
                "region", team.regionCode(), "kind", activity.kind().name(), "title", title, "place", place,
                "starts", activity.startsAt(), "ends", activity.endsAt(), "by", me.username(), "at",
                Timestamp.from(clock.instant())));
        audit.record(AuditRecord.of(AuditAction.CREATE, ACTIVITY, id).withDetail(team.name() + ": " + title));
        return activity(me, id);
    }

    /**
     * Signs volunteers of the team in to an activity that has started, each with their hours — at most the
     * activity's length. A volunteer signed in already has their hours replaced; one of another team, or who
     * left, is refused.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Activity signIn(CurrentUser me, long activityId, Map<Long, BigDecimal> hoursByVolunteer) {
        Activity activity = activity(me, activityId);
        changeable(me, activity.teamId());
        if (activity.startsAt().isAfter(LocalDateTime.now(clock))) {
            throw new InvalidField("hours", "volunteer.activity.not-started", activity.startsAt().toLocalDate());
        }
        if (hoursByVolunteer == null || hoursByVolunteer.isEmpty()) {
            throw new InvalidField("hours", "volunteer.sign-in.none");
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<Long, BigDecimal> line : hoursByVolunteer.entrySet()) {
            String field = "hours[" + line.getKey() + "]";
            Map<String, Object> member = jdbc.sql("select name, team_id, status from volunteer where id = :id")
                    .param("id", line.getKey()).query().listOfRows().stream().findFirst()
                    .filter(row -> ((Number) row.get("team_id")).longValue() == activity.teamId()
                            && !"LEFT".equals(row.get("status")))
                    .orElseThrow(() -> new InvalidField(field, "volunteer.sign-in.not-member"));
            BigDecimal hours = line.getValue();
            if (hours == null || hours.signum() <= 0) {
                throw new InvalidField(field, "volunteer.sign-in.hours-positive");
            }
            if (hours.compareTo(activity.length()) > 0) {
                throw new InvalidField(field, "volunteer.sign-in.hours-too-many", activity.length().stripTrailingZeros()
                        .toPlainString());
            }
            BigDecimal exact = hours.setScale(2, RoundingMode.HALF_UP);
            int changed = jdbc.sql("""
                    update volunteer_attendance set hours = :hours, signed_in_by = :by, signed_in_at = :at
                    where activity_id = :activity and volunteer_id = :volunteer""")
                    .param("hours", exact).param("by", me.username()).param("at", Timestamp.from(clock.instant()))
                    .param("activity", activityId).param("volunteer", line.getKey()).update();
            if (changed == 0) {
                jdbc.sql("""
                        insert into volunteer_attendance (activity_id, volunteer_id, hours, signed_in_by, signed_in_at)
                        values (:activity, :volunteer, :hours, :by, :at)""")
                        .param("activity", activityId).param("volunteer", line.getKey()).param("hours", exact)
                        .param("by", me.username()).param("at", Timestamp.from(clock.instant())).update();
            }
            names.add(member.get("name") + " " + exact.stripTrailingZeros().toPlainString() + " h");
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ACTIVITY, activityId)
                .withDetail("signed in: " + String.join(", ", names)));
        return activity(me, activityId);
    }

    /** Takes a volunteer signed in by mistake off an activity; their hours go with it. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Activity removeSignIn(CurrentUser me, long activityId, long volunteerId) {
        Activity activity = activity(me, activityId);
        changeable(me, activity.teamId());
        int removed = jdbc.sql("delete from volunteer_attendance where activity_id = :activity and volunteer_id = :volunteer")
                .param("activity", activityId).param("volunteer", volunteerId).update();
        if (removed == 0) {
            throw new InvalidField("volunteerId", "volunteer.sign-in.not-signed");
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ACTIVITY, activityId)
                .withDetail("sign-in of volunteer " + volunteerId + " removed"));
        return activity(me, activityId);
    }

    /**
     * What may be corrected of a volunteer: name, phone (left out: unchanged), skills. The ID number identifies
     * them and stays.
     */
    public record VolunteerDetails(String name, String phone, String skills) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Volunteer correct(CurrentUser me, long id, VolunteerDetails details) {
        Volunteer volunteer = volunteer(me, id);
        changeable(me, volunteer.teamId());
        String name = Inputs.text("name", details.name(), 60, true);
        String phone = PhoneNumber.optional("phone", details.phone());
        String skills = Inputs.text("skills", details.skills(), 300, false);
        // the phone is shown masked, so a form cannot give it back: left out, it stays as it is
        jdbc.sql("update volunteer set name = :name, phone = coalesce(:phone, phone), skills = :skills,"
                + " version = version + 1 where id = :id")
                .param("name", name).param("phone", phone).param("skills", skills).param("id", id).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, VOLUNTEER, id).withDetail("details corrected"));
        return volunteer(me, id);
    }

    /** A volunteer's hours in one year. */
    public record YearHours(int year, long activities, BigDecimal hours) {
    }

    /** The volunteer's hours year by year, newest first. */
    public List<YearHours> hoursByYear(CurrentUser me, long volunteerId) {
        Volunteer volunteer = volunteer(me, volunteerId);
        return jdbc.sql("""
                select extract(year from a.starts_at) as y, count(*) as n, sum(s.hours) as h
                from volunteer_attendance s join volunteer_activity a on a.id = s.activity_id
                where s.volunteer_id = :id group by extract(year from a.starts_at) order by y desc""")
                .param("id", volunteer.id())
                .query((rs, row) -> new YearHours(rs.getInt("y"), rs.getLong("n"), rs.getBigDecimal("h")))
                .list();
    }

    /** The activities a volunteer was signed in to, newest first. */
    public List<Activity> activitiesOf(CurrentUser me, long volunteerId) {
        Volunteer volunteer = volunteer(me, volunteerId);
        return jdbc.sql(ACTIVITY_SELECT + "\n" + """
                 where exists (select 1 from volunteer_attendance s where s.activity_id = a.id
                               and s.volunteer_id = :id)
                 order by a.starts_at desc fetch first 100 rows only""")
                .param("id", volunteer.id()).query(this::activity).list();
    }

    /** The columns a volunteer-hours platform imports: one line per volunteer and activity. */
    public static final List<String> HOURS_COLUMNS = List.of("姓名", "证件类型", "证件号码", "手机号码", "所属队伍",
            "活动名称", "活动类型", "服务地点", "服务开始时间", "服务结束时间", "服务时长（小时）");

    /**
     * A team's hours of a year in the layout a volunteer-hours platform imports: the full resident ID number
     * (the platform matches volunteers by it), so only county and city staff take it, and each taking is
     * audited.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public List<List<String>> hoursForImport(CurrentUser me, long teamId, int year) {
        Team team = team(me, teamId);
        Inputs.year("year", year);
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<List<String>> lines = jdbc.sql("""
                select v.name, v.resident_id, v.phone, a.title, a.kind, a.place, a.starts_at, a.ends_at, s.hours
                from volunteer_attendance s join volunteer v on v.id = s.volunteer_id
                join volunteer_activity a on a.id = s.activity_id
                where a.team_id = :team and a.starts_at >= :from and a.starts_at < :to
                order by a.starts_at, v.name""")
                .param("team", team.id()).param("from", LocalDate.of(year, 1, 1).atStartOfDay())
                .param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
                .query((rs, row) -> List.of(rs.getString("name"), "居民身份证", cipher.decrypt(rs.getString("resident_id")),
                        rs.getString("phone") == null ? "" : rs.getString("phone"), team.name(), rs.getString("title"),
                        rs.getString("kind"), rs.getString("place"),
                        rs.getObject("starts_at", LocalDateTime.class).format(at),
                        rs.getObject("ends_at", LocalDateTime.class).format(at),
                        rs.getBigDecimal("hours").stripTrailingZeros().toPlainString()))
                .list();
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, TEAM, teamId)
                .withDetail("hours of " + year + " for a volunteer-hours platform: " + lines.size()
                        + " lines with full resident ID numbers"));
        return lines;
    }

    /** The star levels: the hours each needs, one star first. */
    public List<BigDecimal> starThresholds() {
        return jdbc.sql("select min_hours from volunteer_star_level order by stars").query(BigDecimal.class).list();
    }

    // ---------------------------------------------------------------- helpers

    private boolean stationOnly(CurrentUser me) {
        return me.has(Role.STATION_STAFF) && !me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** The team, when the caller may change it: within scope, and a station's staff only their own station's. */
    private Team changeable(CurrentUser me, long teamId) {
        Team team = team(me, teamId);
        if (stationOnly(me) && team.organizationId() != me.organizationId()) {
            throw ScopedLookup.notFound(audit, TEAM, teamId, true, "another station's team");
        }
        return team;
    }

    private java.util.function.LongPredicate exists(String table) {
        return id -> jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id)
                .query(Long.class).single() > 0;
    }

    private Map<String, Object> yearParams() {
        int year = LocalDate.now(clock).getYear();
        return Map.of("yearStart", LocalDate.of(year, 1, 1).atStartOfDay(),
                "yearEnd", LocalDate.of(year + 1, 1, 1).atStartOfDay());
    }

    /** Inserts with the named values (and the optional ones, which may be null); answers the new id. */
    private long insert(String sql, Map<String, Object> values, Object... optional) {
        var statement = jdbc.sql(sql).params(values);
        for (int i = 0; i < optional.length; i += 2) {
            statement = statement.param((String) optional[i], optional[i + 1]);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static final String TEAM_SELECT = """
            select t.id, t.name, t.kind, t.region_code, t.organization_id, t.leader_username, t.founded_on,
                   (select count(*) from volunteer v where v.team_id = t.id and v.status = 'ACTIVE') as active
            from volunteer_team t""";

    private Team team(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getLong("id"), rs.getString("name"), TeamKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"), rs.getLong("organization_id"), null,
                rs.getString("leader_username"), rs.getObject("founded_on", LocalDate.class), rs.getLong("active"));
    }

    private static final String VOLUNTEER_SELECT = """
            select v.id, v.team_id, t.name as team_name, v.region_code, v.name, v.resident_id_masked, v.phone,
                   v.skills, v.status, v.joined_on,
                   (select coalesce(sum(s.hours), 0) from volunteer_attendance s
                      join volunteer_activity a on a.id = s.activity_id
                    where s.volunteer_id = v.id and a.starts_at >= :yearStart and a.starts_at < :yearEnd) as year_hours,
                   (select coalesce(sum(s.hours), 0) from volunteer_attendance s where s.volunteer_id = v.id)
                       as all_hours,
                   (select coalesce(max(l.stars), 0) from volunteer_star_level l
                    where l.min_hours <= (select coalesce(sum(s.hours), 0) from volunteer_attendance s
                                          where s.volunteer_id = v.id)) as stars
            from volunteer v join volunteer_team t on t.id = v.team_id""";

    private Volunteer volunteer(ResultSet rs, int row) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getLong("team_id"), rs.getString("team_name"),
                rs.getString("region_code"), rs.getString("name"), rs.getString("resident_id_masked"),
                Masking.phone(rs.getString("phone")), rs.getString("skills"),
                VolunteerStatus.valueOf(rs.getString("status")), rs.getObject("joined_on", LocalDate.class),
                rs.getBigDecimal("year_hours"), rs.getBigDecimal("all_hours"), rs.getInt("stars"));
    }

    private static final String CERTIFICATE_SELECT = """
            select c.id, c.volunteer_id, v.name as volunteer_name, t.name as team_name, v.region_code, c.kind,
                   c.number, c.issued_on, c.expires_on
            from volunteer_certificate c join volunteer v on v.id = c.volunteer_id
            join volunteer_team t on t.id = v.team_id""";

    private Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getString("volunteer_name"),
                rs.getString("team_name"), rs.getString("region_code"), CertificateKind.valueOf(rs.getString("kind")),
                rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class));
    }

    private static final String ACTIVITY_SELECT = """
            select a.id, a.team_id, t.name as team_name, a.region_code, a.kind, a.title, a.place, a.starts_at,
                   a.ends_at,
                   (select count(*) from volunteer_attendance s where s.activity_id = a.id) as signed_in,
                   (select coalesce(sum(s.hours), 0) from volunteer_attendance s where s.activity_id = a.id) as hours
            from volunteer_activity a join volunteer_team t on t.id = a.team_id""";

    private Activity activity(ResultSet rs, int row) throws SQLException {
        return new Activity(rs.getLong("id"), rs.getLong("team_id"), rs.getString("team_name"),
                rs.getString("region_code"), ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("place"), rs.getObject("starts_at", LocalDateTime.class),
                rs.getObject("ends_at", LocalDateTime.class), rs.getLong("signed_in"), rs.getBigDecimal("hours"));
    }
}

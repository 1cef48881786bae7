package org.yiyong.community;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.People;
import org.yiyong.identity.Role;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;

/**
 * Trainings of station staff and volunteers (培训): a session held by a station or an association (topic,
 * trainer, day, hours) and who attended; and who has not been trained this year — the active volunteers and
 * the station staff of the scope without a session attended in the year.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class Trainings {

    static final String ENTITY = "Training";

    private final JdbcClient jdbc;
    private final Volunteering volunteering;
    private final OrganizationLookup organizations;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    Trainings(JdbcClient jdbc, Volunteering volunteering, OrganizationLookup organizations, People people,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.volunteering = volunteering;
        this.organizations = organizations;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    public record Training(long id, String regionCode, long organizationId, String organizationName, String topic,
            String trainer, LocalDate heldOn, BigDecimal hours, long attended) {
    }

    public record NewTraining(Long organizationId, String topic, String trainer, LocalDate heldOn, BigDecimal hours) {
    }

    /** Someone who attended: a volunteer (their id and name) or a staff member (login name and name). */
    public record Attendee(Long volunteerId, String username, String name) {
    }

    /** Someone not trained this year: a volunteer, or a station's staff member. */
    public record Untrained(Long volunteerId, String username, String name, String where) {
    }

    public List<Training> trainings(CurrentUser me) {
        return named(jdbc.sql(SELECT + " where t.region_code in (:scope) order by t.held_on desc, t.id desc")
                .param("scope", me.scope().regionCodes()).query(this::training).list());
    }

    /** The latest trainings an organization held, within the caller's scope (a station's ledger). */
    public List<Training> latestHeldBy(CurrentUser me, long organizationId, int limit) {
        return named(jdbc.sql(SELECT + "\n" + """
                where t.organization_id = :org and t.region_code in (:scope) order by t.held_on desc, t.id desc
                limit :limit""")
                .param("org", organizationId).param("scope", me.scope().regionCodes()).param("limit", limit)
                .query(this::training).list());
    }

    public Training training(CurrentUser me, long id) {
        Training training = ScopedLookup.inScope(audit, ENTITY, id, jdbc.sql(SELECT
                        + " where t.id = :id and t.region_code in (:scope)").param("id", id)
                .param("scope", me.scope().regionCodes()).query(this::training).optional(),
                trainingId -> jdbc.sql("select count(*) from training where id = :id").param("id", trainingId)
                        .query(Long.class).single() > 0);
        return named(List.of(training)).get(0);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Training create(CurrentUser me, NewTraining training) {
        Inputs.required("organizationId", training.organizationId());
        OrganizationLookup.Carer host = volunteering.hosts(me).stream()
                .filter(carer -> carer.id() == training.organizationId()).findFirst()
                .orElseThrow(() -> new InvalidField("organizationId", "volunteer.team.host-invalid"));
        String topic = Inputs.text("topic", training.topic(), 120, true);
        String trainer = Inputs.text("trainer", training.trainer(), 100, true);
        LocalDate heldOn = Inputs.date("heldOn", Inputs.required("heldOn", training.heldOn()), Inputs.EARLIEST,
                LocalDate.now(clock));
        BigDecimal hours = Inputs.required("hours", training.hours());
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw new InvalidField("hours", "training.hours.range");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into training (region_code, organization_id, topic, trainer, held_on, hours, created_by,
                    created_at)
                values (:region, :organization, :topic, :trainer, :held, :hours, :by, :at)""")
                .params(Map.of("region", host.regionCode(), "organization", host.id(), "topic", topic, "trainer",
                        trainer, "held", heldOn, "hours", hours.setScale(1, java.math.RoundingMode.HALF_UP), "by",
                        me.username(), "at", Timestamp.from(clock.instant())))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(topic + " on " + heldOn));
        return training(me, id);
    }

    /**
     * Records who attended: volunteers of the scope (by id) and staff (by login name) of the scope; one already
     * recorded stays once.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Training attend(CurrentUser me, long id, List<Long> volunteerIds, List<String> usernames) {
        Training training = training(me, id);
        int added = 0;
        for (Long volunteerId : volunteerIds == null ? List.<Long>of() : volunteerIds) {
            volunteering.volunteer(me, volunteerId); // within scope, or not found
            added += jdbc.sql("""
                    insert into training_attendance (training_id, volunteer_id)
                    select :training, :volunteer where not exists (select 1 from training_attendance
                        where training_id = :training and volunteer_id = :volunteer)""")
                    .param("training", id).param("volunteer", volunteerId).update();
        }
        for (String username : usernames == null ? List.<String>of() : usernames) {
            People.Person person = people.enabled(username).filter(p -> me.scope().covers(regionOf(p)))
                    .orElseThrow(() -> new InvalidField("usernames", "training.attendee.unknown", username));
            added += jdbc.sql("""
                    insert into training_attendance (training_id, username)
                    select :training, :username where not exists (select 1 from training_attendance
                        where training_id = :training and username = :username)""")
                    .param("training", id).param("username", person.username()).update();
        }
        if (added == 0) {
            throw new InvalidField("volunteerIds", "training.attendee.none");
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail(added + " attendees recorded"));
        return training(me, training.id());
    }

    public List<Attendee> attendees(CurrentUser me, long id) {
        training(me, id);
        return jdbc.sql("""
                select a.volunteer_id, a.username, v.name from training_attendance a
                left join volunteer v on v.id = a.volunteer_id where a.training_id = :id order by a.id""")
                .param("id", id)
                .query((rs, row) -> {
                    String username = rs.getString("username");
                    return new Attendee((Long) rs.getObject("volunteer_id", Long.class), username,
                            username == null ? rs.getString("name") : people.name(username));
                })
                .list();
    }

    /** The active volunteers and station staff of the scope not trained in the year, by where they are. */
    public List<Untrained> untrained(CurrentUser me, int year) {
        Inputs.year("year", year);
        var from = LocalDate.of(year, 1, 1);
        var to = LocalDate.of(year, 12, 31);
        List<Untrained> volunteers = jdbc.sql("""
                select v.id, v.name, t.name as team from volunteer v join volunteer_team t on t.id = v.team_id
                where v.region_code in (:scope) and v.status = 'ACTIVE'
                  and not exists (select 1 from training_attendance a join training g on g.id = a.training_id
                                  where a.volunteer_id = v.id and g.held_on between :from and :to)
                order by t.name, v.name""")
                .param("scope", me.scope().regionCodes()).param("from", from).param("to", to)
                .query((rs, row) -> new Untrained(rs.getLong("id"), null, rs.getString("name"), rs.getString("team")))
                .list();
        List<String> trainedStaff = jdbc.sql("""
                select distinct a.username from training_attendance a join training g on g.id = a.training_id
                where a.username is not null and g.held_on between :from and :to""")
                .param("from", from).param("to", to).query(String.class).list();
        List<Untrained> staff = people.holding(Role.STATION_STAFF, me.scope()).stream()
                .filter(person -> !trainedStaff.contains(person.username()))
                .map(person -> new Untrained(null, person.username(), person.name(), person.organization())).toList();
        return java.util.stream.Stream.concat(staff.stream(), volunteers.stream()).toList();
    }

    private String regionOf(People.Person person) {
        return organizations.carers().stream().filter(c -> c.id() == person.organizationId()).map(c -> c.regionCode())
                .findFirst().orElse(null);
    }

    private List<Training> named(List<Training> trainings) {
        Map<Long, String> names = organizations.namesOf(trainings.stream().map(Training::organizationId).toList());
        return trainings.stream().map(t -> new Training(t.id(), t.regionCode(), t.organizationId(),
                names.get(t.organizationId()), t.topic(), t.trainer(), t.heldOn(), t.hours(), t.attended())).toList();
    }

    private static final String SELECT = """
            select t.id, t.region_code, t.organization_id, t.topic, t.trainer, t.held_on, t.hours,
                   (select count(*) from training_attendance a where a.training_id = t.id) as attended
            from training t""";

    private Training training(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Training(rs.getLong("id"), rs.getString("region_code"), rs.getLong("organization_id"), null,
                rs.getString("topic"), rs.getString("trainer"), rs.getObject("held_on", LocalDate.class),
                rs.getBigDecimal("hours"), rs.getLong("attended"));
    }
}

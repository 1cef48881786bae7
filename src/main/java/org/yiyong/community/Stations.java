package org.yiyong.community;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
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
import org.yiyong.care.VisitsMade;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.People;
import org.yiyong.identity.Role;
import org.yiyong.leads.LeadQueries;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.Regions;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;

/**
 * Work stations (工作站): the community side of each organization of type work station — its host, place on
 * the map, opening hours and phone for the public, demonstration-site standing, and its steps from planned to
 * built, accepted and closed, each dated and by whom — and its ledger (台账): teams, volunteers, activities.
 * Everyone reads the stations of their scope; a station's staff change only their own station, and only the
 * association (county or city staff) records its acceptance or names it a demonstration site.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class Stations {

    public static final String ENTITY = "Station";

    private final JdbcClient jdbc;
    private final OrganizationLookup organizations;
    private final Regions regions;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;
    private final Volunteering volunteering;
    private final Trainings trainings;
    private final LeadQueries leads;
    private final VisitsMade visits;

    Stations(JdbcClient jdbc, OrganizationLookup organizations, Regions regions, People people, AuditTrail audit,
            Clock clock, Volunteering volunteering, Trainings trainings, LeadQueries leads, VisitsMade visits) {
        this.volunteering = volunteering;
        this.trainings = trainings;
        this.leads = leads;
        this.visits = visits;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.regions = regions;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** A station as lists and its page show it; {@code profiled} is false until its details are recorded. */
    public record Station(long organizationId, String name, String regionCode, String regionName, boolean profiled,
            HostKind hostKind, String hostName, BigDecimal latitude, BigDecimal longitude, String openingHours,
            String publicPhone, StationStatus status, LocalDate foundedOn, Integer demonstrationYear) {

        public boolean demonstration() {
            return demonstrationYear != null;
        }
    }

    /** What is recorded of a station. */
    public record Profile(HostKind hostKind, String hostName, BigDecimal latitude, BigDecimal longitude,
            String openingHours, String publicPhone, LocalDate foundedOn) {
    }

    /** One step of a station, dated and by whom. */
    public record Step(StationStatus status, LocalDate on, String note, String recordedBy, LocalDateTime recordedAt) {
    }

    /**
     * The ledger (台账) of a station: this year's figures — teams, active volunteers, activities and their hours,
     * trainings held, leads reported, home visits made — and the records behind them: every volunteer, and the
     * latest {@value #LEDGER_LINES} activities, trainings, leads and visits.
     */
    public record Ledger(int year, long teams, long activeVolunteers, long activitiesThisYear, BigDecimal hoursThisYear,
            long trainingsThisYear, long leadsThisYear, long visitsThisYear, List<Volunteering.Volunteer> volunteers,
            List<Volunteering.Activity> activities, List<Trainings.Training> trainings,
            List<LeadQueries.ReportedLead> leads, List<VisitsMade.VisitMade> visits) {
    }

    /** How many of each kind of record a ledger lists, newest first (volunteers: all of them). */
    public static final int LEDGER_LINES = 20;

    /** The work stations of the caller's scope, by county and name (a list that serves as the map's legend). */
    public List<Station> stations(CurrentUser me) {
        Map<Long, Station> profiles = new HashMap<>();
        jdbc.sql(SELECT + " where region_code in (:scope)").param("scope", me.scope().regionCodes())
                .query((rs, row) -> profiles.put(rs.getLong("organization_id"), station(rs, null))).list();
        return organizations.carers().stream()
                .filter(carer -> carer.type() == OrgType.WORK_STATION && me.scope().covers(carer.regionCode()))
                .sorted(java.util.Comparator.comparing(OrganizationLookup.Carer::regionCode, regions.listOrder())
                        .thenComparing(OrganizationLookup.Carer::name))
                .map(carer -> named(profiles.get(carer.id()), carer)).toList();
    }

    public Station station(CurrentUser me, long organizationId) {
        OrganizationLookup.Carer carer = organizations.carers().stream()
                .filter(c -> c.id() == organizationId && c.type() == OrgType.WORK_STATION
                        && me.scope().covers(c.regionCode()))
                .findFirst().orElseThrow(() -> ScopedLookup.notFound(audit, ENTITY, organizationId,
                        organizations.carers().stream().anyMatch(c -> c.id() == organizationId
                                && c.type() == OrgType.WORK_STATION), ScopedLookup.OUTSIDE_SCOPE));
        Station profile = jdbc.sql(SELECT + " where organization_id = :id").param("id", organizationId)
                .query((rs, row) -> station(rs, null)).optional().orElse(null);
        return named(profile, carer);
    }

    /** Records (or corrects) a station's details; a station's first record starts it as planned. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Station saveProfile(CurrentUser me, long organizationId, Profile profile) {
        Station station = changeable(me, organizationId);
        Inputs.required("hostKind", profile.hostKind());
        String hostName = Inputs.text("hostName", profile.hostName(), 100, false);
        Coordinates at = Coordinates.of(profile.latitude(), profile.longitude());
        String hours = Inputs.text("openingHours", profile.openingHours(), 100, false);
        String phone = PhoneNumber.optional("publicPhone", profile.publicPhone());
        LocalDate founded = profile.foundedOn() == null ? null
                : Inputs.date("foundedOn", profile.foundedOn(), Inputs.EARLIEST, LocalDate.now(clock));
        Map<String, Object> values = new HashMap<>();
        values.put("id", organizationId);
        values.put("region", station.regionCode());
        values.put("host", profile.hostKind().name());
        values.put("hostName", hostName);
        values.put("lat", at == null ? null : at.latitude());
        values.put("lon", at == null ? null : at.longitude());
        values.put("hours", hours);
        values.put("phone", phone);
        values.put("founded", founded);
        if (station.profiled()) {
            jdbc.sql("""
                    update station set host_kind = :host, host_name = :hostName, latitude = :lat, longitude = :lon,
                        opening_hours = :hours, public_phone = :phone, founded_on = :founded, version = version + 1
                    where organization_id = :id""").params(values).update();
            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, organizationId).withDetail("details corrected"));
        } else {
            jdbc.sql("""
                    insert into station (organization_id, region_code, host_kind, host_name, latitude, longitude,
                        opening_hours, public_phone, status, founded_on)
                    values (:id, :region, :host, :hostName, :lat, :lon, :hours, :phone, 'PLANNED', :founded)""")
                    .params(values).update();
            // a station recorded after the fact is planned from its founding day
            step(me, organizationId, StationStatus.PLANNED, founded == null ? LocalDate.now(clock) : founded, null);
            audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, organizationId).withDetail(station.name()));
        }
        return station(me, organizationId);
    }

    /**
     * A station moves on: planned → built → accepted (验收, by the association) → closed; each step forward
     * only, dated (not in the future, not before the step before it) and by whom.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Station advance(CurrentUser me, long organizationId, StationStatus status, LocalDate on, String note) {
        Station station = changeable(me, organizationId);
        if (!station.profiled()) {
            throw new InvalidField("status", "station.profile-first");
        }
        Inputs.required("status", status);
        if (status.ordinal() <= station.status().ordinal()) {
            throw new InvalidField("status", "station.status.forward-only");
        }
        if (status == StationStatus.ACCEPTED && !me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
            throw new InvalidField("status", "station.accepted-by-association");
        }
        LocalDate day = Inputs.date("on", Inputs.required("on", on), Inputs.EARLIEST, LocalDate.now(clock));
        LocalDate last = steps(me, organizationId).stream().map(Step::on).max(LocalDate::compareTo).orElse(null);
        if (last != null && day.isBefore(last)) {
            throw new InvalidField("on", "station.step.before-last", last);
        }
        jdbc.sql("update station set status = :status, version = version + 1 where organization_id = :id")
                .param("status", status.name()).param("id", organizationId).update();
        step(me, organizationId, status, day, Inputs.text("note", note, 300, false));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, organizationId)
                .withDetail("status " + station.status() + " → " + status + " on " + day));
        return station(me, organizationId);
    }

    /** The city names a station a demonstration site (示范点) of a year, or takes the title back ({@code null}). */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Station nameDemonstration(CurrentUser me, long organizationId, Integer year) {
        Station station = station(me, organizationId);
        if (!station.profiled()) {
            throw new InvalidField("demonstrationYear", "station.profile-first");
        }
        if (year != null) {
            Inputs.year("demonstrationYear", year);
            if (station.status() != StationStatus.ACCEPTED) {
                throw new InvalidField("demonstrationYear", "station.demonstration.accepted-only");
            }
        }
        jdbc.sql("update station set demonstration_year = :year, version = version + 1 where organization_id = :id")
                .param("year", year).param("id", organizationId).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, organizationId)
                .withDetail(year == null ? "no longer a demonstration site" : "demonstration site of " + year));
        return station(me, organizationId);
    }

    public List<Step> steps(CurrentUser me, long organizationId) {
        station(me, organizationId);
        return jdbc.sql("""
                select status, step_on, note, recorded_by, recorded_at from station_step where organization_id = :id
                order by step_on, id""").param("id", organizationId)
                .query((rs, row) -> new Step(StationStatus.valueOf(rs.getString("status")),
                        rs.getObject("step_on", LocalDate.class), rs.getString("note"), rs.getString("recorded_by"),
                        LocalDateTime.ofInstant(rs.getTimestamp("recorded_at").toInstant(), clock.getZone())))
                .list();
    }

    /** The people who staff the station: the station staff accounts of its organization. */
    public List<People.Person> staff(CurrentUser me, long organizationId) {
        station(me, organizationId);
        return people.holding(Role.STATION_STAFF, me.scope()).stream()
                .filter(person -> person.organizationId() == organizationId).toList();
    }

    /**
     * The station's ledger (台账): this year's figures and the records behind them. Leads and visits are those
     * the station's staff registered or recorded, of households and places within the caller's scope.
     */
    public Ledger ledger(CurrentUser me, long organizationId) {
        station(me, organizationId);
        int year = LocalDate.now(clock).getYear();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        var from = newYear.atStartOfDay();
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay();
        LeadQueries.Reported reported = leads.reportedBy(me.scope(), organizationId,
                newYear.atStartOfDay(clock.getZone()).toInstant(), LEDGER_LINES);
        VisitsMade.Made made = visits.by(me.scope(), organizationId, newYear, LEDGER_LINES);
        long trainingsHeld = jdbc.sql("""
                select count(*) from training where organization_id = :id and held_on >= :from and held_on < :to""")
                .param("id", organizationId).param("from", newYear).param("to", newYear.plusYears(1))
                .query(Long.class).single();
        return jdbc.sql("""
                select (select count(*) from volunteer_team t where t.organization_id = :id) as teams,
                       (select count(*) from volunteer v join volunteer_team t on t.id = v.team_id
                        where t.organization_id = :id and v.status = 'ACTIVE') as volunteers,
                       (select count(*) from volunteer_activity a join volunteer_team t on t.id = a.team_id
                        where t.organization_id = :id and a.starts_at >= :from and a.starts_at < :to) as activities,
                       (select coalesce(sum(s.hours), 0) from volunteer_attendance s
                          join volunteer_activity a on a.id = s.activity_id join volunteer_team t on t.id = a.team_id
                        where t.organization_id = :id and a.starts_at >= :from and a.starts_at < :to) as hours""")
                .param("id", organizationId).param("from", from).param("to", to)
                .query((rs, row) -> new Ledger(year, rs.getLong("teams"), rs.getLong("volunteers"),
                        rs.getLong("activities"), rs.getBigDecimal("hours"), trainingsHeld, reported.since(),
                        made.since(), volunteering.volunteersOf(me, organizationId),
                        volunteering.latestActivitiesOf(me, organizationId, LEDGER_LINES),
                        trainings.latestHeldBy(me, organizationId, LEDGER_LINES), reported.latest(), made.latest()))
                .single();
    }

    private boolean stationOnly(CurrentUser me) {
        return me.has(Role.STATION_STAFF) && !me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    private Station changeable(CurrentUser me, long organizationId) {
        Station station = station(me, organizationId);
        if (stationOnly(me) && me.organizationId() != organizationId) {
            throw ScopedLookup.notFound(audit, ENTITY, organizationId, true, "another station");
        }
        return station;
    }

    private void step(CurrentUser me, long organizationId, StationStatus status, LocalDate on, String note) {
        jdbc.sql("""
                insert into station_step (organization_id, status, step_on, note, recorded_by, recorded_at)
                values (:id, :status, :on, :note, :by, :at)""")
                .param("id", organizationId).param("status", status.name()).param("on", on).param("note", note)
                .param("by", me.username()).param("at", Timestamp.from(clock.instant())).update();
    }

    private Station named(Station profile, OrganizationLookup.Carer carer) {
        String regionName = regions.nameOf(carer.regionCode());
        if (profile == null) {
            return new Station(carer.id(), carer.name(), carer.regionCode(), regionName, false, null, null, null, null,
                    null, null, StationStatus.PLANNED, null, null);
        }
        return new Station(carer.id(), carer.name(), carer.regionCode(), regionName, true, profile.hostKind(),
                profile.hostName(), profile.latitude(), profile.longitude(), profile.openingHours(),
                profile.publicPhone(), profile.status(), profile.foundedOn(), profile.demonstrationYear());
    }

    private static final String SELECT = """
            select organization_id, region_code, host_kind, host_name, latitude, longitude, opening_hours, public_phone,
                   status, founded_on, demonstration_year from station""";

    private static Station station(java.sql.ResultSet rs, String name) throws java.sql.SQLException {
        return new Station(rs.getLong("organization_id"), name, rs.getString("region_code"), null, true,
                HostKind.valueOf(rs.getString("host_kind")), rs.getString("host_name"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getString("opening_hours"), rs.getString("public_phone"),
                StationStatus.valueOf(rs.getString("status")), rs.getObject("founded_on", LocalDate.class),
                (Integer) rs.getObject("demonstration_year", Integer.class));
    }
}

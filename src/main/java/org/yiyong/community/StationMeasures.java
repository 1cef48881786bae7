package org.yiyong.community;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.care.VisitsMade;
import org.yiyong.leads.LeadQueries;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;

/**
 * What each work station did in a year up to a cut-off day, for the evaluation of the stations: whether it was
 * accepted and named a demonstration site, its active volunteers and their hours, its activities and trainings,
 * the leads its staff registered for the public and the home visits they made — the value of every station at
 * once, and the records behind one station's value.
 */
@Service
@Transactional(readOnly = true)
public class StationMeasures {

    /** What is measured of a station. */
    public enum Measure {
        ACCEPTED, DEMONSTRATION, ACTIVE_VOLUNTEERS, VOLUNTEER_HOURS, ACTIVITIES, TRAININGS, LEADS_REPORTED,
        VISITS_MADE
    }

    /** One record behind a station's value: its reference, what it is, its date and the page that shows it. */
    public record Record(String reference, String description, LocalDate date, String path) {
    }

    private final JdbcClient jdbc;
    private final LeadQueries leads;
    private final VisitsMade visits;
    private final Clock clock;
    private final Regions regions;

    StationMeasures(JdbcClient jdbc, LeadQueries leads, VisitsMade visits, Clock clock, Regions regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.leads = leads;
        this.visits = visits;
        this.clock = clock;
    }

    /** The value of every station that has one (others have none), by organization id. */
    public Map<Long, BigDecimal> values(Measure measure, int year, LocalDate cutoff) {
        LocalDate first = LocalDate.of(year, 1, 1);
        Map<Long, BigDecimal> values = new HashMap<>();
        switch (measure) {
            case LEADS_REPORTED -> leads.reportedCounts(first.atStartOfDay(clock.getZone()).toInstant(),
                    cutoff.plusDays(1).atStartOfDay(clock.getZone()).toInstant())
                    .forEach((station, count) -> values.put(station, BigDecimal.valueOf(count)));
            case VISITS_MADE -> visits.counts(first, cutoff)
                    .forEach((station, count) -> values.put(station, BigDecimal.valueOf(count)));
            default -> jdbc.sql(valueSql(measure)).param("first", first).param("cutoff", cutoff)
                    .param("from", first.atStartOfDay()).param("to", cutoff.plusDays(1).atStartOfDay())
                    .param("year", year)
                    .query((rs, row) -> values.put(rs.getLong("station"), rs.getBigDecimal("measured"))).list();
        }
        return values;
    }

    /** The records behind a station's value, newest first, at most {@code limit}. */
    public List<Record> records(Measure measure, long station, int year, LocalDate cutoff, int limit) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return switch (measure) {
            case LEADS_REPORTED -> leads.reportedBy(everywhere(), station,
                            first.atStartOfDay(clock.getZone()).toInstant(), limit).latest().stream().filter(lead -> !lead.receivedAt().atZone(clock.getZone()).toLocalDate().isAfter(cutoff)
                            && !lead.receivedAt().atZone(clock.getZone()).toLocalDate().isBefore(first))
                    .map(lead -> new Record(lead.trackingCode(), lead.regionName() + " " + lead.excerpt(),
                            lead.receivedAt().atZone(clock.getZone()).toLocalDate(), "/leads/" + lead.id()))
                    .toList();
            case VISITS_MADE -> visits.by(everywhere(), station, first, limit).latest().stream()
                    .filter(visit -> !visit.visitedOn().isAfter(cutoff))
                    .map(visit -> new Record(visit.samaritanName(), visit.visitors(), visit.visitedOn(),
                            "/visits/" + visit.id()))
                    .toList();
            default -> jdbc.sql(recordSql(measure) + " limit :limit").param("station", station)
                    .param("first", first).param("cutoff", cutoff).param("from", first.atStartOfDay())
                    .param("to", cutoff.plusDays(1).atStartOfDay()).param("year", year).param("limit", limit)
                    .query((rs, row) -> new Record(rs.getString("reference"), rs.getString("description"),
                            rs.getObject("record_day", LocalDate.class), rs.getString("path")))
                    .list();
        };
    }

    /** Every region: the measures are read for every station at once, by the city's evaluators. */
    private DataScope everywhere() {
        return regions.scopeOf(regions.city().code());
    }

    private static String valueSql(Measure measure) {
        return switch (measure) {
            case ACCEPTED -> """
                    select organization_id as station, 1 as measured from station_step
                    where status = 'ACCEPTED' and step_on <= :cutoff group by organization_id""";
            case DEMONSTRATION -> """
                    select organization_id as station, 1 as measured from station
                    where demonstration_year is not null and demonstration_year <= :year""";
            case ACTIVE_VOLUNTEERS -> """
                    select t.organization_id as station, count(*) as measured
                    from volunteer v join volunteer_team t on t.id = v.team_id
                    where v.status = 'ACTIVE' and v.joined_on <= :cutoff group by t.organization_id""";
            case VOLUNTEER_HOURS -> """
                    select t.organization_id as station, sum(s.hours) as measured
                    from volunteer_attendance s join volunteer_activity a on a.id = s.activity_id
                    join volunteer_team t on t.id = a.team_id
                    where a.starts_at >= :from and a.starts_at < :to group by t.organization_id""";
            case ACTIVITIES -> """
                    select t.organization_id as station, count(*) as measured
                    from volunteer_activity a join volunteer_team t on t.id = a.team_id
                    where a.starts_at >= :from and a.starts_at < :to group by t.organization_id""";
            case TRAININGS -> """
                    select organization_id as station, count(*) as measured from training
                    where held_on >= :first and held_on <= :cutoff group by organization_id""";
            default -> throw new IllegalArgumentException(measure.name());
        };
    }

    private static String recordSql(Measure measure) {
        return switch (measure) {
            case ACCEPTED -> """
                    select cast(step_on as varchar(10)) as reference, note as description, step_on as record_day,
                           '/stations/' || cast(organization_id as varchar(20)) as path
                    from station_step where organization_id = :station and status = 'ACCEPTED' and step_on <= :cutoff
                    order by step_on desc""";
            case DEMONSTRATION -> """
                    select cast(demonstration_year as varchar(10)) as reference, cast(null as varchar(10)) as description,
                           cast(null as date) as record_day, '/stations/' || cast(organization_id as varchar(20)) as path
                    from station where organization_id = :station and demonstration_year <= :year""";
            case ACTIVE_VOLUNTEERS -> """
                    select v.name as reference, t.name as description, v.joined_on as record_day,
                           '/volunteers/' || cast(v.id as varchar(20)) as path
                    from volunteer v join volunteer_team t on t.id = v.team_id
                    where t.organization_id = :station and v.status = 'ACTIVE' and v.joined_on <= :cutoff
                    order by v.joined_on desc, v.id desc""";
            case VOLUNTEER_HOURS, ACTIVITIES -> """
                    select a.title as reference, t.name as description, cast(a.starts_at as date) as record_day,
                           '/activities/' || cast(a.id as varchar(20)) as path
                    from volunteer_activity a join volunteer_team t on t.id = a.team_id
                    where t.organization_id = :station and a.starts_at >= :from and a.starts_at < :to
                    order by a.starts_at desc, a.id desc""";
            case TRAININGS -> """
                    select topic as reference, trainer as description, held_on as record_day,
                           '/trainings/' || cast(id as varchar(20)) as path
                    from training where organization_id = :station and held_on >= :first and held_on <= :cutoff
                    order by held_on desc, id desc""";
            default -> throw new IllegalArgumentException(measure.name());
        };
    }
}

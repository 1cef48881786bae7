package org.yiyong.community;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.SqlFigures;
import org.yiyong.platform.SqlFigures.Spec;
import org.yiyong.shared.FigureSource;

/**
 * The community's figures for the statistics and the yearly report: work stations built and accepted, those
 * named demonstration sites, active volunteers, volunteer activities and hours, trainings and the person-times
 * trained, theme parks opened, awareness activities and media reports. Each is counted in the county of its record.
 */
@Service
@Transactional(readOnly = true)
public class CommunityFigures extends SqlFigures {

    private static final String STATION_PATH = "'/stations/' || cast(s.organization_id as varchar(20))";
    private static final String ACTIVITY_PATH = "'/activities/' || cast(a.id as varchar(20))";
    private static final String ACTIVITY_DAY = "cast(a.starts_at as date)";

    CommunityFigures(JdbcClient jdbc) {
        super(jdbc, List.of(
                stationStep("community.stations-built", "BUILT"),
                stationStep("community.stations-accepted", "ACCEPTED"),
                new Spec(new Figure("community.demonstration-stations", Section.COMMUNITY, Unit.CASES, false, null),
                        "station s", "s.demonstration_year is not null",
                        "cast(cast(s.demonstration_year as varchar(4)) || '-12-31' as date)", "s.region_code", null,
                        null, "count(*)", null, "cast(s.demonstration_year as varchar(4))", "s.host_name",
                        "s.organization_id", STATION_PATH),
                // a volunteer active today counts from the day they joined
                new Spec(new Figure("community.volunteers-active", Section.COMMUNITY, Unit.PEOPLE, true, "team.kind."),
                        "volunteer v join volunteer_team t on t.id = v.team_id", "v.status = 'ACTIVE'", "v.joined_on",
                        "v.region_code", "t.kind", null, "count(*)", null, "t.name", "v.name", "v.id",
                        "'/volunteers/' || cast(v.id as varchar(20))"),
                new Spec(new Figure("community.activities", Section.COMMUNITY, Unit.CASES, false, "activity.kind."),
                        "volunteer_activity a join volunteer_team t on t.id = a.team_id", "1 = 1", ACTIVITY_DAY,
                        "a.region_code", "a.kind", null, "count(*)", null, "t.name", "a.title", "a.id", ACTIVITY_PATH),
                new Spec(new Figure("community.volunteer-hours", Section.COMMUNITY, Unit.HOURS, false, "activity.kind."),
                        "volunteer_attendance h join volunteer_activity a on a.id = h.activity_id"
                                + " join volunteer v on v.id = h.volunteer_id", "1 = 1", ACTIVITY_DAY,
                        "a.region_code", "a.kind", null, "sum(h.hours)", "h.hours", "a.title", "v.name", "h.id",
                        ACTIVITY_PATH),
                new Spec(new Figure("community.trainings", Section.COMMUNITY, Unit.CASES, false, null),
                        "training g", "1 = 1", "g.held_on", "g.region_code", null, null, "count(*)", null, "g.topic",
                        "g.trainer", "g.id", "'/trainings/' || cast(g.id as varchar(20))"),
                new Spec(new Figure("community.trained", Section.COMMUNITY, Unit.PERSON_TIMES, false, null),
                        "training_attendance p join training g on g.id = p.training_id", "1 = 1", "g.held_on",
                        "g.region_code", null, null, "count(*)", null, "g.topic",
                        "coalesce(p.username, cast(p.volunteer_id as varchar(20)))", "p.id",
                        "'/trainings/' || cast(g.id as varchar(20))"),
                new Spec(new Figure("community.parks-opened", Section.COMMUNITY, Unit.CASES, false, "park.kind."),
                        "theme_park k", "k.status = 'OPEN' and k.opened_on is not null", "k.opened_on",
                        "k.region_code", "k.kind", null, "count(*)", null, "k.name", "k.address", "k.id",
                        "'/theme-parks/' || cast(k.id as varchar(20))"),
                new Spec(new Figure("community.awareness-events", Section.COMMUNITY, Unit.CASES, false,
                        "awareness.kind."), "awareness_event e", "1 = 1", "e.held_on", "e.region_code", "e.kind", null,
                        "count(*)", null, "e.title", "e.place", "e.id", "'/awareness/' || cast(e.id as varchar(20))"),
                new Spec(new Figure("community.media-reports", Section.COMMUNITY, Unit.CASES, false, "media.level."),
                        "media_report m", "1 = 1", "m.published_on", "m.region_code", "m.level", null, "count(*)",
                        null, "m.outlet", "m.title", "m.id", "'/awareness/reports#report-' || cast(m.id as varchar(20))")));
    }

    private static Spec stationStep(String key, String status) {
        return new Spec(new Figure(key, Section.COMMUNITY, Unit.CASES, false, "station.host."),
                "station_step p join station s on s.organization_id = p.organization_id", "p.status = '" + status + "'",
                "p.step_on", "s.region_code", "s.host_kind", null, "count(*)", null, "s.host_name",
                "coalesce(p.note, '')", "p.id", STATION_PATH);
    }
}

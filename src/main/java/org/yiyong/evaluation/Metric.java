package org.yiyong.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.yiyong.community.StationMeasures;

/**
 * The indicators Yiyong computes from its own records, each out of the figures the modules publish for the
 * yearly report (so an indicator counts exactly what the statistics count, by the same definitions). Its name is
 * the message {@code evaluation.metric.<NAME>}, its formula in words {@code evaluation.metric.<NAME>.formula}.
 * A station's metric reads what the community module measures of each station ({@link StationMeasures}).
 * A metric whose records Yiyong does not keep in a form that answers it is {@link Formula#UNAVAILABLE}: listed
 * with the reason, never offered as computed.
 */
public enum Metric {

    /** Deeds decided within the legal deadline, of all decided in the year; the late ones cost the points. */
    DECIDED_ON_TIME(Subject.COUNTY, Formula.SHARE, "deeds.decided-on-time", "deeds.decided", "deeds.decided-late"),
    /** Reward money paid within the days after the decision, of all paid in the year (by amount). */
    REWARDS_PAID_ON_TIME(Subject.COUNTY, Formula.SHARE, "honours.rewards-paid-on-time", "honours.rewards-paid",
            "honours.rewards-paid-late"),
    /**
     * Missed, late and wrong awards (不漏奖、不迟奖、不错奖) arisen by the cut-off and still open when computed —
     * computed after the year's end, those open at its end; points off for each.
     */
    AWARD_GAPS_AT_YEAR_END(Subject.COUNTY, Formula.DEDUCTION, null, null, null),
    /**
     * Households visited on schedule: those not overdue on the visit schedule when the round is computed (after the
     * year's end, at its end), of all on the schedule; the overdue ones cost the points.
     */
    VISITS_ON_SCHEDULE(Subject.COUNTY, Formula.SHARE, null, null, null),
    /** Home visits made in the year, against the target. */
    VISITS(Subject.COUNTY, Formula.TARGET, "care.visits", null, null),
    /** Condolence visits (慰问) in the year, in person-times, against the target. */
    CONDOLENCES(Subject.COUNTY, Formula.TARGET, "care.condolences", null, null),
    /** Student aid granted in the year, in person-times, against the target. */
    STUDENT_AID(Subject.COUNTY, Formula.TARGET, "care.student-aid", null, null),
    /** Work stations built in the year, against the target. */
    STATIONS_BUILT(Subject.COUNTY, Formula.TARGET, "community.stations-built", null, null),
    /** Work stations accepted in the year, against the target. */
    STATIONS_ACCEPTED(Subject.COUNTY, Formula.TARGET, "community.stations-accepted", null, null),
    /** Stations named demonstration sites in the year, against the target. */
    DEMONSTRATION_STATIONS(Subject.COUNTY, Formula.TARGET, "community.demonstration-stations", null, null),
    /** Active volunteers at the cut-off, against the county with the most. */
    ACTIVE_VOLUNTEERS(Subject.COUNTY, Formula.RELATIVE, "community.volunteers-active", null, null),
    /** Volunteer hours signed in the year, against the county with the most. */
    VOLUNTEER_HOURS(Subject.COUNTY, Formula.RELATIVE, "community.volunteer-hours", null, null),
    /** Trainings held in the year, against the target. */
    TRAININGS(Subject.COUNTY, Formula.TARGET, "community.trainings", null, null),
    /** Theme parks and education bases opened in the year, against the target. */
    THEME_PARKS(Subject.COUNTY, Formula.TARGET, "community.parks-opened", null, null),
    /** Awareness activities held in the year, against the target. */
    AWARENESS_EVENTS(Subject.COUNTY, Formula.TARGET, "community.awareness-events", null, null),
    /** Media reports in the year weighted by level (national 4, provincial 3, city 2, county 1), against the best. */
    MEDIA_REPORTS(Subject.COUNTY, Formula.WEIGHTED, "community.media-reports", null, null),
    /** Donations raised in the year, against the county that raised the most. */
    DONATIONS(Subject.COUNTY, Formula.RELATIVE, "funds.donations", null, null),
    /** People recommended upward for provincial or national honours in the year, against the target. */
    HONOURS_RECOMMENDED(Subject.COUNTY, Formula.TARGET, "honours.recommended", null, null),
    /** Provincial and national honours granted in the year, against the target. */
    HONOURS_GRANTED_ABOVE(Subject.COUNTY, Formula.TARGET, "honours.granted-above", null, null),

    /** A station accepted by the cut-off (target 1). */
    STATION_ACCEPTED(Formula.TARGET, StationMeasures.Measure.ACCEPTED),
    /** A station named a demonstration site by the year (target 1). */
    STATION_DEMONSTRATION(Formula.TARGET, StationMeasures.Measure.DEMONSTRATION),
    /** A station's active volunteers, against the station with the most. */
    STATION_VOLUNTEERS(Formula.RELATIVE, StationMeasures.Measure.ACTIVE_VOLUNTEERS),
    /** A station's volunteer hours in the year, against the station with the most. */
    STATION_HOURS(Formula.RELATIVE, StationMeasures.Measure.VOLUNTEER_HOURS),
    /** A station's activities in the year, against the target. */
    STATION_ACTIVITIES(Formula.TARGET, StationMeasures.Measure.ACTIVITIES),
    /** Trainings a station held in the year, against the target. */
    STATION_TRAININGS(Formula.TARGET, StationMeasures.Measure.TRAININGS),
    /** Leads a station's staff registered for the public in the year, against the target. */
    STATION_LEADS(Formula.TARGET, StationMeasures.Measure.LEADS_REPORTED),
    /** Home visits a station's staff made in the year, against the target. */
    STATION_VISITS(Formula.TARGET, StationMeasures.Measure.VISITS_MADE);

    /** How a metric turns its figures into a share of the indicator's points. */
    public enum Formula {
        /** points × part ÷ whole; full points when there was nothing to do. */
        SHARE,
        /** points × min(1, value ÷ target); the indicator gives the target. */
        TARGET,
        /** points × value ÷ the highest value among the units; none when nobody has any. */
        RELATIVE,
        /** As {@link #RELATIVE}, with each part of the figure weighted. */
        WEIGHTED,
        /** points − target × the records counted, not below zero; the indicator gives the points per record. */
        DEDUCTION,
        /** Not computable from the records Yiyong keeps; cannot be chosen. */
        UNAVAILABLE
    }

    /** The weights of the media levels for {@link #MEDIA_REPORTS}. */
    public static final Map<String, BigDecimal> MEDIA_WEIGHTS = Map.of("NATIONAL", BigDecimal.valueOf(4),
            "PROVINCIAL", BigDecimal.valueOf(3), "CITY", BigDecimal.valueOf(2), "COUNTY", BigDecimal.ONE);

    private final Subject subject;
    private final Formula formula;
    private final String figure;
    private final String whole;
    private final String shortfall;
    private final StationMeasures.Measure measure;

    Metric(Subject subject, Formula formula, String figure, String whole, String shortfall) {
        this.subject = subject;
        this.formula = formula;
        this.figure = figure;
        this.whole = whole;
        this.shortfall = shortfall;
        this.measure = null;
    }

    Metric(Formula formula, StationMeasures.Measure measure) {
        this.subject = Subject.STATION;
        this.formula = formula;
        this.figure = null;
        this.whole = null;
        this.shortfall = null;
        this.measure = measure;
    }

    /** What a station metric measures of each station ({@code null} for a county metric, read from figures). */
    public StationMeasures.Measure measure() {
        return measure;
    }

    public Subject subject() {
        return subject;
    }

    public Formula formula() {
        return formula;
    }

    /** The figure counted (for a share: the part done well). */
    public String figure() {
        return figure;
    }

    /** For a share, the figure of everything to be done; else {@code null}. */
    public String whole() {
        return whole;
    }

    /**
     * The figure whose records a unit is shown when it asks why it lost points: for a share the records that
     * fell short (the late decisions), else the records counted.
     */
    public String drillDown() {
        if (this == AWARD_GAPS_AT_YEAR_END) {
            return "honours.guarantees";
        }
        if (this == VISITS_ON_SCHEDULE) {
            return "care.visits-overdue";
        }
        if (measure != null) {
            return "station." + measure.name();
        }
        return shortfall != null ? shortfall : figure;
    }

    /** The figures the metric reads. */
    public List<String> figures() {
        return java.util.stream.Stream.of(figure, whole, shortfall).filter(java.util.Objects::nonNull).toList();
    }

    public boolean isAvailable() {
        return formula != Formula.UNAVAILABLE;
    }

    /** Whether an indicator computed by this metric needs a target. */
    public boolean needsTarget() {
        return formula == Formula.TARGET || formula == Formula.DEDUCTION;
    }

    /** The metrics that can be chosen for a scheme of the subject, and those listed as unavailable. */
    public static List<Metric> of(Subject subject) {
        return java.util.Arrays.stream(values()).filter(metric -> metric.subject == subject).toList();
    }
}

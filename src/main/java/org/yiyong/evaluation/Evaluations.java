package org.yiyong.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.care.VisitsDue;
import org.yiyong.community.StationMeasures;
import org.yiyong.evaluation.EvaluationSchemes.Indicator;
import org.yiyong.evaluation.EvaluationSchemes.Scheme;
import org.yiyong.evaluation.internal.FigureReader;
import org.yiyong.honours.Guarantees;
import org.yiyong.honours.RoundNominations;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.FigureSource.Entry;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;

/**
 * The evaluation rounds (年度考评): a round of a scheme scores every county (or work station). The city's staff
 * open it (which locks the scheme), compute it — each computed indicator from the figures up to the cut-off, its
 * inputs and the records behind it frozen, so later edits to records do not change it — score the hand-scored
 * items, take deductions, and open the review: until its last day each unit may object to its scores, and every
 * objection is answered before the round is approved and published. A county or station sees only its own scores;
 * once published, every unit sees the ranking of totals, still only its own detail.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class Evaluations {

    static final String ENTITY = "EvaluationRound";
    static final String UNIT = "EvaluationUnit";
    static final String SCORE = "EvaluationScore";
    /** The most records kept behind one computed score. */
    public static final int MAX_RECORDS = 500;

    private final JdbcClient jdbc;
    private final EvaluationSchemes schemes;
    private final FigureReader figures;
    private final Regions regions;
    private final OrganizationLookup organizations;
    private final StationMeasures stations;
    private final RoundNominations nominations;
    private final Guarantees guarantees;
    private final VisitsDue visitsDue;
    private final AuditTrail audit;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, EvaluationSchemes schemes, FigureReader figures, Regions regions,
            OrganizationLookup organizations, StationMeasures stations, RoundNominations nominations,
            Guarantees guarantees, VisitsDue visitsDue, AuditTrail audit, Clock clock) {
        this.guarantees = guarantees;
        this.visitsDue = visitsDue;
        this.stations = stations;
        this.nominations = nominations;
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.figures = figures;
        this.regions = regions;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    public record Round(long id, long schemeId, int year, Subject subject, String schemeName, BigDecimal totalPoints,
            RoundStatus status, LocalDate cutoffOn, int objectionDays, LocalDateTime computedAt, LocalDate reviewEndsOn,
            LocalDateTime approvedAt, LocalDateTime publishedAt) {

        public boolean computed() {
            return computedAt != null;
        }
    }

    /** A unit's place: its total (scores less deductions) and, once approved, its rank. */
    public record Standing(long id, String unitKey, String unitName, String regionCode, BigDecimal total,
            BigDecimal deducted, Integer ranking) {
    }

    /** A unit's score on an indicator: the measure and inputs as computed, or the hand score and its note. */
    public record Score(long id, long unitId, long indicatorId, BigDecimal measure, String inputs, BigDecimal score,
            String note, String scoredBy, long records) {
    }

    public record Deduction(long id, long unitId, BigDecimal points, String reason, String recordedBy,
            LocalDateTime recordedAt) {
    }

    public record Objection(long id, long scoreId, long unitId, String unitName, String indicatorName, String reason,
            String raisedBy, LocalDateTime raisedAt, String reply, String repliedBy, LocalDateTime repliedAt) {

        public boolean answered() {
            return reply != null;
        }
    }

    /** A unit's score sheet: the scheme's indicators with the unit's scores, its deductions and objections. */
    public record Sheet(Round round, Standing unit, Scheme scheme, Map<Long, Score> scoresByIndicator,
            List<Deduction> deductions, List<Objection> objections) {
    }

    /** A record behind a computed score, as it stood when the score was computed. */
    public record SourceRecord(String figureKey, String reference, String description, LocalDate date,
            BigDecimal amount, String path) {
    }

    /** The scores of every unit the caller may see on every scored indicator, for the chart and the workbook. */
    public record Matrix(List<Standing> units, List<Indicator> indicators, Map<Long, Map<Long, BigDecimal>> scores) {
    }

    // ---- reading

    public List<Round> rounds() {
        return jdbc.sql(ROUND_SELECT + " order by s.scheme_year desc, s.subject").query(this::roundRow).list();
    }

    public Round round(long id) {
        return jdbc.sql(ROUND_SELECT + " where r.id = :id").param("id", id).query(this::roundRow).optional()
                .orElseThrow(() -> new org.yiyong.shared.RecordNotFound(ENTITY, id));
    }

    /** A published round's result for the annual report: the scheme's name and the ranking of every unit. */
    public record Result(String schemeName, int year, Subject subject, List<Standing> ranking) {
    }

    /** The published result of a year's round of a subject, if there is one. */
    public Optional<Result> published(int year, Subject subject) {
        return jdbc.sql(ROUND_SELECT + " where s.scheme_year = :year and s.subject = :subject and r.status = 'PUBLISHED'")
                .param("year", year).param("subject", subject.name()).query(this::roundRow).optional()
                .map(round -> new Result(round.schemeName(), round.year(), subject, jdbc.sql(UNIT_SELECT
                                + " where u.round_id = :id order by u.ranking, u.unit_name").param("id", round.id())
                        .query(this::standingRow).list()));
    }

    /** The round of a scheme, if one was opened. */
    public Optional<Round> roundOf(long schemeId) {
        return jdbc.sql(ROUND_SELECT + " where r.scheme_id = :id").param("id", schemeId).query(this::roundRow).optional();
    }

    /**
     * The units the caller sees in the ranking: every unit for the city's staff and leaders, and for everyone once
     * the round is published; before that, only the caller's own. Ordered by rank (or total), then name.
     */
    public List<Standing> standings(CurrentUser me, long roundId) {
        Round round = round(roundId);
        boolean published = round.status() == RoundStatus.PUBLISHED;
        List<Standing> all = jdbc.sql(UNIT_SELECT + " where u.round_id = :id order by u.ranking, u.total desc,"
                        + " u.unit_name").param("id", roundId).query(this::standingRow).list();
        if (cityWide(me)) {
            return all;
        }
        // a unit learns its place with everyone else, when the ranking is published
        return all.stream().filter(unit -> published || own(me, unit))
                .map(unit -> published ? unit : unranked(unit)).toList();
    }

    /** The caller's own unit in a round (their county, or their station), if they have one. */
    public Optional<Standing> ownUnit(CurrentUser me, long roundId) {
        return ownUnits(me, roundId).stream().findFirst();
    }

    /** The caller's own units in a round: their county, their station, or (a county's staff) its stations. */
    public List<Standing> ownUnits(CurrentUser me, long roundId) {
        if (cityWide(me)) {
            return List.of();
        }
        return jdbc.sql(UNIT_SELECT + " where u.round_id = :id").param("id", roundId).query(this::standingRow).list()
                .stream().filter(unit -> own(me, unit)).toList();
    }

    /** A unit's score sheet: not found (404) for a unit that is not the caller's, unless city staff or leader. */
    public Sheet sheet(CurrentUser me, long roundId, long unitId) {
        Round round = round(roundId);
        Standing found = unit(me, roundId, unitId);
        Standing unit = cityWide(me) || round.status() == RoundStatus.PUBLISHED ? found : unranked(found);
        Map<Long, Score> scores = new LinkedHashMap<>();
        jdbc.sql(SCORE_SELECT + " where s.unit_id = :unit").param("unit", unitId).query(this::scoreRow).list()
                .forEach(score -> scores.put(score.indicatorId(), score));
        return new Sheet(round, unit, schemes.scheme(round.schemeId()), scores, deductions(unitId),
                objections(roundId, unitId));
    }

    /** The records behind a computed score of a unit the caller may see. */
    public List<SourceRecord> records(CurrentUser me, long roundId, long unitId, long scoreId) {
        unit(me, roundId, unitId);
        return jdbc.sql("""
                select r.figure_key, r.reference, r.description, r.record_date, r.amount, r.path
                from evaluation_source_record r join evaluation_score s on s.id = r.score_id
                where r.score_id = :score and s.unit_id = :unit order by r.record_date desc, r.id""")
                .param("score", scoreId).param("unit", unitId)
                .query((rs, row) -> new SourceRecord(rs.getString("figure_key"), rs.getString("reference"),
                        rs.getString("description"), rs.getObject("record_date", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getString("path")))
                .list();
    }

    /** Every objection of the round the caller may see (the city's staff: all; a unit: its own). */
    public List<Objection> objections(CurrentUser me, long roundId) {
        Set<Long> visible = standings(me, roundId).stream()
                .filter(unit -> cityWide(me) || own(me, unit)).map(Standing::id)
                .collect(Collectors.toSet());
        return objections(roundId, null).stream().filter(o -> visible.contains(o.unitId())).toList();
    }

    /** The score of every unit the caller may see on every scored indicator. */
    public Matrix matrix(CurrentUser me, long roundId) {
        Round round = round(roundId);
        List<Standing> units = standings(me, roundId);
        if (!cityWide(me)) {
            units = units.stream().filter(unit -> own(me, unit)).toList();
        }
        Set<Long> ids = units.stream().map(Standing::id).collect(Collectors.toSet());
        Map<Long, Map<Long, BigDecimal>> scores = new HashMap<>();
        jdbc.sql("select s.unit_id, s.indicator_id, s.score from evaluation_score s join evaluation_unit u"
                        + " on u.id = s.unit_id where u.round_id = :id").param("id", roundId)
                .query((rs, row) -> {
                    if (ids.contains(rs.getLong("unit_id")) && rs.getBigDecimal("score") != null) {
                        scores.computeIfAbsent(rs.getLong("unit_id"), unit -> new HashMap<>())
                                .put(rs.getLong("indicator_id"), rs.getBigDecimal("score"));
                    }
                    return null;
                }).list();
        return new Matrix(units, schemes.scheme(round.schemeId()).scored(), scores);
    }

    // ---- the round's steps

    /**
     * Opens the round of a scheme, which must add up, at a cut-off — the last day of a month of the scheme's
     * year, by default its last day — with the days the units have for objections. The scheme is locked; every
     * county (or active work station) becomes a unit with an empty score on every scored indicator.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Round open(CurrentUser me, long schemeId, LocalDate cutoffOn, Integer objectionDays) {
        Scheme scheme = schemes.scheme(schemeId);
        if (roundOf(schemeId).isPresent()) {
            throw new InvalidField("schemeId", "evaluation.round.exists");
        }
        EvaluationSchemes.requireBalanced(scheme);
        LocalDate yearEnd = LocalDate.of(scheme.year(), 12, 31);
        LocalDate cutoff = cutoffOn == null ? yearEnd : cutoffOn;
        if (cutoff.getYear() != scheme.year() || !cutoff.equals(cutoff.with(TemporalAdjusters.lastDayOfMonth()))) {
            throw new InvalidField("cutoffOn", "evaluation.cutoff.month-end", String.valueOf(scheme.year()));
        }
        int days = objectionDays == null ? 7 : objectionDays;
        if (days < 1 || days > 60) {
            throw new InvalidField("objectionDays", "evaluation.objection-days.range");
        }
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into evaluation_round (scheme_id, status, cutoff_on, objection_days, created_by, created_at)
                values (:scheme, 'OPEN', :cutoff, :days, :by, :at)""")
                .param("scheme", schemeId).param("cutoff", cutoff).param("days", days).param("by", me.username())
                .param("at", now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("update evaluation_scheme set locked_at = :at, version = version + 1 where id = :id")
                .param("at", now).param("id", schemeId).update();
        for (Unit unit : units(scheme.subject())) {
            var unitKeys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into evaluation_unit (round_id, unit_key, unit_name, region_code)
                    values (:round, :key, :name, :region)""")
                    .param("round", id).param("key", unit.key()).param("name", cut(unit.name(), 100))
                    .param("region", unit.regionCode()).update(unitKeys, "id");
            long unitId = unitKeys.getKeyAs(Number.class).longValue();
            for (Indicator indicator : scheme.scored()) {
                jdbc.sql("insert into evaluation_score (unit_id, indicator_id) values (:unit, :indicator)")
                        .param("unit", unitId).param("indicator", indicator.id()).update();
            }
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail("scheme " + schemeId + " "
                + scheme.name() + ", cut-off " + cutoff + ", " + days + " days for objections; scheme locked"));
        return round(id);
    }

    /**
     * Computes every computed indicator for every unit from the figures up to the cut-off, keeping the measure, its
     * inputs and the records behind it; hand scores and deductions stay. Again as often as needed while the round
     * is open; once in review the inputs are frozen.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Round compute(CurrentUser me, long roundId) {
        Round round = round(roundId);
        requireStatus(round, EnumSet.of(RoundStatus.OPEN));
        Scheme scheme = schemes.scheme(round.schemeId());
        Year year = Year.of(round.year());
        List<Standing> units = jdbc.sql(UNIT_SELECT + " where u.round_id = :id").param("id", roundId)
                .query(this::standingRow).list();
        Set<String> keys = scheme.scored().stream().filter(i -> i.method() == Method.COMPUTED)
                .flatMap(i -> i.metric().figures().stream()).collect(Collectors.toSet());
        Map<Long, Map<String, Map<String, BigDecimal>>> valuesByUnit = new HashMap<>();
        for (Standing unit : units) {
            valuesByUnit.put(unit.id(), figures.values(year, round.cutoffOn(), scopeOf(unit), keys));
        }
        for (Indicator indicator : scheme.scored()) {
            if (indicator.method() != Method.COMPUTED) {
                continue;
            }
            Metric metric = indicator.metric();
            Map<Long, BigDecimal> measured = new HashMap<>();
            Map<Long, BigDecimal> byStation = metric.measure() == null ? Map.of()
                    : stations.values(metric.measure(), round.year(), round.cutoffOn());
            Map<Long, List<Entry>> gaps = new HashMap<>();
            if (metric == Metric.AWARD_GAPS_AT_YEAR_END) {
                for (Standing unit : units) {
                    gaps.put(unit.id(), guarantees.items(me, scopeOf(unit)).stream()
                            .filter(item -> item.since() == null || !item.since().isAfter(round.cutoffOn()))
                            .map(item -> new Entry(item.deedNumber() == null ? item.name() : item.deedNumber(),
                                    gapLabel(item.kind()) + " " + item.name() + " " + item.detail(), item.since(),
                                    unit.regionCode(), null, null, null,
                                    item.samaritanId() == null ? null : "/samaritans/" + item.samaritanId()))
                            .toList());
                }
            }
            Map<Long, BigDecimal> scheduled = new HashMap<>();
            if (metric == Metric.VISITS_ON_SCHEDULE) {
                List<VisitsDue.Household> households = visitsDue.households(me);
                for (Standing unit : units) {
                    DataScope scope = scopeOf(unit);
                    List<VisitsDue.Household> own = households.stream()
                            .filter(household -> scope.covers(household.regionCode())).toList();
                    scheduled.put(unit.id(), BigDecimal.valueOf(own.size()));
                    gaps.put(unit.id(), own.stream().filter(VisitsDue.Household::overdue)
                            .map(household -> new Entry(household.name(), "逾期未走访", household.due(),
                                    household.regionCode(), null, null, null, "/samaritans/" + household.samaritanId()))
                            .toList());
                }
            }
            for (Standing unit : units) {
                measured.put(unit.id(), metric == Metric.VISITS_ON_SCHEDULE
                        ? scheduled.get(unit.id()).subtract(BigDecimal.valueOf(gaps.get(unit.id()).size()))
                        : metric == Metric.AWARD_GAPS_AT_YEAR_END
                        ? BigDecimal.valueOf(gaps.get(unit.id()).size()) : metric.measure() != null
                        ? byStation.getOrDefault(Long.valueOf(unit.unitKey()), BigDecimal.ZERO)
                        : value(metric, metric.figure(), valuesByUnit.get(unit.id())));
            }
            BigDecimal highest = measured.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            for (Standing unit : units) {
                BigDecimal value = measured.get(unit.id());
                BigDecimal points = indicator.points();
                BigDecimal part;
                BigDecimal whole;
                String inputs;
                // the score is points × part ÷ whole, rounded once; the measure (part ÷ whole) is kept for showing
                switch (metric.formula()) {
                    case SHARE -> {
                        whole = metric == Metric.VISITS_ON_SCHEDULE ? scheduled.get(unit.id())
                                : value(metric, metric.whole(), valuesByUnit.get(unit.id()));
                        part = value.min(whole);
                        inputs = plain(value) + " / " + plain(whole);
                        if (whole.signum() == 0) {
                            part = BigDecimal.ONE;
                            whole = BigDecimal.ONE;
                        }
                    }
                    case TARGET -> {
                        whole = indicator.target();
                        part = value.min(whole);
                        inputs = plain(value) + " / " + plain(whole);
                    }
                    case DEDUCTION -> {
                        whole = points.signum() == 0 ? BigDecimal.ONE : points;
                        part = points.signum() == 0 ? BigDecimal.ONE
                                : points.subtract(indicator.target().multiply(value)).max(BigDecimal.ZERO);
                        inputs = plain(value) + " × " + plain(indicator.target());
                    }
                    default -> {
                        whole = highest.signum() == 0 ? BigDecimal.ONE : highest;
                        part = highest.signum() == 0 ? BigDecimal.ZERO : value;
                        inputs = plain(value) + " / " + plain(highest);
                    }
                }
                BigDecimal measure = part.divide(whole, 4, RoundingMode.HALF_UP);
                BigDecimal score = points.multiply(part).divide(whole, 2, RoundingMode.HALF_UP);
                long scoreId = jdbc.sql("select id from evaluation_score where unit_id = :unit and indicator_id = :i")
                        .param("unit", unit.id()).param("i", indicator.id()).query(Long.class).single();
                jdbc.sql("""
                        update evaluation_score set measure = :measure, inputs = :inputs, score = :score,
                            scored_by = :by, scored_at = :at where id = :id""")
                        .param("measure", measure).param("inputs", inputs).param("score", score)
                        .param("by", me.username()).param("at", Timestamp.from(clock.instant())).param("id", scoreId)
                        .update();
                jdbc.sql("delete from evaluation_source_record where score_id = :id").param("id", scoreId).update();
                List<Entry> behind = gaps.containsKey(unit.id())
                        ? gaps.get(unit.id()).stream().limit(MAX_RECORDS).toList()
                        : metric.measure() == null
                        ? figures.records(metric.drillDown(), year, round.cutoffOn(), scopeOf(unit), MAX_RECORDS)
                        : stations.records(metric.measure(), Long.parseLong(unit.unitKey()), round.year(),
                                round.cutoffOn(), MAX_RECORDS).stream()
                                .map(r -> new Entry(r.reference(), r.description(), r.date(), unit.regionCode(), null,
                                        null, null, r.path())).toList();
                for (Entry entry : behind) {
                    jdbc.sql("""
                            insert into evaluation_source_record (score_id, figure_key, reference, description,
                                record_date, amount, path)
                            values (:score, :key, :reference, :description, :date, :amount, :path)""")
                            .param("score", scoreId).param("key", metric.drillDown())
                            .param("reference", cut(entry.reference(), 100))
                            .param("description", cut(entry.description(), 300)).param("date", entry.date())
                            .param("amount", entry.amount()).param("path", cut(entry.path(), 200)).update();
                }
            }
        }
        jdbc.sql("update evaluation_round set computed_at = :at, computed_by = :by, version = version + 1"
                        + " where id = :id").param("at", Timestamp.from(clock.instant())).param("by", me.username())
                .param("id", roundId).update();
        units.forEach(unit -> total(unit.id()));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, roundId).withDetail("computed " + units.size()
                + " units at cut-off " + round.cutoffOn()));
        return round(roundId);
    }

    /**
     * Scores a hand-scored item of a unit, from none to the item's points, with a note; while the round is open or
     * in review.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Score score(CurrentUser me, long roundId, long unitId, long indicatorId, BigDecimal points, String note) {
        Round round = round(roundId);
        requireStatus(round, EnumSet.of(RoundStatus.OPEN, RoundStatus.REVIEW));
        unit(me, roundId, unitId);
        Indicator indicator = schemes.scheme(round.schemeId()).indicator(indicatorId);
        if (indicator.method() != Method.MANUAL) {
            throw new InvalidField("score", "evaluation.score.computed");
        }
        BigDecimal given = Inputs.required("score", points);
        if (given.signum() < 0 || given.compareTo(indicator.points()) > 0) {
            throw new InvalidField("score", "evaluation.score.above-max", EvaluationSchemes.plain(indicator.points()));
        }
        if (given.stripTrailingZeros().scale() > 2) {
            throw new InvalidField("score", "evaluation.points.decimals");
        }
        String text = Inputs.text("note", note, 500, false);
        int changed = jdbc.sql("""
                update evaluation_score set score = :score, note = :note, scored_by = :by, scored_at = :at
                where unit_id = :unit and indicator_id = :indicator""")
                .param("score", given).param("note", text).param("by", me.username())
                .param("at", Timestamp.from(clock.instant())).param("unit", unitId).param("indicator", indicatorId)
                .update();
        if (changed == 0) {
            throw new org.yiyong.shared.RecordNotFound(SCORE, indicatorId);
        }
        total(unitId);
        Score score = jdbc.sql(SCORE_SELECT + " where s.unit_id = :unit and s.indicator_id = :indicator")
                .param("unit", unitId).param("indicator", indicatorId).query(this::scoreRow).single();
        audit.record(AuditRecord.of(AuditAction.UPDATE, SCORE, score.id()).withDetail(indicator.name() + " scored "
                + plain(given) + (text == null ? "" : ": " + text)));
        return score;
    }

    /** Takes points off a unit with the reason (e.g. a complaint found justified), while scoring is open. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Deduction deduct(CurrentUser me, long roundId, long unitId, BigDecimal points, String reason) {
        Round round = round(roundId);
        requireStatus(round, EnumSet.of(RoundStatus.OPEN, RoundStatus.REVIEW));
        unit(me, roundId, unitId);
        BigDecimal taken = Inputs.required("points", points);
        if (taken.signum() <= 0 || taken.compareTo(round.totalPoints()) > 0) {
            throw new InvalidField("points", "evaluation.deduction.range", EvaluationSchemes.plain(round.totalPoints()));
        }
        if (taken.stripTrailingZeros().scale() > 2) {
            throw new InvalidField("points", "evaluation.points.decimals");
        }
        String why = Inputs.text("reason", reason, 500, true);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evaluation_deduction (unit_id, points, reason, recorded_by, recorded_at)
                values (:unit, :points, :reason, :by, :at)""")
                .param("unit", unitId).param("points", taken).param("reason", why).param("by", me.username())
                .param("at", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        total(unitId);
        audit.record(AuditRecord.of(AuditAction.UPDATE, UNIT, unitId).withDetail("deducted " + plain(taken) + ": "
                + why));
        return deductions(unitId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /**
     * Opens the review: the round must be computed and every hand-scored item scored; the units then have the
     * round's objection days, counted from today, to object.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Round startReview(CurrentUser me, long roundId) {
        Round round = round(roundId);
        requireStatus(round, EnumSet.of(RoundStatus.OPEN));
        if (!round.computed()) {
            throw new InvalidField("status", "evaluation.round.not-computed");
        }
        long unscored = jdbc.sql("""
                select count(*) from evaluation_score s join evaluation_unit u on u.id = s.unit_id
                where u.round_id = :id and s.score is null""").param("id", roundId).query(Long.class).single();
        if (unscored > 0) {
            throw new InvalidField("status", "evaluation.round.unscored", String.valueOf(unscored));
        }
        LocalDate ends = LocalDate.now(clock).plusDays(round.objectionDays());
        move(roundId, RoundStatus.OPEN, RoundStatus.REVIEW, "review_ends_on = :ends", Map.of("ends", ends));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, roundId).withDetail("review until " + ends));
        return round(roundId);
    }

    /**
     * A unit objects to one of its scores during the review, up to its last day; only the unit's own staff (a
     * county's for a county, a station's or its county's for a station).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('COUNTY_STAFF', 'STATION_STAFF')")
    public Objection object(CurrentUser me, long roundId, long unitId, long indicatorId, String reason) {
        Round round = round(roundId);
        Standing unit = unit(me, roundId, unitId);
        if (!own(me, unit)) {
            throw ScopedLookup.notFound(audit, UNIT, unitId, true, ScopedLookup.OUTSIDE_SCOPE);
        }
        if (round.status() != RoundStatus.REVIEW) {
            throw new InvalidField("reason", "evaluation.objection.not-in-review");
        }
        if (LocalDate.now(clock).isAfter(round.reviewEndsOn())) {
            throw new InvalidField("reason", "evaluation.objection.too-late", round.reviewEndsOn().toString());
        }
        String why = Inputs.text("reason", reason, 1000, true);
        long scoreId = jdbc.sql("select id from evaluation_score where unit_id = :unit and indicator_id = :i")
                .param("unit", unitId).param("i", indicatorId).query(Long.class).optional()
                .orElseThrow(() -> new InvalidField("indicatorId", "evaluation.objection.indicator"));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evaluation_objection (score_id, reason, raised_by, raised_at)
                values (:score, :reason, :by, :at)""")
                .param("score", scoreId).param("reason", why).param("by", me.username())
                .param("at", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, "EvaluationObjection", id).withDetail(unit.unitName()
                + " objects to indicator " + indicatorId));
        return objections(roundId, unitId).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    /** The evaluator answers an objection (a hand score may be changed beside it); once per objection. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Objection reply(CurrentUser me, long roundId, long objectionId, String reply) {
        Round round = round(roundId);
        requireStatus(round, EnumSet.of(RoundStatus.REVIEW));
        Objection objection = objections(roundId, null).stream().filter(o -> o.id() == objectionId).findFirst()
                .orElseThrow(() -> new org.yiyong.shared.RecordNotFound("EvaluationObjection", objectionId));
        if (objection.answered()) {
            throw new InvalidField("reply", "evaluation.objection.answered");
        }
        String text = Inputs.text("reply", reply, 1000, true);
        jdbc.sql("update evaluation_objection set reply = :reply, replied_by = :by, replied_at = :at where id = :id")
                .param("reply", text).param("by", me.username()).param("at", Timestamp.from(clock.instant()))
                .param("id", objectionId).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "EvaluationObjection", objectionId).withDetail("answered"));
        return objections(roundId, null).stream().filter(o -> o.id() == objectionId).findFirst().orElseThrow();
    }

    /** Approves the round once every objection is answered, and ranks the units by total. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Round approve(CurrentUser me, long roundId) {
        Round round = round(roundId);
        requireStatus(round, EnumSet.of(RoundStatus.REVIEW));
        long open = objections(roundId, null).stream().filter(o -> !o.answered()).count();
        if (open > 0) {
            throw new InvalidField("status", "evaluation.round.objections-open", String.valueOf(open));
        }
        List<Standing> units = jdbc.sql(UNIT_SELECT + " where u.round_id = :id order by u.total desc, u.unit_name")
                .param("id", roundId).query(this::standingRow).list();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < units.size(); i++) {
            BigDecimal total = units.get(i).total() == null ? BigDecimal.ZERO : units.get(i).total();
            if (previous == null || total.compareTo(previous) != 0) {
                rank = i + 1;
                previous = total;
            }
            jdbc.sql("update evaluation_unit set ranking = :rank where id = :id").param("rank", rank)
                    .param("id", units.get(i).id()).update();
        }
        move(roundId, RoundStatus.REVIEW, RoundStatus.APPROVED, "approved_by = :by, approved_at = :at",
                Map.of("by", me.username(), "at", Timestamp.from(clock.instant())));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, roundId).withDetail("approved, " + units.size()
                + " units ranked"));
        return round(roundId);
    }

    /** Publishes the approved ranking to every unit. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Round publish(CurrentUser me, long roundId) {
        requireStatus(round(roundId), EnumSet.of(RoundStatus.APPROVED));
        move(roundId, RoundStatus.APPROVED, RoundStatus.PUBLISHED, "published_by = :by, published_at = :at",
                Map.of("by", me.username(), "at", Timestamp.from(clock.instant())));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, roundId).withDetail("published"));
        return round(roundId);
    }

    /**
     * Proposes the best stations of an approved or published station round — those ranked within {@code count},
     * ties included — as 先进工作站 candidates of an open honour round; the names of those proposed (a station
     * standing there already is left as it is).
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public List<String> proposeStations(CurrentUser me, long roundId, Long honourRoundId, Integer count) {
        Round round = round(roundId);
        if (round.subject() != Subject.STATION) {
            throw new InvalidField("honourRoundId", "evaluation.propose.stations-only");
        }
        requireStatus(round, EnumSet.of(RoundStatus.APPROVED, RoundStatus.PUBLISHED));
        long honourRound = Inputs.required("honourRoundId", honourRoundId);
        int best = count == null ? 3 : count;
        if (best < 1 || best > 50) {
            throw new InvalidField("count", "evaluation.propose.count-range");
        }
        List<String> proposed = new ArrayList<>();
        for (Standing unit : jdbc.sql(UNIT_SELECT + " where u.round_id = :id and u.ranking <= :best"
                        + " order by u.ranking, u.unit_name").param("id", roundId).param("best", best)
                .query(this::standingRow).list()) {
            if (nominations.nominateStation(me, honourRound, Long.parseLong(unit.unitKey()))) {
                proposed.add(unit.unitName());
            }
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, roundId).withDetail("proposed to honour round "
                + honourRound + ": " + String.join(", ", proposed)));
        return proposed;
    }

    // ---- helpers

    private record Unit(String key, String name, String regionCode) {
    }

    private List<Unit> units(Subject subject) {
        if (subject == Subject.COUNTY) {
            return regions.inListOrder().stream()
                    .filter(region -> region.level() == RegionLevel.COUNTY
                            || region.level() == RegionLevel.FUNCTIONAL_AREA)
                    .map(region -> new Unit(region.code(), region.name(), region.code())).toList();
        }
        return organizations.carers().stream().filter(carer -> carer.type() == OrgType.WORK_STATION)
                .map(carer -> new Unit(String.valueOf(carer.id()), carer.name(), carer.regionCode())).toList();
    }

    private static String gapLabel(Guarantees.Kind kind) {
        return switch (kind) {
            case MISSED -> "漏奖";
            case LATE -> "迟奖";
            default -> "错奖";
        };
    }

    private DataScope scopeOf(Standing unit) {
        return regions.scopeOf(unit.regionCode());
    }

    private static BigDecimal value(Metric metric, String key, Map<String, Map<String, BigDecimal>> values) {
        Map<String, BigDecimal> parts = values.getOrDefault(key, Map.of());
        if (metric.formula() == Metric.Formula.WEIGHTED) {
            return parts.entrySet().stream()
                    .map(part -> part.getValue().multiply(Metric.MEDIA_WEIGHTS.getOrDefault(part.getKey(),
                            BigDecimal.ONE)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void total(long unitId) {
        BigDecimal scored = jdbc.sql("select coalesce(sum(score), 0) from evaluation_score where unit_id = :id")
                .param("id", unitId).query(BigDecimal.class).single();
        BigDecimal deducted = jdbc.sql("select coalesce(sum(points), 0) from evaluation_deduction where unit_id = :id")
                .param("id", unitId).query(BigDecimal.class).single();
        BigDecimal total = scored.subtract(deducted).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        jdbc.sql("update evaluation_unit set total = :total, deducted = :deducted where id = :id")
                .param("total", total).param("deducted", deducted).param("id", unitId).update();
    }

    /** Moves the round on from the status it was read in; a round another step moved meanwhile is refused. */
    private void move(long roundId, RoundStatus from, RoundStatus status, String set, Map<String, Object> params) {
        int moved = jdbc.sql("update evaluation_round set status = :status, " + set + ", version = version + 1"
                        + " where id = :id and status = :from")
                .param("status", status.name()).params(params).param("id", roundId).param("from", from.name())
                .update();
        if (moved == 0) {
            throw new InvalidField("status", "evaluation.round.status", round(roundId).status().name());
        }
    }

    private static void requireStatus(Round round, Set<RoundStatus> allowed) {
        if (!allowed.contains(round.status())) {
            throw new InvalidField("status", "evaluation.round.status", round.status().name());
        }
    }

    /** Whether the caller sees every unit: the city's staff and leaders whose scope is the whole city. */
    private boolean cityWide(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.LEADER) && me.scope().covers(regions.city().code());
    }

    private static Standing unranked(Standing unit) {
        return new Standing(unit.id(), unit.unitKey(), unit.unitName(), unit.regionCode(), unit.total(),
                unit.deducted(), null);
    }

    /** Whether the unit is the caller's own: their county, or (for a station's staff) their station. */
    private boolean own(CurrentUser me, Standing unit) {
        if (cityWide(me)) {
            return false;
        }
        if (me.has(Role.STATION_STAFF) && !me.has(Role.COUNTY_STAFF)) {
            return unit.unitKey().equals(String.valueOf(me.organizationId()));
        }
        return me.scope().covers(unit.regionCode());
    }

    private Standing unit(CurrentUser me, long roundId, long unitId) {
        Optional<Standing> found = jdbc.sql(UNIT_SELECT + " where u.id = :id and u.round_id = :round")
                .param("id", unitId).param("round", roundId).query(this::standingRow).optional()
                .filter(unit -> cityWide(me) || own(me, unit));
        return ScopedLookup.inScope(audit, UNIT, unitId, found, id -> jdbc.sql(
                "select count(*) from evaluation_unit where id = :id").param("id", id).query(Long.class).single() > 0);
    }

    private List<Deduction> deductions(long unitId) {
        return jdbc.sql("select id, unit_id, points, reason, recorded_by, recorded_at from evaluation_deduction"
                        + " where unit_id = :unit order by recorded_at, id").param("unit", unitId)
                .query((rs, row) -> new Deduction(rs.getLong("id"), rs.getLong("unit_id"), rs.getBigDecimal("points"),
                        rs.getString("reason"), rs.getString("recorded_by"), local(rs.getTimestamp("recorded_at"))))
                .list();
    }

    private List<Objection> objections(long roundId, Long unitId) {
        return jdbc.sql("""
                select o.id, o.score_id, u.id as unit_id, u.unit_name, i.name as indicator_name, o.reason, o.raised_by,
                       o.raised_at, o.reply, o.replied_by, o.replied_at
                from evaluation_objection o join evaluation_score s on s.id = o.score_id
                join evaluation_unit u on u.id = s.unit_id join evaluation_indicator i on i.id = s.indicator_id
                where u.round_id = :round""" + (unitId == null ? "" : " and u.id = :unit")
                        + " order by o.raised_at, o.id")
                .params(unitId == null ? Map.of("round", roundId) : Map.of("round", roundId, "unit", unitId))
                .query((rs, row) -> new Objection(rs.getLong("id"), rs.getLong("score_id"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("indicator_name"), rs.getString("reason"),
                        rs.getString("raised_by"), local(rs.getTimestamp("raised_at")), rs.getString("reply"),
                        rs.getString("replied_by"), local(rs.getTimestamp("replied_at"))))
                .list();
    }

    private LocalDateTime local(Timestamp at) {
        return at == null ? null : LocalDateTime.ofInstant(at.toInstant(), clock.getZone());
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final String ROUND_SELECT = """
            select r.id, r.scheme_id, s.scheme_year, s.subject, s.name, s.total_points, r.status, r.cutoff_on,
                   r.objection_days, r.computed_at, r.review_ends_on, r.approved_at, r.published_at
            from evaluation_round r join evaluation_scheme s on s.id = r.scheme_id""";

    private Round roundRow(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getLong("scheme_id"), rs.getInt("scheme_year"),
                Subject.valueOf(rs.getString("subject")), rs.getString("name"), rs.getBigDecimal("total_points"),
                RoundStatus.valueOf(rs.getString("status")), rs.getObject("cutoff_on", LocalDate.class),
                rs.getInt("objection_days"), local(rs.getTimestamp("computed_at")),
                rs.getObject("review_ends_on", LocalDate.class), local(rs.getTimestamp("approved_at")),
                local(rs.getTimestamp("published_at")));
    }

    private static final String UNIT_SELECT = """
            select u.id, u.unit_key, u.unit_name, u.region_code, u.total, u.deducted, u.ranking
            from evaluation_unit u""";

    private Standing standingRow(ResultSet rs, int row) throws SQLException {
        int ranking = rs.getInt("ranking");
        Integer rank = rs.wasNull() ? null : ranking;
        return new Standing(rs.getLong("id"), rs.getString("unit_key"), rs.getString("unit_name"),
                rs.getString("region_code"), rs.getBigDecimal("total"), rs.getBigDecimal("deducted"), rank);
    }

    private static final String SCORE_SELECT = """
            select s.id, s.unit_id, s.indicator_id, s.measure, s.inputs, s.score, s.note, s.scored_by,
                   (select count(*) from evaluation_source_record r where r.score_id = s.id) as records
            from evaluation_score s""";

    private Score scoreRow(ResultSet rs, int row) throws SQLException {
        return new Score(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("indicator_id"),
                rs.getBigDecimal("measure"), rs.getString("inputs"), rs.getBigDecimal("score"), rs.getString("note"),
                rs.getString("scored_by"), rs.getLong("records"));
    }
}

package org.yiyong.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/**
 * The evaluation schemes (考评方案): one a year for the counties and one for the work stations, each a tree of
 * indicators whose points add up level by level to the scheme's total. The city's staff make them (empty, or as a
 * copy of last year's) and change them until a round opens, which locks the scheme. Everyone who takes part reads
 * them. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class EvaluationSchemes {

    static final String ENTITY = "EvaluationScheme";
    static final String INDICATOR = "EvaluationIndicator";
    private static final BigDecimal MAX_POINTS = new BigDecimal("1000");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    EvaluationSchemes(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A scheme with its indicators in tree order (each after its parent, siblings by position). */
    public record Scheme(long id, int year, Subject subject, String name, BigDecimal totalPoints, boolean locked,
            List<Indicator> indicators) {

        /** The indicators a unit is scored on (not the groups). */
        public List<Indicator> scored() {
            return indicators.stream().filter(indicator -> indicator.method().isScored()).toList();
        }

        public Indicator indicator(long id) {
            return indicators.stream().filter(indicator -> indicator.id() == id).findFirst()
                    .orElseThrow(() -> new RecordNotFound(INDICATOR, id));
        }
    }

    /** An indicator; {@code depth} is 0 at the top; {@code target} is the target of a target metric. */
    public record Indicator(long id, Long parentId, int depth, int sortOrder, String name, BigDecimal points,
            Method method, Metric metric, BigDecimal target, String guidance) {
    }

    /** A scheme as lists show it. */
    public record Summary(long id, int year, Subject subject, String name, BigDecimal totalPoints, boolean locked) {
    }

    public record NewScheme(Integer year, Subject subject, String name, BigDecimal totalPoints, Boolean copyPrevious) {
    }

    /** An indicator as a form or the API gives it; {@code parentId} is a group of the same scheme, or none. */
    public record IndicatorInput(Long parentId, String name, BigDecimal points, Method method, Metric metric,
            BigDecimal target, String guidance) {
    }

    /** A whole tree of indicators at once (the API's replacement of a scheme's indicators). */
    public record IndicatorTree(String name, BigDecimal points, Method method, Metric metric, BigDecimal target,
            String guidance, List<IndicatorTree> children) {
    }

    /** What is wrong with a scheme's points: the indicator (none for the top level), what they add up to and should. */
    public record Imbalance(String indicator, BigDecimal sum, BigDecimal expected) {
    }

    public List<Summary> schemes() {
        return jdbc.sql("select id, scheme_year, subject, name, total_points, locked_at from evaluation_scheme"
                        + " order by scheme_year desc, subject")
                .query((rs, row) -> summary(rs)).list();
    }

    public Scheme scheme(long id) {
        Summary summary = jdbc.sql("select id, scheme_year, subject, name, total_points, locked_at"
                        + " from evaluation_scheme where id = :id").param("id", id)
                .query((rs, row) -> summary(rs)).optional().orElseThrow(() -> new RecordNotFound(ENTITY, id));
        return new Scheme(summary.id(), summary.year(), summary.subject(), summary.name(), summary.totalPoints(),
                summary.locked(), treeOrder(jdbc.sql("""
                        select id, parent_id, sort_order, name, points, method, metric, target, guidance
                        from evaluation_indicator where scheme_id = :id order by sort_order, id""")
                        .param("id", id).query((rs, row) -> indicator(rs)).list()));
    }

    /**
     * A new scheme for a year and subject, with the total points; as a copy of the previous year's scheme of the
     * subject when asked (refused when there is none).
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Scheme create(CurrentUser me, NewScheme scheme) {
        int year = Inputs.year("year", Inputs.required("year", scheme.year()));
        Subject subject = Inputs.required("subject", scheme.subject());
        String name = Inputs.text("name", scheme.name(), 100, true);
        BigDecimal total = points("totalPoints", Inputs.required("totalPoints", scheme.totalPoints()));
        if (total.signum() == 0) {
            throw new InvalidField("totalPoints", "evaluation.points.positive");
        }
        if (jdbc.sql("select count(*) from evaluation_scheme where scheme_year = :year and subject = :subject")
                .param("year", year).param("subject", subject.name()).query(Long.class).single() > 0) {
            throw new InvalidField("year", "evaluation.scheme.exists");
        }
        Long previous = null;
        if (Boolean.TRUE.equals(scheme.copyPrevious())) {
            previous = jdbc.sql("select id from evaluation_scheme where scheme_year = :year and subject = :subject")
                    .param("year", year - 1).param("subject", subject.name()).query(Long.class).optional()
                    .orElseThrow(() -> new InvalidField("copyPrevious", "evaluation.scheme.no-previous"));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evaluation_scheme (scheme_year, subject, name, total_points, created_by, created_at)
                values (:year, :subject, :name, :total, :by, :at)""")
                .param("year", year).param("subject", subject.name()).param("name", name).param("total", total)
                .param("by", me.username()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (previous != null) {
            copy(scheme(previous).indicators(), id);
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(year + " " + subject + " " + name
                + (previous == null ? "" : ", copied from scheme " + previous)));
        return scheme(id);
    }

    /** Adds an indicator at the end of its level. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Indicator add(CurrentUser me, long schemeId, IndicatorInput input) {
        Scheme scheme = unlocked(schemeId);
        IndicatorInput checked = checked(scheme, input, null);
        long id = insert(schemeId, checked, nextPosition(schemeId, checked.parentId()));
        audit.record(AuditRecord.of(AuditAction.CREATE, INDICATOR, id).withDetail("scheme " + schemeId + ": "
                + checked.name() + " " + checked.points().toPlainString() + " " + checked.method()
                + (checked.metric() == null ? "" : " " + checked.metric())));
        return scheme(schemeId).indicator(id);
    }

    /** Changes an indicator (its level stays); a group keeps its method while indicators are under it. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Indicator update(CurrentUser me, long schemeId, long indicatorId, IndicatorInput input) {
        Scheme scheme = unlocked(schemeId);
        Indicator before = scheme.indicator(indicatorId);
        IndicatorInput checked = checked(scheme, new IndicatorInput(before.parentId(), input.name(), input.points(),
                input.method(), input.metric(), input.target(), input.guidance()), before);
        jdbc.sql("""
                update evaluation_indicator set name = :name, points = :points, method = :method, metric = :metric,
                    target = :target, guidance = :guidance where id = :id""")
                .params(columns(checked)).param("id", indicatorId).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, INDICATOR, indicatorId).withDetail("scheme " + schemeId
                + ": " + before.name() + " " + before.points().toPlainString() + " → " + checked.name() + " "
                + checked.points().toPlainString() + " " + checked.method()
                + (checked.metric() == null ? "" : " " + checked.metric())));
        return scheme(schemeId).indicator(indicatorId);
    }

    /** Removes an indicator with everything under it. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public void remove(CurrentUser me, long schemeId, long indicatorId) {
        Scheme scheme = unlocked(schemeId);
        Indicator indicator = scheme.indicator(indicatorId);
        List<Long> gone = new ArrayList<>();
        collect(scheme.indicators(), indicatorId, gone);
        for (int i = gone.size() - 1; i >= 0; i--) {
            jdbc.sql("delete from evaluation_indicator where id = :id").param("id", gone.get(i)).update();
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, schemeId).withDetail("removed indicator "
                + indicatorId + " " + indicator.name() + " and " + (gone.size() - 1) + " under it"));
    }

    /**
     * Replaces all the indicators of a scheme with a tree, which must add up level by level; refused as a whole,
     * naming the indicator whose level does not add up, and nothing changes.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Scheme replace(CurrentUser me, long schemeId, List<IndicatorTree> tree) {
        Scheme scheme = unlocked(schemeId);
        List<Indicator> old = scheme.indicators();
        for (int i = old.size() - 1; i >= 0; i--) {
            jdbc.sql("delete from evaluation_indicator where id = :id").param("id", old.get(i).id()).update();
        }
        insertTree(scheme, tree == null ? List.of() : tree, null);
        Scheme replaced = scheme(schemeId);
        requireBalanced(replaced);
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, schemeId).withDetail("indicators replaced: "
                + replaced.indicators().size()));
        return replaced;
    }

    /** Where the points of a scheme do not add up: each group, and the top level against the total. */
    public static List<Imbalance> imbalances(Scheme scheme) {
        List<Imbalance> found = new ArrayList<>();
        BigDecimal top = sumUnder(scheme, null);
        if (top.compareTo(scheme.totalPoints()) != 0) {
            found.add(new Imbalance(null, top, scheme.totalPoints()));
        }
        for (Indicator indicator : scheme.indicators()) {
            if (indicator.method() == Method.GROUP) {
                BigDecimal sum = sumUnder(scheme, indicator.id());
                if (sum.compareTo(indicator.points()) != 0) {
                    found.add(new Imbalance(indicator.name(), sum, indicator.points()));
                }
            }
        }
        return found;
    }

    /**
     * Refuses a scheme whose points do not add up, or that has nothing to score, naming the first indicator at
     * fault.
     *
     * @throws InvalidField on {@code indicators}
     */
    public static void requireBalanced(Scheme scheme) {
        if (scheme.scored().isEmpty()) {
            throw new InvalidField("indicators", "evaluation.scheme.empty");
        }
        List<Imbalance> wrong = imbalances(scheme);
        if (!wrong.isEmpty()) {
            Imbalance first = wrong.get(0);
            if (first.indicator() == null) {
                throw new InvalidField("indicators", "evaluation.scheme.unbalanced-total", plain(first.sum()),
                        plain(first.expected()));
            }
            throw new InvalidField("indicators", "evaluation.scheme.unbalanced", first.indicator(),
                    plain(first.sum()), plain(first.expected()));
        }
    }

    private static BigDecimal sumUnder(Scheme scheme, Long parentId) {
        return scheme.indicators().stream().filter(i -> java.util.Objects.equals(i.parentId(), parentId))
                .map(Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }

    private void insertTree(Scheme scheme, List<IndicatorTree> level, Long parentId) {
        int position = 0;
        for (IndicatorTree node : level) {
            if (node == null) {
                throw new InvalidField("indicators", "validation.required");
            }
            List<IndicatorTree> children = node.children() == null ? List.of() : node.children();
            Method method = node.method() == null && !children.isEmpty() ? Method.GROUP : node.method();
            Scheme current = scheme(scheme.id());
            IndicatorInput checked = checked(current, new IndicatorInput(parentId, node.name(), node.points(), method,
                    node.metric(), node.target(), node.guidance()), null);
            if (!children.isEmpty() && checked.method() != Method.GROUP) {
                throw new InvalidField("method", "evaluation.indicator.children-need-group", checked.name());
            }
            long id = insert(scheme.id(), checked, position++);
            insertTree(scheme, children, id);
        }
    }

    private Scheme unlocked(long schemeId) {
        Scheme scheme = scheme(schemeId);
        if (scheme.locked()) {
            throw new InvalidField("scheme", "evaluation.scheme.locked");
        }
        return scheme;
    }

    private IndicatorInput checked(Scheme scheme, IndicatorInput input, Indicator before) {
        String name = Inputs.text("name", input.name(), 100, true);
        BigDecimal points = points("points", Inputs.required("points", input.points()));
        Method method = Inputs.required("method", input.method());
        Metric metric = null;
        BigDecimal target = null;
        if (input.parentId() != null) {
            Indicator parent = scheme.indicators().stream().filter(i -> i.id() == input.parentId()).findFirst()
                    .orElseThrow(() -> new InvalidField("parentId", "evaluation.indicator.parent-invalid"));
            if (parent.method() != Method.GROUP) {
                throw new InvalidField("parentId", "evaluation.indicator.parent-invalid");
            }
        }
        if (before != null && before.method() == Method.GROUP && method != Method.GROUP
                && scheme.indicators().stream().anyMatch(i -> java.util.Objects.equals(i.parentId(), before.id()))) {
            throw new InvalidField("method", "evaluation.indicator.children-need-group", before.name());
        }
        if (method == Method.COMPUTED) {
            metric = Inputs.required("metric", input.metric());
            if (metric.subject() != scheme.subject()) {
                throw new InvalidField("metric", "evaluation.metric.other-subject");
            }
            if (!metric.isAvailable()) {
                throw new InvalidField("metric", "evaluation.metric.unavailable");
            }
            if (metric.needsTarget()) {
                target = Inputs.decimal("target", Inputs.required("target", input.target()));
                if (target.signum() <= 0) {
                    throw new InvalidField("target", "evaluation.target.positive");
                }
            }
        } else if (input.metric() != null) {
            throw new InvalidField("metric", "evaluation.metric.only-computed");
        }
        String guidance = Inputs.text("guidance", input.guidance(), 500, false);
        return new IndicatorInput(input.parentId(), name, points, method, metric, target, guidance);
    }

    private static BigDecimal points(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(MAX_POINTS) > 0) {
            throw new InvalidField(field, "evaluation.points.range", plain(MAX_POINTS));
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidField(field, "evaluation.points.decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private long insert(long schemeId, IndicatorInput input, int position) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evaluation_indicator (scheme_id, parent_id, sort_order, name, points, method, metric,
                    target, guidance)
                values (:scheme, :parent, :position, :name, :points, :method, :metric, :target, :guidance)""")
                .param("scheme", schemeId).param("parent", input.parentId()).param("position", position)
                .params(columns(input)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static Map<String, Object> columns(IndicatorInput input) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", input.name());
        columns.put("points", input.points());
        columns.put("method", input.method().name());
        columns.put("metric", input.metric() == null ? null : input.metric().name());
        columns.put("target", input.target());
        columns.put("guidance", input.guidance());
        return columns;
    }

    private int nextPosition(long schemeId, Long parentId) {
        return jdbc.sql("select coalesce(max(sort_order), -1) + 1 from evaluation_indicator where scheme_id = :id"
                        + (parentId == null ? " and parent_id is null" : " and parent_id = :parent"))
                .params(parentId == null ? Map.of("id", schemeId) : Map.of("id", schemeId, "parent", parentId))
                .query(Integer.class).single();
    }

    private void copy(List<Indicator> indicators, long schemeId) {
        Map<Long, Long> copies = new HashMap<>();
        for (Indicator indicator : indicators) {
            Long parent = indicator.parentId() == null ? null : copies.get(indicator.parentId());
            copies.put(indicator.id(), insert(schemeId, new IndicatorInput(parent, indicator.name(),
                    indicator.points(), indicator.method(), indicator.metric(), indicator.target(),
                    indicator.guidance()), indicator.sortOrder()));
        }
    }

    private static void collect(List<Indicator> indicators, long id, List<Long> into) {
        into.add(id);
        for (Indicator child : indicators) {
            if (child.parentId() != null && child.parentId() == id) {
                collect(indicators, child.id(), into);
            }
        }
    }

    private static List<Indicator> treeOrder(List<Indicator> flat) {
        List<Indicator> ordered = new ArrayList<>();
        place(flat, null, 0, ordered);
        return ordered;
    }

    private static void place(List<Indicator> flat, Long parentId, int depth, List<Indicator> into) {
        for (Indicator indicator : flat) {
            if (java.util.Objects.equals(indicator.parentId(), parentId)) {
                into.add(new Indicator(indicator.id(), indicator.parentId(), depth, indicator.sortOrder(),
                        indicator.name(), indicator.points(), indicator.method(), indicator.metric(),
                        indicator.target(), indicator.guidance()));
                place(flat, indicator.id(), depth + 1, into);
            }
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong("id"), rs.getInt("scheme_year"), Subject.valueOf(rs.getString("subject")),
                rs.getString("name"), rs.getBigDecimal("total_points"), rs.getTimestamp("locked_at") != null);
    }

    private static Indicator indicator(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        String metric = rs.getString("metric");
        return new Indicator(rs.getLong("id"), parentId, 0, rs.getInt("sort_order"),
                rs.getString("name"), rs.getBigDecimal("points"), Method.valueOf(rs.getString("method")),
                metric == null ? null : Metric.valueOf(metric), rs.getBigDecimal("target"), rs.getString("guidance"));
    }
}

package org.yiyong.platform;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.FigureSource;
import org.yiyong.shared.FigureSource.Cell;
import org.yiyong.shared.FigureSource.Entry;
import org.yiyong.shared.FigureSource.Figure;

/**
 * A module's figures written as SQL over its own tables: for each figure, the rows it counts and the
 * expressions of the date that counts, the region, the part and the value. The value and the list are
 * read with the same {@code from} and {@code where}, so they cannot disagree.
 */
public final class SqlFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final List<Spec> specs;
    private final Map<String, Spec> byKey;

    public SqlFigures(JdbcClient jdbc, List<Spec> specs) {
        this.jdbc = jdbc;
        this.specs = List.copyOf(specs);
        this.byKey = specs.stream().collect(Collectors.toUnmodifiableMap(spec -> spec.figure().key(),
                Function.identity()));
    }

    /**
     * One figure in SQL. {@code from} names the module's tables with their joins; {@code where} narrows
     * them (without the year and the scope, which are added); {@code date} is the date that counts (for a
     * cumulative figure, the date from which a record counts); {@code region} the region code column;
     * {@code part} the part's expression, or {@code null}; {@code value} {@code count(*)} or a
     * {@code sum(…)}; {@code amount} the amount of one record for a money figure, else {@code null};
     * {@code reference}, {@code description} and {@code id} name a record in the list, shown at
     * {@code pathPrefix + id}.
     */
    public record Spec(Figure figure, String from, String where, String date, String region, String part,
            String value, String amount, String reference, String description, String id, String pathPrefix) {

        public Spec {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(from, "from");
            where = where == null || where.isBlank() ? "1 = 1" : where;
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(region, "region");
            part = part == null ? "''" : part;
            Objects.requireNonNull(value, "value");
            amount = amount == null ? "cast(null as decimal(14, 2))" : amount;
        }

        private String conditions() {
            String period = figure.cumulative() ? date + " <= :last" : date + " between :first and :last";
            return "(" + where + ") and " + period + " and " + region + " in (:regions)";
        }

        private String month() {
            return figure.cumulative() ? "0" : "extract(month from " + date + ")";
        }
    }

    @Override
    public List<Figure> figures() {
        return specs.stream().map(Spec::figure).toList();
    }

    @Override
    public List<Cell> cells(Year year, DataScope scope) {
        List<Cell> cells = new ArrayList<>();
        for (Spec spec : specs) {
            String sql = "select " + spec.region + " as region, " + spec.part + " as part, " + spec.month()
                    + " as month_of_year, " + spec.value + " as figure_value from " + spec.from + " where "
                    + spec.conditions() + " group by " + spec.region + ", " + spec.part + ", " + spec.month();
            cells.addAll(bind(jdbc.sql(sql), year, scope)
                    .query((rs, n) -> new Cell(spec.figure.key(), rs.getString("region"), rs.getString("part"),
                            rs.getInt("month_of_year"), zeroIfNull(rs.getBigDecimal("figure_value"))))
                    .list()
                    .stream()
                    .filter(cell -> cell.value().signum() != 0)
                    .toList());
        }
        return cells;
    }

    @Override
    public List<Entry> records(String key, Year year, DataScope scope, String part) {
        Spec spec = byKey.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("No figure " + key);
        }
        boolean onePart = part != null && !part.isEmpty();
        String sql = "select " + spec.reference + " as reference, " + spec.description + " as description, "
                + spec.date + " as counted_on, " + spec.region + " as region, " + spec.part + " as part, "
                + spec.amount + " as amount, " + spec.id + " as record_id from " + spec.from + " where "
                + spec.conditions() + (onePart ? " and " + spec.part + " = :part" : "")
                + " order by counted_on desc, record_id desc";
        JdbcClient.StatementSpec statement = bind(jdbc.sql(sql), year, scope);
        if (onePart) {
            statement = statement.param("part", part);
        }
        return statement.query((rs, n) -> {
            Date counted = rs.getDate("counted_on");
            return new Entry(rs.getString("reference"), rs.getString("description"),
                    counted == null ? null : counted.toLocalDate(), rs.getString("region"), rs.getString("part"),
                    rs.getBigDecimal("amount"), spec.pathPrefix + rs.getLong("record_id"));
        }).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Year year, DataScope scope) {
        return statement.param("first", year.atDay(1))
                .param("last", LocalDate.of(year.getValue(), 12, 31))
                .param("regions", scope.sortedCodes());
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

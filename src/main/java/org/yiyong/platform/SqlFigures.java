package org.yiyong.platform;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * read with the same {@code from} and {@code where}, so they cannot disagree. A module publishes its
 * figures with a service that extends this class and names its specs.
 */
public abstract class SqlFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final List<Spec> specs;
    private final Map<String, Spec> byKey;

    protected SqlFigures(JdbcClient jdbc, List<Spec> specs) {
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
     * {@code reference} and {@code description} name a record in the list, {@code id} orders records of
     * the same date, and {@code path} is the page that shows it (an SQL expression, e.g.
     * {@code '/deeds/' || cast(d.id as varchar(20))}). {@code sums}, when given, is where the figure's values are
     * read from instead: totals a module keeps of the same records (its {@code from}, {@code where}, {@code date},
     * {@code region}, {@code part}, {@code partLabel} and {@code value} are used), while the records listed under
     * the figure are still read from {@code from}.
     */
    public record Spec(Figure figure, String from, String where, String date, String region, String part,
            String partLabel, String value, String amount, String reference, String description, String id,
            String path, Spec sums) {

        public Spec(Figure figure, String from, String where, String date, String region, String part,
                String partLabel, String value, String amount, String reference, String description, String id,
                String path) {
            this(figure, from, where, date, region, part, partLabel, value, amount, reference, description, id, path,
                    null);
        }

        /** The same figure, its values read from totals kept of its records ({@code sums}). */
        public Spec summedFrom(String from, String where, String date, String region, String part, String partLabel,
                String value) {
            return new Spec(figure, this.from, this.where, this.date, this.region, this.part, this.partLabel,
                    this.value, amount, reference, description, id, path, new Spec(figure, from, where, date, region,
                            part, partLabel, value, null, "''", "''", "0", "''"));
        }

        public Spec {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(from, "from");
            where = where == null || where.isBlank() ? "1 = 1" : where;
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(region, "region");
            part = part == null ? "''" : part;
            partLabel = partLabel == null ? "cast(null as varchar(200))" : partLabel;
            Objects.requireNonNull(value, "value");
            amount = amount == null ? "cast(null as decimal(14, 2))" : amount;
        }

        private String conditions() {
            String period = figure.cumulative() ? date + " <= :last" : date + " between :first and :last";
            return "(" + where + ") and " + period + " and " + region + " in (:regions)";
        }

        /** The year a record counts in: its date's, or for a cumulative figure the year asked. */
        private String year() {
            return figure.cumulative() ? "cast(:year as integer)" : "extract(year from " + date + ")";
        }

        /** The year, the region and whichever of part, its label and month are columns rather than constants. */
        private String groupBy() {
            List<String> columns = new ArrayList<>(List.of(region));
            if (!figure.cumulative()) {
                columns.add(year());
            }
            for (String expression : List.of(part, partLabel, month())) {
                boolean constant = expression.equals("''") || expression.startsWith("cast(null")
                        || expression.equals("0");
                if (!constant) {
                    columns.add(expression);
                }
            }
            return String.join(", ", columns);
        }

        private String month() {
            return figure.cumulative() ? "0" : "extract(month from " + date + ")";
        }
    }

    @Override
    public List<Figure> figures() {
        return specs.stream().map(Spec::figure).toList();
    }

    /**
     * One query per figure for all the years of a flow (a figure of the year's records), grouped by year;
     * one query per year for a stock (a cumulative figure), whose value is what stands at that year's end.
     */
    @Override
    public List<Cell> cells(Year first, Year last, DataScope scope, Set<String> keys) {
        List<Cell> cells = new ArrayList<>();
        for (Spec spec : specs) {
            if (!keys.contains(spec.figure().key())) {
                continue;
            }
            Spec summed = spec.sums() != null ? spec.sums() : spec;
            String sql = "select " + summed.region + " as region, " + summed.year() + " as year_counted, "
                    + summed.part + " as part, " + summed.partLabel + " as part_label, " + summed.month()
                    + " as month_of_year, " + summed.value + " as figure_value from " + summed.from + " where "
                    + summed.conditions() + " group by " + summed.groupBy();
            List<Year> periods = new ArrayList<>(List.of(first));
            if (spec.figure().cumulative()) {
                for (Year year = first.plusYears(1); !year.isAfter(last); year = year.plusYears(1)) {
                    periods.add(year);
                }
            }
            for (Year period : periods) {
                Year to = spec.figure().cumulative() ? period : last;
                cells.addAll(bind(jdbc.sql(sql), period, to, scope)
                        .query((rs, n) -> new Cell(spec.figure.key(), rs.getInt("year_counted"),
                                rs.getString("region"), rs.getString("part"), rs.getString("part_label"),
                                rs.getInt("month_of_year"), zeroIfNull(rs.getBigDecimal("figure_value"))))
                        .list()
                        .stream()
                        .filter(cell -> cell.value().signum() != 0)
                        .toList());
            }
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
                + spec.partLabel + " as part_label, "
                + spec.amount + " as amount, " + spec.id + " as record_id, " + spec.path + " as record_path from "
                + spec.from + " where "
                + spec.conditions() + (onePart ? " and " + spec.part + " = :part" : "")
                + " order by counted_on desc, record_id desc";
        JdbcClient.StatementSpec statement = bind(jdbc.sql(sql), year, year, scope);
        if (onePart) {
            statement = statement.param("part", part);
        }
        return statement.query((rs, n) -> {
            Date counted = rs.getDate("counted_on");
            return new Entry(rs.getString("reference"), rs.getString("description"),
                    counted == null ? null : counted.toLocalDate(), rs.getString("region"), rs.getString("part"),
                    rs.getString("part_label"), rs.getBigDecimal("amount"), rs.getString("record_path"));
        }).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Year first, Year last,
            DataScope scope) {
        return statement.param("first", first.atDay(1))
                .param("last", LocalDate.of(last.getValue(), 12, 31))
                .param("year", last.getValue())
                .param("regions", scope.sortedCodes());
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

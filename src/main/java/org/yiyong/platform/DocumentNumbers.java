package org.yiyong.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers documents: the next value of the document's own running sequence, shown in the format the
 * configuration gives its kind ({@link NumberingProperties}). Each module keeps its sequences in tables
 * of its own and hands them in as a {@link Sequence}; {@link #counter} makes one from such a table.
 */
@Service
public class DocumentNumbers {

    /** The running number of a kind of document, per whatever the module counts it by (year, region, …). */
    @FunctionalInterface
    public interface Sequence {
        /** The next value, never handed out before. */
        int next();
    }

    /** The fields a format may show. */
    static final Set<String> FIELDS = Set.of("seq", "year", "region", "regionShort", "prefix");

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z]+)(?::(\\d{1,2}))?}");

    private final NumberingProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<DocumentKind, List<Part>> formats = new EnumMap<>(DocumentKind.class);

    DocumentNumbers(NumberingProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        for (DocumentKind kind : DocumentKind.values()) {
            formats.put(kind, parse(kind, properties.formats().of(kind)));
        }
    }

    /** The next number of a document of {@code kind}, showing {@code fields} ({@code year}, {@code region}, …). */
    public String next(DocumentKind kind, Sequence sequence, Map<String, ?> fields) {
        return format(kind, sequence.next(), fields);
    }

    /** The number of a document of {@code kind} with running number {@code sequence} and {@code fields}. */
    public String format(DocumentKind kind, int sequence, Map<String, ?> fields) {
        Map<String, Object> values = new LinkedHashMap<>(fields);
        values.put("seq", sequence);
        values.putIfAbsent("prefix", properties.prefix());
        StringBuilder number = new StringBuilder();
        for (Part part : formats.get(kind)) {
            part.appendTo(number, values, kind);
        }
        return number.toString();
    }

    /** The current year in the configured zone. */
    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /**
     * The one-character short name of a region, as numbers show it: the first character of its name
     * after the city's name (晋江市 → 晋, 泉州台商投资区 → 台), or of the city's own name (泉州市 → 泉).
     */
    public String regionShort(String regionName) {
        String city = properties.cityName();
        String name = !city.isEmpty() && regionName.startsWith(city) && regionName.length() > city.length() + 1
                ? regionName.substring(city.length())
                : regionName;
        return name.substring(0, 1);
    }

    /**
     * A sequence kept in a row of a module's own counter table: {@code key} names the row (its columns and
     * values), {@code last_value} holds the last number handed out. The row is created when first needed and
     * counted up under its row lock, so two nodes never hand out the same number; it must run within the
     * transaction that uses the number.
     */
    public Sequence counter(String table, Map<String, ?> key) {
        List<String> columns = List.copyOf(key.keySet());
        String names = String.join(", ", columns);
        String values = columns.stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        String where = columns.stream().map(column -> column + " = :" + column).collect(Collectors.joining(" and "));
        return () -> {
            // a second node creating the same counter at once waits for the first, then finds it there
            JdbcClient.StatementSpec insert = jdbc.sql("insert into " + table + " (" + names + ", last_value) values ("
                    + values + ", 0) on conflict do nothing");
            JdbcClient.StatementSpec update = jdbc.sql("update " + table + " set last_value = last_value + 1 where "
                    + where);
            JdbcClient.StatementSpec select = jdbc.sql("select last_value from " + table + " where " + where);
            for (String column : columns) {
                insert = insert.param(column, key.get(column));
                update = update.param(column, key.get(column));
                select = select.param(column, key.get(column));
            }
            insert.update();
            update.update();
            return select.query(Integer.class).single();
        };
    }

    /**
     * Reserves {@code count} running numbers at once from a module's counter table (as {@link #counter}), for work
     * that numbers many documents in one long transaction; answers the first, the others follow it. The counter is
     * counted up in a transaction of its own, so that the long one does not hold it from everyone else: numbers of
     * work that is rolled back stay unused (a gap).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int reserve(String table, Map<String, ?> key, int count) {
        return countUp(table, key, count);
    }

    /**
     * Takes {@code count} running numbers at once within the caller's transaction (as {@link #counter}, which it
     * counts up by {@code count}): no gap if the work is rolled back, and the counter waits for the caller's commit,
     * so use it for work of seconds, not minutes. Answers the first; the others follow it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int take(String table, Map<String, ?> key, int count) {
        return countUp(table, key, count);
    }

    private int countUp(String table, Map<String, ?> key, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        List<String> columns = List.copyOf(key.keySet());
        String names = String.join(", ", columns);
        String values = columns.stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        String where = columns.stream().map(column -> column + " = :" + column).collect(Collectors.joining(" and "));
        JdbcClient.StatementSpec insert = jdbc.sql("insert into " + table + " (" + names + ", last_value) values ("
                + values + ", 0) on conflict do nothing");
        JdbcClient.StatementSpec update = jdbc.sql("update " + table + " set last_value = last_value + :count where "
                + where).param("count", count);
        JdbcClient.StatementSpec select = jdbc.sql("select last_value from " + table + " where " + where);
        for (String column : columns) {
            insert = insert.param(column, key.get(column));
            update = update.param(column, key.get(column));
            select = select.param(column, key.get(column));
        }
        insert.update();
        update.update();
        return select.query(Integer.class).single() - count + 1;
    }

    private static List<Part> parse(DocumentKind kind, String format) {
        if (format == null || format.isBlank()) {
            throw new IllegalStateException("yiyong.numbering.formats: no format for " + kind);
        }
        List<Part> parts = new ArrayList<>();
        Matcher field = FIELD.matcher(format);
        int at = 0;
        boolean counted = false;
        while (field.find()) {
            if (field.start() > at) {
                parts.add(new Text(literal(kind, format, format.substring(at, field.start()))));
            }
            String name = field.group(1);
            if (!FIELDS.contains(name)) {
                throw new IllegalStateException("yiyong.numbering.formats: unknown field {" + name + "} in the format of "
                        + kind + ": " + format + " (known: " + FIELDS + ")");
            }
            counted |= name.equals("seq");
            parts.add(new Field(name, field.group(2) == null ? 0 : Integer.parseInt(field.group(2))));
            at = field.end();
        }
        if (at < format.length()) {
            parts.add(new Text(literal(kind, format, format.substring(at))));
        }
        if (!counted) {
            throw new IllegalStateException("yiyong.numbering.formats: the format of " + kind
                    + " does not show the running number {seq}: " + format);
        }
        return List.copyOf(parts);
    }

    private static String literal(DocumentKind kind, String format, String text) {
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalStateException("yiyong.numbering.formats: a brace that opens no field in the format of "
                    + kind + ": " + format);
        }
        return text;
    }

    private sealed interface Part permits Text, Field {
        void appendTo(StringBuilder number, Map<String, Object> values, DocumentKind kind);
    }

    private record Text(String text) implements Part {
        @Override
        public void appendTo(StringBuilder number, Map<String, Object> values, DocumentKind kind) {
            number.append(text);
        }
    }

    private record Field(String name, int width) implements Part {
        @Override
        public void appendTo(StringBuilder number, Map<String, Object> values, DocumentKind kind) {
            Object value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the number of " + kind + " shows {" + name + "}, which was not given");
            }
            String text = String.valueOf(value);
            if (width > 0 && value instanceof Number) {
                number.append("0".repeat(Math.max(0, width - text.length())));
            }
            number.append(text);
        }
    }
}

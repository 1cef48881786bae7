package org.yiyong.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Many rows inserted in batches of a thousand, answering the id each row was given, in order: for work that writes
 * many records at once (an import) and needs their ids for the rows that refer to them, without reading them back.
 * On PostgreSQL the ids are drawn from the table's identity sequence first and the rows, ids included, are sent with
 * {@code COPY} (a parsed statement per row or per thousand costs about as much again as writing the row); on other
 * databases the rows go as a batch and the driver answers the generated keys.
 */
@Component
public class BatchInserts {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    private final Database database;

    BatchInserts(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Inserts the rows into {@code table}, one value per column in {@code columns} (which name everything but the
     * {@code id}); answers the {@code id} each was given, in order.
     */
    public List<Long> insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (!database.isPostgres()) {
            String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
            return insert("insert into " + table + " (" + columns + ") values (" + marks + ")", rows);
        }
        List<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)"
                + " order by 1", Long.class, table, rows.size());
        String copy = "copy " + table + " (id, " + columns + ") from stdin";
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder text = new StringBuilder(64 * 1024);
            CopyIn in = copies.copyIn(copy);
            try {
                for (int i = 0; i < rows.size(); i++) {
                    text.append(ids.get(i));
                    for (Object value : rows.get(i)) {
                        text.append('\t');
                        copyText(text, value);
                    }
                    text.append('\n');
                    if (text.length() >= 60 * 1024 || i == rows.size() - 1) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        in.writeToCopy(bytes, 0, bytes.length);
                        text.setLength(0);
                    }
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            return null;
        });
        return ids;
    }


    /**
     * An instant with the JVM zone's offset written out: read exactly by a {@code timestamp with time zone} column
     * (no hour of a daylight-saving change read twice), and as the JVM's local time by a {@code timestamp}, as the
     * driver binds it.
     */
    private static OffsetDateTime inJvmZone(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneId.systemDefault());
    }

    /**
     * A value as COPY's text format writes it, the way the driver would bind it: {@code \N} for null, an instant
     * with the JVM zone's offset, text with its backslashes, tabs and line ends escaped.
     */
    static void copyText(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Double || value instanceof Float || value instanceof java.util.UUID) {
            text.append(value);
        } else if (value instanceof Enum<?> constant) {
            text.append(constant.name());
        } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof java.sql.Date) {
            text.append(value);
        } else if (value instanceof Timestamp timestamp) {
            text.append(inJvmZone(timestamp.toInstant()));
        } else if (value instanceof Instant instant) {
            text.append(inJvmZone(instant));
        } else if (value instanceof OffsetDateTime dateTime) {
            text.append(inJvmZone(dateTime.toInstant()));
        } else if (value instanceof java.util.Date date) {
            text.append(inJvmZone(date.toInstant()));
        } else if (value instanceof Character || value instanceof CharSequence) {
            CharSequence chars = value.toString();
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        } else {
            throw new IllegalArgumentException("not a value BatchInserts writes: " + value.getClass().getName());
        }
    }

    private List<Long> insert(String sql, List<Object[]> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + BATCH));
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.batchUpdate(connection -> connection.prepareStatement(sql, new String[] {"id"}),
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement statement, int i) throws SQLException {
                            Object[] values = part.get(i);
                            for (int v = 0; v < values.length; v++) {
                                StatementCreatorUtils.setParameterValue(statement, v + 1,
                                        StatementCreatorUtils.javaTypeToSqlParameterType(values[v] == null ? null
                                                : values[v].getClass()), values[v]);
                            }
                        }

                        @Override
                        public int getBatchSize() {
                            return part.size();
                        }
                    }, keys);
            List<Map<String, Object>> generated = keys.getKeyList();
            if (generated.size() != part.size()) {
                throw new IllegalStateException("expected " + part.size() + " ids, got " + generated.size());
            }
            for (Map<String, Object> key : generated) {
                Object id = key.size() == 1 ? key.values().iterator().next() : key.get("id");
                ids.add(((Number) id).longValue());
            }
        }
        return ids;
    }
}

package org.yiyong.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Many rows inserted in batches of a thousand, answering the id each row was given, in order: for work that writes
 * many records at once (an import) and needs their ids for the rows that refer to them, without reading them back.
 * On PostgreSQL the ids are drawn from the table's identity sequence first and inserted with the rows, so that a batch
 * goes to the server as multi-row statements (asking the driver for generated keys would send it row by row); on
 * other databases the driver answers the generated keys of the batch.
 */
@Component
public class BatchInserts {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    BatchInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the rows into {@code table}, one value per column in {@code columns} (which name everything but the
     * {@code id}); answers the {@code id} each was given, in order.
     */
    public List<Long> insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
        if (postgres == null) {
            postgres = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
                    .getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        }
        if (!Boolean.TRUE.equals(postgres)) {
            return insert("insert into " + table + " (" + columns + ") values (" + marks + ")", rows);
        }
        List<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)"
                + " order by 1", Long.class, table, rows.size());
        List<Object[]> withIds = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            Object[] values = new Object[row.length + 1];
            values[0] = ids.get(i);
            System.arraycopy(row, 0, values, 1, row.length);
            withIds.add(values);
        }
        String sql = "insert into " + table + " (id, " + columns + ") values (?, " + marks + ")";
        for (int from = 0; from < withIds.size(); from += BATCH) {
            jdbc.batchUpdate(sql, withIds.subList(from, Math.min(withIds.size(), from + BATCH)));
        }
        return ids;
    }

    private volatile Boolean postgres;

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

package org.yiyong.deeds.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import org.yiyong.platform.YiyongProperties;

/**
 * Puts the local time of each act (deed.occurred_at) back as it was written. Until this version the
 * JDBC layer converted it to UTC on the way in (2026-11-20 05:30 in Quanzhou was stored as
 * 2026-11-19 21:30), while the duplicate check and the date filters compared the column with local
 * times. Values were converted from the configured zone, which is the JVM's zone when Yiyong runs.
 */
@Component
// named as Flyway expects: it reads the version and description from the class name
class V27__deed_act_time_as_written extends BaseJavaMigration {

    private final ZoneId zone;

    V27__deed_act_time_as_written(YiyongProperties properties) {
        this.zone = properties.zone();
    }

    @Override
    public void migrate(Context context) throws Exception {
        convert(context.getConnection(), zone);
    }

    /** Rewrites every stored UTC value of deed.occurred_at as the local date-time of {@code zone}. */
    static int convert(Connection connection, ZoneId zone) throws Exception {
        Map<Long, LocalDateTime> local = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, occurred_at from deed");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                LocalDateTime utc = rows.getObject(2, LocalDateTime.class);
                local.put(rows.getLong(1), utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime());
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update deed set occurred_at = ? where id = ?")) {
            for (Map.Entry<Long, LocalDateTime> row : local.entrySet()) {
                update.setObject(1, row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            if (!local.isEmpty()) {
                update.executeBatch();
            }
        }
        return local.size();
    }
}

package org.yiyong.platform;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database Yiyong runs on, for the few statements written differently on each: an insert that updates the
 * row already there, rows sent with {@code COPY}. Everything else is written once for both.
 */
@Component
public class Database {

    private final JdbcTemplate jdbc;

    private volatile Boolean postgres;

    Database(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this is PostgreSQL (otherwise the embedded H2). */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
                    .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = known;
        }
        return known;
    }
}

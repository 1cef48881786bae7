package org.yiyong.deeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/** The times of acts stored in UTC before version 27 are put back as they were written. */
class ActTimeMigrationTests extends FullStackTest {

    @Test
    void the_migration_is_part_of_the_schema_history() {
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '27'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_time_stored_in_utc_becomes_the_local_time_of_the_act() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:mem:act-time-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
                Statement statement = connection.createStatement()) {
            statement.execute("create table deed (id bigint primary key, occurred_at timestamp not null)");
            // 2026-11-20 05:30 and 2026-01-01 07:59 in Quanzhou, as the UTC conversion stored them
            statement.execute("insert into deed values (1, timestamp '2026-11-19 21:30:00'),"
                    + " (2, timestamp '2025-12-31 23:59:00')");

            assertThat(V27__deed_act_time_as_written.convert(connection, ZoneId.of("Asia/Shanghai"))).isEqualTo(2);

            try (ResultSet rows = statement.executeQuery("select occurred_at from deed order by id")) {
                rows.next();
                assertThat(rows.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 11, 20, 5, 30));
                rows.next();
                assertThat(rows.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 1, 1, 7, 59));
            }
        }
    }
}

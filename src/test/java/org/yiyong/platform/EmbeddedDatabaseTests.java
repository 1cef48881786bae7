package org.yiyong.platform;

import org.yiyong.Yiyong;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded H2 database keeps accepting writes after the connection that created the schema is
 * closed. H2 2.4.240 did not: its {@code CHECK (col IN (...))} constraints failed with "The database has
 * been closed" as soon as the migrating connection was gone, which in Yiyong happened when the
 * connection pool retired it, about half an hour after the first start.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void a_schema_migrated_on_one_connection_accepts_checked_writes_on_another() throws Exception {
        // the default URL of application.yml, on a file database of its own
        String url = "jdbc:h2:file:" + dataDir.resolve("db/yiyong")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection migrating = DriverManager.getConnection(url, "sa", "");
                // keeps the database open while the migrating connection closes, as the pool does
                Connection other = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(migrating, true))
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .load()
                    .migrate();
            migrating.close();

            try (Connection writing = DriverManager.getConnection(url, "sa", "")) {
                // three tables whose status-like columns carry CHECK (... IN (...)) constraints
                insert(writing, "insert into calendar_day (calendar_date, kind, name) values (date '2030-01-01', 'HOLIDAY', '元旦')");
                insert(writing, """
                        insert into organization (code, name, type, region_code, created_at, updated_at)
                        values ('EMBEDDED-TEST', '晋江市见义勇为工作站', 'WORK_STATION', '350582',
                                current_timestamp, current_timestamp)""");
                insert(writing, "update organization set type = 'ASSOCIATION' where code = 'EMBEDDED-TEST'");
                try (PreparedStatement query = writing.prepareStatement(
                        "select type from organization where code = 'EMBEDDED-TEST'");
                        ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("ASSOCIATION");
                }
            }
            assertThat(other.isClosed()).isFalse();
        }
    }

    private static void insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}

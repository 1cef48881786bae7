package org.yiyong.platform;

import org.yiyong.Yiyong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.yiyong.FullStackTest;

/**
 * Yiyong on its embedded database with connections that live only 30 seconds: the demo data loads and
 * writes go on succeeding after the pool has replaced the connection that ran the migrations (with H2
 * 2.4.240 every write to a table with a {@code CHECK (... IN ...)} constraint failed from then on).
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:yiyong-pool-lifetime;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.datasource.hikari.max-lifetime=30000"})
class PoolLifetimeTests extends FullStackTest {

    @Autowired
    DataSource dataSource;

    @Test
    void writes_succeed_after_the_pool_has_replaced_every_connection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getMaxLifetime()).isEqualTo(30_000);
        assertThat(jdbc.sql("select count(*) from deed").query(Long.class).single())
                .as("demo deeds loaded").isPositive();

        // what the 30-second lifetime does to every connection, done now rather than waited for
        pool.getHikariPoolMXBean().softEvictConnections();

        long organizations = jdbc.sql("select count(*) from organization").query(Long.class).single();
        mvc.perform(post("/api/v1/organizations").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "type": "WORK_STATION", "regionCode": "350582", "parentId": %d}"""
                                .formatted(unique("晋江市池店镇见义勇为工作站"), organizationId("JJ-ASSOC"))))
                .andExpect(status().isCreated());
        jdbc.sql("update calendar_day set name = name where kind = 'HOLIDAY'").update();
        assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single())
                .isEqualTo(organizations + 1);
    }
}

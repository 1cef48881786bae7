package org.yiyong.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Connection settings for PostgreSQL, left alone for other databases; a setting in the address wins.
 * <ul>
 * <li>The driver sends a batch of inserts as multi-row statements ({@code reWriteBatchedInserts}): an import writes its
 * records in batches of a thousand, and one statement per row would cost a round of planning and executing each.
 * Nothing here reads a batch's per-row counts, which the driver then no longer reports.
 * <li>No JIT compilation ({@code set jit = off}): the pages' queries with correlated look-ups are estimated as
 * costly enough to compile, and compiling took longer than running them (the visit schedule of a county of 60,000
 * households: 1.2 s with JIT, 0.65 s without). Set on each new connection, unless
 * {@code spring.datasource.hikari.connection-init-sql} says otherwise.
 * </ul>
 */
public class PostgresConnections implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getJdbcUrl().contains("reWriteBatchedInserts")
                && !pool.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            // a statement on each new connection, not a startup option, which a connection pooler may refuse
            pool.setConnectionInitSql("set jit = off");
        }
        return bean;
    }
}

package org.yiyong.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Has the PostgreSQL driver send a batch of inserts as multi-row statements ({@code reWriteBatchedInserts}): an import
 * writes its records in batches of a thousand, and one statement per row would cost a round of planning and executing
 * each. Nothing here reads a batch's per-row counts, which the driver then no longer reports. Other databases are left
 * as they are; a setting in the address wins.
 */
public class PostgresBatching implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getJdbcUrl().contains("reWriteBatchedInserts")
                && !pool.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}

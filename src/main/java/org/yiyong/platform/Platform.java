package org.yiyong.platform;

import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.yiyong.platform.internal.PostgresConnections;
import org.yiyong.shared.FieldCipher;

/**
 * Beans every module uses: the clock, the field cipher, the demo-data switch and the lock that lets a
 * scheduled job run on one node only; and {@code @Retryable}, with which event listeners run their
 * transaction again when the database refused it for a passing reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableResilientMethods
public class Platform {

    /** On PostgreSQL: batches of inserts as multi-row statements, no JIT compilation. */
    @Bean
    static BeanPostProcessor postgresConnections() {
        return new PostgresConnections();
    }

    @Bean
    Clock clock(YiyongProperties properties) {
        return Clock.system(properties.zone());
    }

    /**
     * Runs a scheduled job on one node at a time, with a row in table shedlock timed by the database's
     * clock (the nodes' clocks may differ).
     */
    @Bean
    LockingTaskExecutor clusterLocks(DataSource dataSource) {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()));
    }

    @Bean
    FieldCipher fieldCipher(KeyMaterial keys, YiyongProperties properties, DataSource dataSource) throws Exception {
        return keys.cipher(properties.dataDir(), isEmbedded(dataSource));
    }

    @Bean
    DemoData demoData(YiyongProperties properties, DataSource dataSource) throws Exception {
        String setting = properties.demoData().trim().toLowerCase(java.util.Locale.ROOT);
        boolean enabled = switch (setting) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> isEmbedded(dataSource);
        };
        return new DemoData(enabled);
    }

    private static boolean isEmbedded(DataSource dataSource) throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                meta -> (String) meta.getDatabaseProductName());
        return "H2".equalsIgnoreCase(product);
    }

    /** Whether this installation loads the demo organizations and users on first start. */
    public record DemoData(boolean enabled) {
    }
}

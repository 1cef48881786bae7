package org.yiyong.samaritans;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night (and at start), ends the entitlements whose condition came to be met — a child turned
 * 18, schooling ended — so that nobody is paid past the day. Two nodes running it at once are safe:
 * a record changed by the other is skipped and found done.
 */
@Component
class EntitlementWatch {

    private static final Logger log = LoggerFactory.getLogger(EntitlementWatch.class);

    private final Samaritans samaritans;
    private final Family family;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    EntitlementWatch(Samaritans samaritans, Family family, JdbcClient jdbc, TransactionTemplate transactions) {
        this.samaritans = samaritans;
        this.family = family;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${yiyong.samaritans.entitlement-check:0 20 1 * * *}", zone = "${yiyong.zone:Asia/Shanghai}")
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void endDueEntitlements() {
        List<Long> withActive = jdbc.sql("""
                select distinct r.samaritan_id from relative r join entitlement e on e.relative_id = r.id
                where e.ended_on is null""").query(Long.class).list();
        int ended = 0;
        for (Long id : withActive) {
            try {
                Integer count = transactions.execute(status -> samaritans.findById(id)
                        .map(samaritan -> family.endDue(samaritan, "system").size()).orElse(0));
                ended += count == null ? 0 : count;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // another node or user changed the record; its own check ended what was due
            }
        }
        if (ended > 0) {
            log.info("Ended {} entitlements whose condition was met", ended);
        }
    }
}

package org.yiyong.samaritans.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night (and at start), ends the entitlements whose condition came to be met — a child turned
 * 18, schooling ended — so that nobody is paid past the day. With several nodes it runs on one of them:
 * the first to take the cluster lock runs it, and the lock is kept for at least ten minutes, so nodes
 * started together do not repeat it. Should two runs meet anyway (the lock outlived), a record changed
 * by the other is skipped and found done.
 */
@Component
public class EntitlementWatch {

    private static final Logger log = LoggerFactory.getLogger(EntitlementWatch.class);

    static final String LOCK = "entitlement-watch";

    private final Samaritans samaritans;
    private final Family family;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    EntitlementWatch(Samaritans samaritans, Family family, JdbcClient jdbc, TransactionTemplate transactions,
            LockingTaskExecutor locks, Clock clock) {
        this.clock = clock;
        this.samaritans = samaritans;
        this.family = family;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.locks = locks;
    }

    @Scheduled(cron = "${yiyong.samaritans.entitlement-check:0 20 1 * * *}", zone = "${yiyong.zone:Asia/Shanghai}")
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void nightlyAndAtStart() {
        runOnce();
    }

    /** Runs the watch unless another node holds the lock or ran it in the last ten minutes; says whether it ran. */
    public boolean runOnce() {
        AtomicBoolean ran = new AtomicBoolean();
        locks.executeWithLock((Runnable) () -> {
            ran.set(true);
            log.info("Entitlement watch: ending the entitlements due today (lock {})", LOCK);
            endDueEntitlements();
        }, new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofHours(1), Duration.ofMinutes(10)));
        return ran.get();
    }

    /** Ends every entitlement due today; safe beside a user's change or another run. */
    public void endDueEntitlements() {
        // only the records with an entitlement whose end has come, as the database tells (a day more for the
        // 18th birthday of one born on 29 February): each record then decides for itself
        LocalDate today = LocalDate.now(clock);
        List<Long> withActive = jdbc.sql("""
                select distinct r.samaritan_id from relative r join entitlement e on e.relative_id = r.id
                where e.ended_on is null
                  and (r.died_on <= :today
                       or (e.end_condition = 'AGE_18' and r.birth_date <= :adult)
                       or (e.end_condition = 'END_OF_SCHOOLING' and r.schooling_ends_on <= :today)
                       or (e.end_condition = 'REMARRIAGE' and r.remarried_on <= :today))""")
                .param("today", today).param("adult", today.minusYears(18).plusDays(1))
                .query(Long.class).list();
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

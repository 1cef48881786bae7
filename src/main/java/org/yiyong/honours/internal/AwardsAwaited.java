package org.yiyong.honours.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.samaritans.HouseholdsChanged;

/**
 * Keeps {@code award_awaited}, the confirmations without an honour decision, where the guarantees look for missed
 * awards: a person's confirmations are looked at again when the registry says the person changed (a new
 * confirmation, a move to another county, two records merged), and every confirmation once a night, in case a
 * change went unheard (rows written by hand). A decision leaves its row in place until then: the check itself
 * passes over a confirmation decided since. What must not happen is a confirmation without a decision missing
 * from the table; every path that writes one goes through the registry's record, which is heard.
 */
@Component
public class AwardsAwaited {

    private static final Logger log = LoggerFactory.getLogger(AwardsAwaited.class);

    static final String LOCK = "awards-awaited-rebuild";

    /** How many people one statement looks at. */
    private static final int PART = 1_000;

    /** The confirmations of the people a condition on {@code s} names that have no honour decision. */
    private static final String AWAITED = """
            insert into award_awaited (confirmation_id, samaritan_id, region_code, confirmed_on)
            select sd.id, s.id, s.region_code, sd.confirmed_on
            from samaritans_confirmation_view sd join samaritans_person_view s on s.id = sd.samaritan_id
            where %s and not sd.historical
              and not exists (select 1 from honour h where h.deed_id = sd.deed_id and h.samaritan_id = s.id
                              and h.status in ('GRANTED', 'REFUSED', 'REVOKED'))
              and not exists (select 1 from honour_member m join honour h on h.id = m.honour_id
                              where m.samaritan_id = s.id and h.deed_id = sd.deed_id
                              and h.status in ('GRANTED', 'REFUSED', 'REVOKED'))""";

    /** The statement that fills the emptied table with every confirmation awaiting a decision. */
    public static final String EVERY = AWAITED.formatted("1 = 1");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LockingTaskExecutor locks;

    AwardsAwaited(JdbcClient jdbc, PlatformTransactionManager transactions, LockingTaskExecutor locks) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.locks = locks;
    }

    @ApplicationModuleListener
    void on(HouseholdsChanged changed) {
        keep(changed.samaritanIds());
    }

    /** Looks at these people's confirmations again, in the caller's transaction or one of its own. */
    public void keep(Collection<Long> samaritanIds) {
        List<Long> ids = samaritanIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            lock();
            for (int from = 0; from < ids.size(); from += PART) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + PART));
                // a confirmation moved to another record (two merged) leaves the row of the one it was on
                jdbc.sql("""
                        delete from award_awaited where samaritan_id in (:ids) or confirmation_id in
                            (select id from samaritans_confirmation_view where samaritan_id in (:ids))""")
                        .param("ids", part).update();
                jdbc.sql(AWAITED.formatted("s.id in (:ids)")).param("ids", part).update();
            }
        });
    }

    /** Every confirmation again, in one transaction: readers see the table before or after, never half-way. */
    public void rebuild() {
        transactions.executeWithoutResult(status -> {
            lock();
            jdbc.sql("delete from award_awaited").update();
            jdbc.sql(EVERY).update();
        });
    }

    @Scheduled(cron = "${yiyong.honours.awaited-rebuild:0 50 3 * * *}", zone = "${yiyong.zone:Asia/Shanghai}")
    void nightly() {
        rebuildOnce();
    }

    /** Rebuilds unless another node holds the lock or did it in the last ten minutes. */
    boolean rebuildOnce() {
        AtomicBoolean ran = new AtomicBoolean();
        locks.executeWithLock((Runnable) () -> {
            ran.set(true);
            long started = System.nanoTime();
            rebuild();
            log.info("Awards awaited: every confirmation looked at again in {} ms (lock {})",
                    (System.nanoTime() - started) / 1_000_000, LOCK);
        }, new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofHours(1), Duration.ofMinutes(10)));
        return ran.get();
    }

    /**
     * One keeping at a time, on every node: a keeping that read the registry earlier never writes after one that
     * read it later (changes are heard after they commit, possibly several at once).
     */
    private void lock() {
        jdbc.sql("select id from award_awaited_lock where id = 1 for update").query(Integer.class).list();
    }
}

package org.yiyong.care.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyong.samaritans.HouseholdsChanged;

/**
 * Keeps the visit schedule's due dates ({@code visit_due}) in step with the registry: the households the registry
 * says changed are worked out again when the change is committed; every household once a night, in case a change
 * went unheard (rows written by hand, an event that failed until it is resubmitted); and all of them on the first
 * start after the table came, one node doing it.
 */
@Component
class VisitDueKeeper {

    private static final Logger log = LoggerFactory.getLogger(VisitDueKeeper.class);

    static final String LOCK = "visit-due-rebuild";

    private final VisitSchedule schedule;
    private final LockingTaskExecutor locks;

    VisitDueKeeper(VisitSchedule schedule, LockingTaskExecutor locks) {
        this.schedule = schedule;
        this.locks = locks;
    }

    @ApplicationModuleListener
    void on(HouseholdsChanged changed) {
        schedule.keep(changed.samaritanIds());
    }

    /** A policy changed: every household again, after the change committed (not the nightly lock: it must run). */
    @ApplicationModuleListener
    void on(VisitPolicyChanged changed) {
        long started = System.nanoTime();
        schedule.rebuild();
        log.info("Visit schedule: every household's due date worked out again after {} became every {} months, "
                + "in {} ms", changed.category(), changed.intervalMonths(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * On the first start after the table came (an upgrade), or after a rebuild that did not finish (its node was
     * stopped), every household, in the background: the node answers meanwhile, and pages read the dates kept so far.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (!schedule.rebuilt()) {
            Thread rebuild = new Thread(this::rebuildOnce, "visit-due-rebuild");
            rebuild.setDaemon(true);
            rebuild.start();
        }
    }

    @Scheduled(cron = "${yiyong.care.visit-due-rebuild:0 40 3 * * *}", zone = "${yiyong.zone:Asia/Shanghai}")
    void nightly() {
        rebuildOnce();
    }

    /** Rebuilds every due date unless another node holds the lock or did it in the last ten minutes. */
    boolean rebuildOnce() {
        AtomicBoolean ran = new AtomicBoolean();
        locks.executeWithLock((Runnable) () -> {
            ran.set(true);
            long started = System.nanoTime();
            schedule.rebuild();
            log.info("Visit schedule: every household's due date worked out again in {} ms (lock {})",
                    (System.nanoTime() - started) / 1_000_000, LOCK);
        }, new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofHours(1), Duration.ofMinutes(10)));
        return ran.get();
    }
}

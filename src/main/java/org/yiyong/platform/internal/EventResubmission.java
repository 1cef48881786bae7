package org.yiyong.platform.internal;

import java.time.Duration;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener did not complete to their listener again, on one node at a time. An event
 * is handled on the node that published it; if that node stops before the listener completed (a crash,
 * a deployment), the publication stays in {@code event_publication}. The staleness monitor marks such a
 * publication failed once it has waited longer than {@code spring.modulith.events.staleness.*}; this job
 * then resubmits the failed ones on whichever node holds the lock. Listeners are idempotent, so one that
 * did complete its work before the node stopped does nothing the second time.
 */
@Component
class EventResubmission {

    static final String LOCK = "event-resubmission";

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final FailedEventPublications failed;
    private final LockingTaskExecutor locks;
    private final int maxAttempts;

    EventResubmission(FailedEventPublications failed, LockingTaskExecutor locks,
            @Value("${yiyong.events.max-attempts:20}") int maxAttempts) {
        this.failed = failed;
        this.locks = locks;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${yiyong.events.resubmit-every:PT5M}",
            initialDelayString = "${yiyong.events.resubmit-every:PT5M}")
    void resubmitOnOneNode() {
        locks.executeWithLock((Runnable) this::resubmit,
                new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(10), Duration.ZERO));
    }

    void resubmit() {
        // a publication that failed this often waits for someone to look at it (the log and the table say why)
        failed.resubmit(ResubmissionOptions.defaults()
                .withFilter(publication -> publication.getCompletionAttempts() < maxAttempts));
        log.debug("Resubmitted failed event publications");
    }
}

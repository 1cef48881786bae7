package org.yiyong;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a transaction again when the database refused it for a passing reason — a row lock another
 * transaction held, a concurrent update of a counter. Event listeners use it, since nobody is there to
 * click again; each attempt must be a whole transaction of its own.
 */
public final class TransientRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);
    private static final int ATTEMPTS = 5;

    private TransientRetry() {
    }

    public static void run(Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return;
            } catch (TransientDataAccessException busy) {
                if (attempt == ATTEMPTS) {
                    throw busy;
                }
                log.info("Retrying after a passing database refusal ({}): {}", attempt, busy.getMessage());
                try {
                    Thread.sleep(50L * attempt + ThreadLocalRandom.current().nextInt(50));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}

package org.yiyong.funds.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records created under a client's {@code Idempotency-Key}: a repeated key answers with the record the
 * first request made. Two requests with one key at the same moment both find nothing and both insert; the
 * key's unique constraint refuses the later one, whose transaction is then spent, so the earlier record
 * is looked up afterwards, outside it, and given as the answer instead of a conflict.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static <T> T createOnce(TransactionTemplate transactions, String key, Function<String, Optional<T>> earlier,
            Supplier<T> create, Supplier<? extends RuntimeException> refused) {
        if (key != null) {
            Optional<T> made = earlier.apply(key);
            if (made.isPresent()) {
                return made.get();
            }
        }
        try {
            return transactions.execute(status -> create.get());
        } catch (DataIntegrityViolationException sameKeyMeanwhile) {
            if (key == null) {
                throw sameKeyMeanwhile;
            }
            return earlier.apply(key).orElseThrow(refused);
        }
    }
}

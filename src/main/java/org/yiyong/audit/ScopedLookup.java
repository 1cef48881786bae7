package org.yiyong.audit;

import java.util.Optional;
import java.util.function.LongPredicate;
import org.yiyong.shared.RecordNotFound;

/**
 * A record looked up within the caller's data scope. One outside it answers as if it did not exist
 * ({@link RecordNotFound}, 404), and the attempt goes on the audit trail as {@link AuditAction#ACCESS_DENIED}
 * when the record does exist — one that does not exist is simply not found.
 */
public final class ScopedLookup {

    /** The detail of the audit entry of a record looked up outside the caller's scope. */
    public static final String OUTSIDE_SCOPE = "outside data scope";

    private ScopedLookup() {
    }

    /**
     * The record {@code inScope} found within the caller's scope, or {@link RecordNotFound} for
     * {@code entityType} and {@code id}, audited when {@code exists} says the record is there.
     */
    public static <T> T inScope(AuditTrail audit, String entityType, long id, Optional<T> inScope,
            LongPredicate exists) {
        return inScope.orElseThrow(() -> notFound(audit, entityType, id, exists.test(id), OUTSIDE_SCOPE));
    }

    /**
     * The refusal of a record the caller may not see: audited as denied with {@code detail} when it
     * {@code exists}, and not found either way.
     */
    public static RecordNotFound notFound(AuditTrail audit, String entityType, long id, boolean exists,
            String detail) {
        if (exists) {
            audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, entityType, id).withDetail(detail));
        }
        return new RecordNotFound(entityType, id);
    }
}

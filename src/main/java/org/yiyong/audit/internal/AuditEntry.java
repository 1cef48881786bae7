package org.yiyong.audit.internal;

import java.time.Instant;

/** An entry of the audit trail as the audit administrator reads it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String ip, String action, String entityType,
        String entityId, String changes, String detail) {
}

package org.yiyong.audit.internal;

import java.time.Instant;

/** What the audit administrator searches for; every criterion is optional. */
public record AuditQuery(String actor, String entityType, String entityId, String action, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}

package org.yiyong.audit;

import java.util.List;
import org.yiyong.audit.internal.FieldChange;

/**
 * One entry to append to the trail. The actor and the client address are taken from the current
 * request unless {@code actor} is given (for example the user name typed into a failed sign-in) or
 * {@code address} is (for an entry written outside the request it is about, such as a summary).
 */
public record AuditRecord(AuditAction action, String entityType, String entityId, List<FieldChange> changes,
        String detail, String actor, String address) {

    public AuditRecord {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static AuditRecord of(AuditAction action, String entityType, Object entityId) {
        return new AuditRecord(action, entityType, entityId == null ? null : String.valueOf(entityId), List.of(),
                null, null, null);
    }

    public AuditRecord withChanges(List<FieldChange> changes) {
        return new AuditRecord(action, entityType, entityId, changes, detail, actor, address);
    }

    public AuditRecord withDetail(String detail) {
        return new AuditRecord(action, entityType, entityId, changes, detail, actor, address);
    }

    public AuditRecord byActor(String actor) {
        return new AuditRecord(action, entityType, entityId, changes, detail, actor, address);
    }

    public AuditRecord fromAddress(String address) {
        return new AuditRecord(action, entityType, entityId, changes, detail, actor, address);
    }
}

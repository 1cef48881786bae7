package org.yiyong.shared;

/** Someone else changed the record since the caller read it. */
public class StaleRecord extends DomainException {

    public StaleRecord(String entityType, Object id) {
        super(Kind.CONFLICT, "error.stale", entityType, String.valueOf(id));
    }
}

package org.yiyong.samaritans.internal;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A record of the registry that keeps who created it and when, when it last changed, and a version
 * that refuses a change made on a stale copy. The columns are each table's own.
 */
@MappedSuperclass
public abstract class TrackedRecord {

    @Column(updatable = false)
    private String createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected TrackedRecord() {
    }

    protected TrackedRecord(String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The record changed at {@code now}. */
    protected final void changedAt(Instant now) {
        this.updatedAt = now;
    }

    public long getVersion() {
        return version;
    }
}

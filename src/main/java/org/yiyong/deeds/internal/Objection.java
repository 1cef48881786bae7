package org.yiyong.deeds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 异议: an objection from the public during the notice; it must be resolved before a decision. */
@Entity
@Table(name = "deed_objection")
public class Objection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant submittedAt;

    private String submitter;

    private String contact;

    private String content;

    private String resolution;

    private String resolvedBy;

    private Instant resolvedAt;

    protected Objection() {
    }

    Objection(Instant submittedAt, String submitter, String contact, String content) {
        this.submittedAt = submittedAt;
        this.submitter = submitter;
        this.contact = contact;
        this.content = content;
    }

    void resolve(String resolution, String by, Instant at) {
        this.resolution = resolution;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmitter() {
        return submitter;
    }

    public String getContact() {
        return contact;
    }

    public String getContent() {
        return content;
    }

    public String getResolution() {
        return resolution;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }
}

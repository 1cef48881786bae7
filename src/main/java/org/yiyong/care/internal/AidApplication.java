package org.yiyong.care.internal;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An application for aid on behalf of a samaritan's household (student aid, targeted aid): who recorded
 * it, and the decision on it — by whom and on which day, under which document, or refused for which
 * reason. The kinds of application keep their own course and amounts.
 *
 * @param <A> the kind of application
 */
@MappedSuperclass
public abstract class AidApplication<A extends AidApplication<A>> extends AbstractAggregateRoot<A> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    private String submittedBy;

    private String decidedBy;

    private LocalDate decidedOn;

    private String decisionDocument;

    private String refusalReason;

    @Version
    private long version;

    protected AidApplication() {
    }

    AidApplication(long samaritanId, String submittedBy) {
        this.samaritanId = samaritanId;
        this.submittedBy = submittedBy;
    }

    /** Decided in favour, by someone on a day, under a document (if any). */
    void decided(String by, LocalDate on, String document) {
        this.decidedBy = by;
        this.decidedOn = on;
        this.decisionDocument = document;
    }

    /** Refused, by someone on a day, for a reason. */
    void refused(String by, LocalDate on, String reason) {
        this.decidedBy = by;
        this.decidedOn = on;
        this.refusalReason = reason;
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecisionDocument() {
        return decisionDocument;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public long getVersion() {
        return version;
    }
}

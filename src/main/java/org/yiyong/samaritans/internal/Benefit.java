package org.yiyong.samaritans.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the benefits register (福利待遇): employment help, 低保, housing, household registration,
 * school placement, the medical green channel — the request, the body responsible, and its outcome.
 */
@Entity
@Table(name = "benefit")
public class Benefit {

    /** What is asked for. Stored by name. */
    public enum Kind {
        EMPLOYMENT,
        SUBSISTENCE,
        HOUSING,
        HOUSEHOLD_REGISTRATION,
        SCHOOL_PLACEMENT,
        MEDICAL_GREEN_CHANNEL,
        OTHER
    }

    /** Stored by name. */
    public enum Status {
        REQUESTED,
        IN_PROGRESS,
        GRANTED,
        REFUSED,
        WITHDRAWN;

        boolean isClosed() {
            return this == GRANTED || this == REFUSED || this == WITHDRAWN;
        }
    }

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.REQUESTED, EnumSet.of(Status.IN_PROGRESS, Status.GRANTED, Status.REFUSED, Status.WITHDRAWN),
            Status.IN_PROGRESS, EnumSet.of(Status.GRANTED, Status.REFUSED, Status.WITHDRAWN));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private LocalDate requestedOn;

    private String request;

    private String responsibleBody;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String outcome;

    private LocalDate closedOn;

    private String recordedBy;

    @Version
    private long version;

    protected Benefit() {
    }

    Benefit(long samaritanId, Kind kind, LocalDate requestedOn, String request, String responsibleBody,
            String recordedBy) {
        this.samaritanId = samaritanId;
        this.kind = kind;
        this.requestedOn = requestedOn;
        this.request = request;
        this.responsibleBody = responsibleBody;
        this.recordedBy = recordedBy;
        this.status = Status.REQUESTED;
    }

    void moveTo(Status next, String result, LocalDate on) {
        if (!NEXT.getOrDefault(status, Set.of()).contains(next)) {
            throw new SamaritanRuleBroken("benefit.transition", label(status), label(next));
        }
        if (next.isClosed() && (result == null || result.isBlank())) {
            throw new org.yiyong.shared.InvalidField("outcome", "validation.required");
        }
        this.status = next;
        if (result != null && !result.isBlank()) {
            this.outcome = result.trim();
        }
        if (next.isClosed()) {
            this.closedOn = on;
        }
    }

    private static org.springframework.context.MessageSourceResolvable label(Status value) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"benefit.status." + value.name()}, value.name());
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public String getRequest() {
        return request;
    }

    public String getResponsibleBody() {
        return responsibleBody;
    }

    public Status getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }
}

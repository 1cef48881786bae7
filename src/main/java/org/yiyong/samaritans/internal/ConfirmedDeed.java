package org.yiyong.samaritans.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A confirmation a samaritan's record rests on: the deed, the act and the decision. */
@Entity
@Table(name = "samaritan_deed")
public class ConfirmedDeed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long deedId;

    private long participantId;

    private String deedNumber;

    private String regionCode;

    private String category;

    private LocalDate occurredOn;

    private String harm;

    private LocalDate confirmedOn;

    private String decisionNumber;

    protected ConfirmedDeed() {
    }

    public ConfirmedDeed(long deedId, long participantId, String deedNumber, String regionCode, String category,
            LocalDate occurredOn, String harm, LocalDate confirmedOn, String decisionNumber) {
        this.deedId = deedId;
        this.participantId = participantId;
        this.deedNumber = deedNumber;
        this.regionCode = regionCode;
        this.category = category;
        this.occurredOn = occurredOn;
        this.harm = harm;
        this.confirmedOn = confirmedOn;
        this.decisionNumber = decisionNumber;
    }

    public Long getId() {
        return id;
    }

    public long getDeedId() {
        return deedId;
    }

    public long getParticipantId() {
        return participantId;
    }

    public String getDeedNumber() {
        return deedNumber;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getCategory() {
        return category;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getHarm() {
        return harm;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }
}

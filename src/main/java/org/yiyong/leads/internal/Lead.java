package org.yiyong.leads.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.yiyong.audit.Changes;

/**
 * A tip from the public about a brave act. It belongs to the county-level region where the act
 * happened, whose staff decide on it once: as a new deed, merged into a deed already on file, or not
 * taken up with a reason.
 */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String trackingCode;

    @Enumerated(EnumType.STRING)
    private LeadStatus status;

    @Column(updatable = false)
    private String regionCode;

    @Column(updatable = false)
    private LocalDate occurredOn;

    @Column(updatable = false)
    private LocalTime occurredTime;

    @Column(updatable = false)
    private String address;

    @Column(updatable = false)
    private String narrative;

    @Column(updatable = false)
    private String peopleInvolved;

    @Column(updatable = false)
    private String reporterName;

    @Column(updatable = false)
    private String reporterPhone;

    @Column(updatable = false)
    private Instant receivedAt;

    @Column(updatable = false)
    private String reportedBy;

    @Column(updatable = false)
    private Long reportingOrganizationId;

    private boolean smsConsent;

    private boolean smsFollowed;

    private String handledBy;

    private Instant handledAt;

    private Long deedId;

    private String deedNumber;

    private String rejectionReason;

    private Instant updatedAt;

    @Version
    private long version;

    protected Lead() {
    }

    /** A lead as the public sends it. */
    public Lead(String trackingCode, NewLead lead, Instant now) {
        this.trackingCode = trackingCode;
        this.status = LeadStatus.NEW;
        this.regionCode = lead.regionCode();
        this.occurredOn = lead.occurredOn();
        this.occurredTime = lead.occurredTime();
        this.address = lead.address();
        this.narrative = lead.narrative();
        this.peopleInvolved = lead.peopleInvolved();
        this.reporterName = lead.reporterName();
        this.reporterPhone = lead.reporterPhone();
        this.smsConsent = lead.smsConsent();
        this.smsFollowed = lead.smsConsent();
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /**
     * A lead a staff member registers for the person who told them, on behalf of the organization they work
     * for (a work station, a county office), whose ledger then lists it.
     */
    public static Lead reportedBy(String trackingCode, NewLead lead, Instant now, String username,
            Long organizationId) {
        Lead reported = new Lead(trackingCode, lead, now);
        reported.reportedBy = username;
        reported.reportingOrganizationId = organizationId;
        return reported;
    }

    /**
     * 处理中: a staff member takes the new lead up to check it. {@code false} when someone already
     * has, and nothing changes.
     */
    public boolean takeUp(String actor, Instant now) {
        requireOpen();
        if (status == LeadStatus.IN_TRIAGE) {
            return false;
        }
        this.status = LeadStatus.IN_TRIAGE;
        handled(actor, now);
        return true;
    }

    /** 已受理立案: the lead became a new deed. */
    public void acceptedAs(long deedId, String deedNumber, String actor, Instant now) {
        requireOpen();
        this.status = LeadStatus.ACCEPTED;
        this.deedId = deedId;
        this.deedNumber = deedNumber;
        handled(actor, now);
    }

    /** 已并入已有案件: the act is already on file as this deed. */
    public void mergedInto(long deedId, String deedNumber, String actor, Instant now) {
        requireOpen();
        this.status = LeadStatus.MERGED;
        this.deedId = deedId;
        this.deedNumber = deedNumber;
        handled(actor, now);
    }

    /** 不予采纳, with the reason the reporter sees when they look the code up. */
    public void reject(String reason, String actor, Instant now) {
        requireOpen();
        this.status = LeadStatus.REJECTED;
        this.rejectionReason = reason;
        handled(actor, now);
    }

    /**
     * Refuses any decision on a lead that was decided already.
     *
     * @throws LeadAlreadyTriaged unless the lead is new or being checked
     */
    public void requireOpen() {
        if (!status.isOpen()) {
            throw new LeadAlreadyTriaged(trackingCode);
        }
    }

    /** When it happened, to the minute when the reporter gave the time, else at noon of that day. */
    public LocalDateTime occurredAt() {
        return occurredOn.atTime(occurredTime == null ? LocalTime.NOON : occurredTime);
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("trackingCode", trackingCode, "status", status, "regionCode", regionCode,
                "deedNumber", deedNumber, "rejectionReason", rejectionReason, "handledBy", handledBy, "reportedBy", reportedBy,
                "reportingOrganizationId", reportingOrganizationId);
    }

    private void handled(String actor, Instant now) {
        this.handledBy = actor;
        this.handledAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public LocalTime getOccurredTime() {
        return occurredTime;
    }

    public String getAddress() {
        return address;
    }

    public String getNarrative() {
        return narrative;
    }

    public String getPeopleInvolved() {
        return peopleInvolved;
    }

    public String getReporterName() {
        return reporterName;
    }

    public String getReporterPhone() {
        return reporterPhone;
    }

    /** The staff member who registered the lead for its reporter; {@code null} for a lead from the portal. */
    public String getReportedBy() {
        return reportedBy;
    }

    public Long getReportingOrganizationId() {
        return reportingOrganizationId;
    }

    public boolean isSmsConsent() {
        return smsConsent;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public Long getDeedId() {
        return deedId;
    }

    public String getDeedNumber() {
        return deedNumber;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public long getVersion() {
        return version;
    }
}

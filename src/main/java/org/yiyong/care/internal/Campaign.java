package org.yiyong.care.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.yiyong.audit.Changes;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * A condolence campaign (慰问活动, 春节慰问 and other festivals) of the city or one county: its roster is
 * built by rule and edited with reasons while a draft, submitted, approved by a staff member who neither
 * built nor submitted it (four eyes), then sent to the funds as one payment request per included person.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    /** Stored by name. */
    public enum Status {
        DRAFT, SUBMITTED, APPROVED, SENT, CANCELLED
    }

    /** The festival a campaign is for. Stored by name. */
    public enum Festival {
        /** 春节 */
        SPRING_FESTIVAL("春节"),
        /** 元旦 */
        NEW_YEAR("元旦"),
        /** 中秋 */
        MID_AUTUMN("中秋节"),
        /** 端午 */
        DRAGON_BOAT("端午节"),
        /** 宣传日 */
        AWARENESS_DAY("见义勇为宣传日"),
        OTHER("节日");

        private final String label;

        Festival(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Festival festival;

    private int campaignYear;

    private String regionCode;

    private LocalDate referenceDate;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String documentNumber;

    private String createdBy;

    private Instant createdAt;

    private String submittedBy;

    private Instant submittedAt;

    private String approvedBy;

    private Instant approvedAt;

    private String sentBy;

    private Instant sentAt;

    private String returnedReason;

    private String cancelReason;

    @Version
    private long version;

    @Convert(converter = MoneyConverter.class)
    private Money provinceAmount;

    /** The import that brought the campaign in from the earlier registers, when it was. */
    @Column(updatable = false, insertable = false)
    private Long importId;

    protected Campaign() {
    }

    Campaign(String name, Festival festival, int campaignYear, String regionCode, LocalDate referenceDate,
            String createdBy, Instant createdAt) {
        this(name, festival, campaignYear, regionCode, referenceDate, null, createdBy, createdAt);
    }

    /**
     * With {@code provinceAmount}, a campaign of the province's foundation in this city or county: each
     * person gets that amount from the province, and sending records it as received instead of asking our
     * funds to pay.
     */
    Campaign(String name, Festival festival, int campaignYear, String regionCode, LocalDate referenceDate,
            Money provinceAmount, String createdBy, Instant createdAt) {
        this.provinceAmount = provinceAmount;
        this.name = name;
        this.festival = festival;
        this.campaignYear = campaignYear;
        this.regionCode = regionCode;
        this.referenceDate = referenceDate;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = Status.DRAFT;
    }

    /** The roster may change only while a draft. */
    void requireDraft() {
        requireStatus(Status.DRAFT);
    }

    void submit(String by, Instant at) {
        requireStatus(Status.DRAFT);
        this.submittedBy = by;
        this.submittedAt = at;
        this.returnedReason = null;
        this.status = Status.SUBMITTED;
    }

    /** Four eyes: approved by someone who neither built nor submitted the roster. */
    void approve(String by, String document, Instant at) {
        requireStatus(Status.SUBMITTED);
        if (by.equals(createdBy) || by.equals(submittedBy)) {
            throw new CareRuleBroken("campaign.approve.own-roster");
        }
        this.approvedBy = by;
        this.approvedAt = at;
        this.documentNumber = document;
        this.status = Status.APPROVED;
    }

    /** Sent back for changes, with the reason. */
    void returnToDraft(String reason) {
        requireStatus(Status.SUBMITTED);
        this.returnedReason = reason;
        this.submittedBy = null;
        this.submittedAt = null;
        this.status = Status.DRAFT;
    }

    /** The payment requests went out; sending again changes nothing here. */
    void sent(String by, Instant at) {
        if (isHistorical()) {
            throw new CareRuleBroken("campaign.historical.not-sent");
        }
        if (status != Status.APPROVED && status != Status.SENT) {
            throw new CareRuleBroken("campaign.status.wrong", status.name());
        }
        if (status == Status.APPROVED) {
            this.sentBy = by;
            this.sentAt = at;
            this.status = Status.SENT;
        }
    }

    void cancel(String reason) {
        if (status != Status.DRAFT && status != Status.SUBMITTED) {
            throw new CareRuleBroken("campaign.status.wrong", status.name());
        }
        this.cancelReason = reason;
        this.status = Status.CANCELLED;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new CareRuleBroken("campaign.status.wrong", status.name());
        }
    }

    /** Whether the campaign was brought in from the earlier registers: paid before Yiyong, nothing to send. */
    public boolean isHistorical() {
        return importId != null;
    }

    public Long getImportId() {
        return importId;
    }

    /** Whether the province pays (its lines are recorded as received, never sent to our funds). */
    public boolean isProvincial() {
        return provinceAmount != null;
    }

    /** The amount per person the province gives; {@code null} for the association's own campaigns. */
    public Money getProvinceAmount() {
        return provinceAmount;
    }

    /** The amount of each category: the standards in force on the day, or the province's one amount. */
    Map<CondolenceCategory, BigDecimal> amounts(CondolenceStandards standards) {
        if (provinceAmount == null) {
            return standards.amountsOn(referenceDate);
        }
        Map<CondolenceCategory, BigDecimal> amounts = new EnumMap<>(CondolenceCategory.class);
        for (CondolenceCategory category : CondolenceCategory.values()) {
            amounts.put(category, provinceAmount.amount());
        }
        return amounts;
    }

    /** The association that pays: the one of the campaign's region (a county's, or the city's). */
    public String payingRegion() {
        return regionCode;
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("name", name, "festival", festival, "year", campaignYear, "regionCode", regionCode,
                "referenceDate", referenceDate, "provinceAmount", provinceAmount, "status", status, "documentNumber", documentNumber, "approvedBy",
                approvedBy);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Festival getFestival() {
        return festival;
    }

    public int getCampaignYear() {
        return campaignYear;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public LocalDate getReferenceDate() {
        return referenceDate;
    }

    public Status getStatus() {
        return status;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public long getVersion() {
        return version;
    }
}

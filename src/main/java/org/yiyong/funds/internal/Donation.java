package org.yiyong.funds.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * A gift received into a fund — the general fund, or a restricted sub-fund when the donor earmarked it —
 * with its numbered receipt (捐赠票据). Recorded once; a mistake is reversed in the journal.
 */
@Entity
@Table(name = "donation")
public class Donation {

    /** How the money came. Stored by name. */
    public enum Channel {
        BANK_TRANSFER, CASH, ONLINE, CHEQUE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String receiptNumber;

    private Long donorId;

    private String donorName;

    @Enumerated(EnumType.STRING)
    private Donor.Kind donorKind;

    private long fundId;

    private String regionCode;

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String note;

    private String idempotencyKey;

    private String recordedBy;

    private Instant recordedAt;

    private boolean reversed;

    /** The import that brought the donation in from the earlier registers, when it was (then it is not posted). */
    @Column(updatable = false, insertable = false)
    private Long importId;

    protected Donation() {
    }

    Donation(String receiptNumber, Donor donor, Fund fund, Money amount, LocalDate receivedOn, Channel channel,
            String note, String idempotencyKey, String recordedBy, Instant recordedAt) {
        this.receiptNumber = receiptNumber;
        this.donorId = donor == null ? null : donor.getId();
        this.donorName = donor == null ? "匿名" : donor.getName();
        this.donorKind = donor == null ? Donor.Kind.ANONYMOUS : donor.getKind();
        this.fundId = fund.getId();
        this.regionCode = fund.getRegionCode();
        this.amount = amount;
        this.receivedOn = receivedOn;
        this.channel = channel;
        this.note = note;
        this.idempotencyKey = idempotencyKey;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Received before the fund was opened here and brought in from the earlier registers: not in the journal. */
    public boolean isHistorical() {
        return importId != null;
    }

    void reverse() {
        this.reversed = true;
    }

    public Long getId() {
        return id;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public Long getDonorId() {
        return donorId;
    }

    public String getDonorName() {
        return donorName;
    }

    public Donor.Kind getDonorKind() {
        return donorKind;
    }

    public long getFundId() {
        return fundId;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getNote() {
        return note;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public boolean isReversed() {
        return reversed;
    }
}

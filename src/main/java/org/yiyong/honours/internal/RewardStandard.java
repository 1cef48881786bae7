package org.yiyong.honours.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * The reward of a title from a day on, until the next standard of the same title. Standards are
 * added, never changed: the history is what grants of the past were measured against.
 */
@Entity
@Table(name = "reward_standard")
public class RewardStandard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long titleId;

    private LocalDate effectiveFrom;

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    private String note;

    private String recordedBy;

    private Instant recordedAt;

    protected RewardStandard() {
    }

    RewardStandard(long titleId, LocalDate effectiveFrom, Money amount, String note, String recordedBy,
            Instant recordedAt) {
        this.titleId = titleId;
        this.effectiveFrom = effectiveFrom;
        this.amount = amount;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public long getTitleId() {
        return titleId;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    /** The amount in yuan; empty when the standard is not known yet. */
    public Money getAmount() {
        return amount;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

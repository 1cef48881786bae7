package org.yiyong.funds.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * A journal entry (记账凭证): its postings balance, debits equal credits. Never updated, never deleted;
 * a mistake is corrected by a reversing entry.
 */
@Entity
@Immutable
@Table(name = "journal_entry")
public class JournalEntry {

    /** What an entry records. Stored by name. */
    public enum SourceKind {
        OPENING, DONATION, PAYMENT, REVERSAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;

    private String regionCode;

    private LocalDate entryDate;

    private String description;

    @Enumerated(EnumType.STRING)
    private SourceKind sourceKind;

    private long sourceId;

    private int attempt;

    private Long reversesId;

    private String recordedBy;

    private Instant recordedAt;

    @OneToMany(cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 50)
    @JoinColumn(name = "entry_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<Posting> postings = new ArrayList<>();

    protected JournalEntry() {
    }

    JournalEntry(String number, String regionCode, LocalDate entryDate, String description, SourceKind sourceKind,
            long sourceId, int attempt, Long reversesId, List<Posting> postings, String recordedBy, Instant recordedAt) {
        BigDecimal debits = postings.stream().map(Posting::getDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = postings.stream().map(Posting::getCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (postings.size() < 2 || debits.compareTo(credits) != 0) {
            throw new IllegalArgumentException("an entry's debits " + debits + " must equal its credits " + credits);
        }
        this.number = number;
        this.regionCode = regionCode;
        this.entryDate = entryDate;
        this.description = description;
        this.sourceKind = sourceKind;
        this.sourceId = sourceId;
        this.attempt = attempt;
        this.reversesId = reversesId;
        this.postings.addAll(postings);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public BigDecimal total() {
        return postings.stream().map(Posting::getDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public String getDescription() {
        return description;
    }

    public SourceKind getSourceKind() {
        return sourceKind;
    }

    public long getSourceId() {
        return sourceId;
    }

    public int getAttempt() {
        return attempt;
    }

    public Long getReversesId() {
        return reversesId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public List<Posting> getPostings() {
        return postings;
    }
}

package org.yiyong.funds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/** One line of a journal entry: an amount on the debit or the credit side of an account of a fund. */
@Entity
@Immutable
@Table(name = "posting")
public class Posting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long fundId;

    @Enumerated(EnumType.STRING)
    private Account account;

    private BigDecimal debit;

    private BigDecimal credit;

    protected Posting() {
    }

    private Posting(long fundId, Account account, BigDecimal debit, BigDecimal credit) {
        this.fundId = fundId;
        this.account = account;
        this.debit = debit.setScale(2);
        this.credit = credit.setScale(2);
    }

    static Posting debit(long fundId, Account account, BigDecimal amount) {
        return new Posting(fundId, account, amount, BigDecimal.ZERO);
    }

    static Posting credit(long fundId, Account account, BigDecimal amount) {
        return new Posting(fundId, account, BigDecimal.ZERO, amount);
    }

    /** The same amount on the other side, for a reversing entry. */
    Posting reversed() {
        return new Posting(fundId, account, credit, debit);
    }

    public Long getId() {
        return id;
    }

    public long getFundId() {
        return fundId;
    }

    public Account getAccount() {
        return account;
    }

    public BigDecimal getDebit() {
        return debit;
    }

    public BigDecimal getCredit() {
        return credit;
    }
}

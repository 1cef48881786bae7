package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * The double-entry journal: entries are posted, never changed. Balances are sums of postings up to a
 * day. Posting against a fund first takes the fund's row lock, so two payments from one fund are
 * checked against its balance one after the other, on every node.
 */
@Service
public class Journal {

    private final JournalEntries entries;
    private final FundNumbers numbers;
    private final JdbcClient jdbc;
    private final Clock clock;

    Journal(JournalEntries entries, FundNumbers numbers, JdbcClient jdbc, Clock clock) {
        this.entries = entries;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** the length of {@code journal_entry.description} */
    public static final int DESCRIPTION_LENGTH = 300;

    /**
     * Posts an entry; the same source is never posted twice (a database constraint says so). Only that
     * constraint is answered with "posted already": the flush also writes the record being posted (a
     * payment order, a donation), and any other refusal goes on with its own cause.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    JournalEntry post(String regionCode, LocalDate on, String description, JournalEntry.SourceKind kind, long sourceId,
            int attempt, Long reverses, List<Posting> postings, String actor) {
        // a reason typed at full length after a fixed prefix would not fit the column
        String fitted = description.length() <= DESCRIPTION_LENGTH ? description
                : description.substring(0, DESCRIPTION_LENGTH - 1) + "…";
        JournalEntry entry = new JournalEntry(numbers.entry(on.getYear()), regionCode, on, fitted, kind, sourceId,
                attempt, reverses, postings, actor, clock.instant());
        try {
            return entries.saveAndFlush(entry);
        } catch (DataIntegrityViolationException refused) {
            if (postedAlready(refused)) {
                throw new FundRuleBroken("journal.posted-already", fitted);
            }
            throw refused;
        }
    }

    public static boolean postedAlready(DataIntegrityViolationException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            String name = cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    ? violation.getConstraintName() : cause.getMessage();
            if (name != null && name.toLowerCase(java.util.Locale.ROOT).contains("journal_entry_source_once")) {
                return true;
            }
        }
        return false;
    }

    /**
     * An entry's description that fits its column: the text, shortened if it must be, then the number
     * of the record posted, which is never cut (a payee's name and a long purpose would not fit).
     */
    public static String description(String text, String number) {
        int room = DESCRIPTION_LENGTH - number.length() - 1;
        String kept = text.length() <= room ? text : text.substring(0, room - 1) + "…";
        return kept + " " + number;
    }

    /** A reversing entry: the same postings on the other side, dated the day of the correction. */
    @Transactional(propagation = Propagation.MANDATORY)
    JournalEntry reverse(JournalEntry entry, LocalDate on, String description, String actor) {
        if (entry.getSourceKind() == JournalEntry.SourceKind.REVERSAL) {
            throw new FundRuleBroken("journal.reverse.reversal");
        }
        if (entries.existsByReversesId(entry.getId())) {
            throw new FundRuleBroken("journal.reversed-already", entry.getNumber());
        }
        return post(entry.getRegionCode(), on, description, JournalEntry.SourceKind.REVERSAL, entry.getId(), 0,
                entry.getId(), entry.getPostings().stream().map(Posting::reversed).toList(), actor);
    }

    /** The latest entry of a source (a payment's last attempt). */
    java.util.Optional<JournalEntry> entryFor(JournalEntry.SourceKind kind, long sourceId) {
        return entries.findFirstBySourceKindAndSourceIdOrderByIdDesc(kind, sourceId);
    }

    /** Takes the fund's row lock until the transaction ends: postings against one fund queue behind each other. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(long fundId) {
        jdbc.sql("update fund set version = version + 1 where id = :id").param("id", fundId).update();
    }

    /** What is in the fund's bank account on a day (end of day). */
    @Transactional(readOnly = true)
    public BigDecimal balance(long fundId, LocalDate asOf) {
        return jdbc.sql("""
                select coalesce(sum(p.debit - p.credit), 0) from posting p join journal_entry e on e.id = p.entry_id
                where p.fund_id = :fund and p.account = 'BANK' and e.entry_date <= :day""")
                .param("fund", fundId).param("day", asOf).query(BigDecimal.class).single().setScale(2);
    }

    /**
     * The lowest end-of-day balance of the fund from a day on: a payment dated back must be covered on
     * its day and must not take any later day below zero.
     */
    @Transactional(readOnly = true)
    public BigDecimal lowestBalanceFrom(long fundId, LocalDate from) {
        return jdbc.sql("""
                select min((select coalesce(sum(p.debit - p.credit), 0) from posting p
                            join journal_entry e on e.id = p.entry_id
                            where p.fund_id = :fund and p.account = 'BANK' and e.entry_date <= d.on_day))
                from (select e.entry_date as on_day from journal_entry e join posting p on p.entry_id = e.id
                      where p.fund_id = :fund and e.entry_date >= :from
                      union select cast(:from as date) as on_day) d""")
                .param("fund", fundId).param("from", from).query(BigDecimal.class).single().setScale(2);
    }

    @Transactional(readOnly = true)
    public BigDecimal balance(long fundId) {
        return balance(fundId, LocalDate.of(9999, 12, 31));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER', 'CASHIER', 'LEADER')")
    public PageResult<JournalEntry> entries(CurrentUser me, PageRequest page) {
        Page<JournalEntry> found = entries.findByRegionCodeInOrderByEntryDateDescIdDesc(me.scope().regionCodes(),
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        return new PageResult<>(found.getContent(), page.page(), page.size(), found.getTotalElements());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER', 'CASHIER', 'LEADER')")
    public JournalEntry entry(CurrentUser me, long id) {
        return entries.findByIdAndRegionCodeIn(id, me.scope().regionCodes())
                .orElseThrow(() -> new RecordNotFound("JournalEntry", id));
    }

    /** Whether an entry has been reversed already. */
    @Transactional(readOnly = true)
    public boolean reversed(long entryId) {
        return entries.existsByReversesId(entryId);
    }
}

package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.platform.BatchInserts;
import org.yiyong.platform.Database;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * The double-entry journal: entries are posted, never changed. Balances are sums of postings up to a
 * day, read from the totals per fund, account and day written with each entry ({@code fund_day_total}). Posting against a fund first takes the fund's row lock, so two payments from one fund are
 * checked against its balance one after the other, on every node.
 */
@Service
public class Journal {

    private final JournalEntries entries;
    private final FundNumbers numbers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Database database;
    private final BatchInserts inserts;

    Journal(JournalEntries entries, FundNumbers numbers, JdbcClient jdbc, Clock clock, Database database,
            BatchInserts inserts) {
        this.entries = entries;
        this.inserts = inserts;
        this.database = database;
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
        String fitted = fitted(description);
        JournalEntry entry = new JournalEntry(numbers.entry(on.getYear()), regionCode, on, fitted, kind, sourceId,
                attempt, reverses, postings, actor, clock.instant());
        try {
            JournalEntry posted = entries.saveAndFlush(entry);
            addToDayTotals(on, postings);
            return posted;
        } catch (DataIntegrityViolationException refused) {
            if (postedAlready(refused)) {
                throw new FundRuleBroken("journal.posted-already", fitted);
            }
            throw refused;
        }
    }

    /** A payment as {@link #postAll} posts it: the expense of its purpose paid from the fund's bank account. */
    record Payment(long orderId, int attempt, String regionCode, String description, long fundId, Account expense,
            BigDecimal amount) {
    }

    private static final String ENTRY_COLUMNS = "number, region_code, entry_date, description, source_kind, source_id, "
            + "attempt, recorded_by, recorded_at";

    /**
     * Posts one entry per payment, each as {@link #post} would (its own number, the expense debited and the bank
     * credited), many rows to a statement, and adds them to the day totals once: a batch of thousands paid on one
     * day. The caller holds the funds' locks ({@link #lock}) and has checked their balances.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void postAll(LocalDate on, List<Payment> payments, String actor) {
        if (payments.isEmpty()) {
            return;
        }
        List<String> numbered = numbers.entries(on.getYear(), payments.size());
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        List<Object[]> rows = new java.util.ArrayList<>(payments.size());
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            rows.add(new Object[] {numbered.get(i), payment.regionCode(), on, fitted(payment.description()),
                JournalEntry.SourceKind.PAYMENT.name(), payment.orderId(), payment.attempt(), actor, now});
        }
        List<Long> ids;
        try {
            ids = inserts.insert("journal_entry", ENTRY_COLUMNS, rows);
        } catch (DataIntegrityViolationException refused) {
            if (postedAlready(refused)) {
                throw new FundRuleBroken("journal.posted-already", payments.get(0).description());
            }
            throw refused;
        }
        List<Object[]> postings = new java.util.ArrayList<>(payments.size() * 2);
        List<Posting> all = new java.util.ArrayList<>(payments.size() * 2);
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            Posting debit = Posting.debit(payment.fundId(), payment.expense(), payment.amount());
            Posting credit = Posting.credit(payment.fundId(), Account.BANK, payment.amount());
            for (Posting posting : List.of(debit, credit)) {
                postings.add(new Object[] {ids.get(i), posting.getFundId(), posting.getAccount().name(),
                    posting.getDebit(), posting.getCredit()});
                all.add(posting);
            }
        }
        inserts.insert("posting", "entry_id, fund_id, account, debit, credit", postings);
        addToDayTotals(on, all);
    }

    /** A description that fits its column: a reason typed at full length after a fixed prefix would not. */
    private static String fitted(String description) {
        return description.length() <= DESCRIPTION_LENGTH ? description
                : description.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }

    /** Adds an entry's postings to the totals of their fund, account and day ({@code fund_day_total}). */
    private void addToDayTotals(LocalDate on, List<Posting> postings) {
        Map<DayTotal, BigDecimal[]> sums = new TreeMap<>(
                Comparator.comparingLong(DayTotal::fundId).thenComparing(DayTotal::account));
        for (Posting posting : postings) {
            BigDecimal[] sum = sums.computeIfAbsent(new DayTotal(posting.getFundId(), posting.getAccount()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(posting.getDebit());
            sum[1] = sum[1].add(posting.getCredit());
        }
        String upsert = database.isPostgres() ? """
                insert into fund_day_total (fund_id, account, entry_date, debit, credit)
                values (:fund, :account, :day, :debit, :credit)
                on conflict (fund_id, account, entry_date) do update
                set debit = fund_day_total.debit + excluded.debit, credit = fund_day_total.credit + excluded.credit""" : """
                merge into fund_day_total t
                using (select cast(:fund as bigint) as fund_id, cast(:account as varchar(30)) as account,
                              cast(:day as date) as entry_date, cast(:debit as numeric(16,2)) as debit,
                              cast(:credit as numeric(16,2)) as credit) s
                on t.fund_id = s.fund_id and t.account = s.account and t.entry_date = s.entry_date
                when matched then update set debit = t.debit + s.debit, credit = t.credit + s.credit
                when not matched then insert (fund_id, account, entry_date, debit, credit)
                    values (s.fund_id, s.account, s.entry_date, s.debit, s.credit)""";
        // in the order of fund and account, so that two entries touching the same rows take them in one order
        sums.forEach((total, sum) -> jdbc.sql(upsert).param("fund", total.fundId())
                .param("account", total.account().name()).param("day", on).param("debit", sum[0])
                .param("credit", sum[1]).update());
    }

    /** A fund's account, whose day total an entry adds to. */
    private record DayTotal(long fundId, Account account) {
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
                select coalesce(sum(t.debit - t.credit), 0) from fund_day_total t
                where t.fund_id = :fund and t.account = 'BANK' and t.entry_date <= :day""")
                .param("fund", fundId).param("day", asOf).query(BigDecimal.class).single().setScale(2);
    }

    /**
     * The lowest end-of-day balance of the fund from a day on: a payment dated back must be covered on
     * its day and must not take any later day below zero.
     */
    @Transactional(readOnly = true)
    public BigDecimal lowestBalanceFrom(long fundId, LocalDate from) {
        // each day's total added to those before it: the balance at the end of every day with a posting
        BigDecimal lowestAfter = jdbc.sql("""
                select min(r.closing) from (
                  select t.entry_date, sum(t.debit - t.credit) over (order by t.entry_date) as closing
                  from fund_day_total t where t.fund_id = :fund and t.account = 'BANK') r
                where r.entry_date >= :from""")
                .param("fund", fundId).param("from", from).query(BigDecimal.class).list().get(0);
        BigDecimal onTheDay = balance(fundId, from);
        return lowestAfter == null ? onTheDay : onTheDay.min(lowestAfter.setScale(2));
    }

    /** What is in each fund's bank account now, by fund (zero for a fund without postings): one query for all. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> balances(java.util.Collection<Long> fundIds) {
        Map<Long, BigDecimal> balances = new java.util.HashMap<>();
        fundIds.forEach(id -> balances.put(id, BigDecimal.ZERO.setScale(2)));
        if (!fundIds.isEmpty()) {
            jdbc.sql("""
                    select t.fund_id, coalesce(sum(t.debit - t.credit), 0) as balance from fund_day_total t
                    where t.fund_id in (:funds) and t.account = 'BANK' group by t.fund_id""")
                    .param("funds", fundIds)
                    .query((rs, row) -> balances.put(rs.getLong("fund_id"), rs.getBigDecimal("balance").setScale(2)))
                    .list();
        }
        return balances;
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

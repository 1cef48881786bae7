package org.yiyong.funds.internal;

import static org.yiyong.funds.internal.ReportScope.amount;
import static org.yiyong.funds.internal.ReportScope.blankToNull;
import static org.yiyong.funds.internal.ReportScope.requireYear;
import static org.yiyong.funds.internal.ReportScope.zero;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;

/**
 * The funds' statements, read from the journal with SQL aggregates: balances at a date, the income and
 * expense statement (收支表) of a month or a year, and the annual financial report (财务报告) as data.
 * A statement covers one association's funds (a region of the caller's scope) or every fund of the scope.
 */
@Service
public class FinancialStatements {

    /** How a report over every fund of the scope names its author. */
    public static final String ALL_FUNDS = "全市合计";

    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    /** Accounts whose balance is debit minus credit (assets, expenses); the others are credit minus debit. */
    private static final List<String> DEBIT_SIDE = Arrays.stream(Account.values())
            .filter(account -> account.side() == Account.Side.ASSET || account.side() == Account.Side.EXPENSE)
            .map(Enum::name).toList();
    private static final List<String> EXPENSES = Arrays.stream(Account.values())
            .filter(account -> account.side() == Account.Side.EXPENSE).map(Enum::name).toList();
    /** Donations and government money alike. */
    private static final List<String> INCOME = Arrays.stream(Account.values())
            .filter(account -> account.side() == Account.Side.INCOME).map(Enum::name).toList();
    private final JdbcClient jdbc;
    private final Regions regionList;
    private final FundRegister register;
    private final ReportScope scope;
    private final Clock clock;

    FinancialStatements(JdbcClient jdbc, Regions regionList, FundRegister register, ReportScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.regionList = regionList;
        this.register = register;
        this.scope = scope;
        this.clock = clock;
    }

    /** A region of the caller's scope that has funds, for the report's choice of association. */
    public record RegionOption(String code, String name) {
    }

    /** An account's balance or movement on its normal side (debit for bank and expenses, credit otherwise). */
    @Schema(name = "FinancialReportsAccountAmount") // the name API clients know it by
    public record AccountAmount(Account account, String code, BigDecimal amount) {
    }

    /**
     * A fund over a period: what it held when the period began (with the opening balance of a fund that
     * came into Yiyong during the period), donations in, payments out, and its bank balance at the end.
     */
    @Schema(name = "FinancialReportsFundLine") // the name API clients know it by
    public record FundLine(long fundId, String code, String name, String regionCode, String regionName, Long parentId,
            BigDecimal opening, BigDecimal income, BigDecimal expense, BigDecimal closing) {
    }

    /** Balances at the end of a day: each fund, cumulative since it opened, and each account. */
    @Schema(name = "FinancialReportsBalances") // the name API clients know it by
    public record Balances(String region, LocalDate asOf, List<FundLine> funds, List<AccountAmount> accounts,
            BigDecimal bank, BigDecimal income, BigDecimal expense) {
    }

    /** One month of a year's statement. */
    @Schema(name = "FinancialReportsMonthLine") // the name API clients know it by
    public record MonthLine(int month, BigDecimal donations, BigDecimal expenses, BigDecimal net) {
    }

    /** 收支表: income and expense by account for a month or a year, and the year month by month. */
    @Schema(name = "FinancialReportsStatement") // the name API clients know it by
    public record Statement(String region, int year, Integer month, LocalDate from, LocalDate to,
            List<AccountAmount> income, List<AccountAmount> expenses, BigDecimal totalIncome, BigDecimal totalExpense,
            BigDecimal net, List<MonthLine> months) {
    }

    /** Donations of one kind of donor in a year: how many gifts stand (not reversed), and the amount posted. */
    @Schema(name = "FinancialReportsDonorKindLine") // the name API clients know it by
    public record DonorKindLine(Donor.Kind kind, long count, BigDecimal amount) {
    }

    /** One of the year's largest donors (anonymous gifts are not listed). */
    @Schema(name = "FinancialReportsTopDonor") // the name API clients know it by
    public record TopDonor(int rank, long donorId, String name, Donor.Kind kind, long count, BigDecimal amount) {
    }

    /**
     * 财务报告: what the funds held at the start of the year, received and paid during it and held at its
     * end; {@code opening + donations - expenses = closing}, for the whole and for each fund.
     */
    @Schema(name = "FinancialReportsAnnualReport") // the name API clients know it by
    public record AnnualReport(String association, String region, int year, BigDecimal opening, BigDecimal donations,
            long donationCount, List<DonorKindLine> donationsByDonorKind, List<AccountAmount> expensesByPurpose,
            BigDecimal expenses, long payments, BigDecimal closing, List<FundLine> funds, List<TopDonor> topDonors) {
    }

    /** The regions of the caller's scope whose association has funds, the city first. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public List<RegionOption> regions(CurrentUser me) {
        Set<String> withFunds = Set.copyOf(jdbc.sql("select distinct region_code from fund where region_code in (:scope)")
                .param("scope", me.scope().regionCodes()).query(String.class).list());
        return regionList.inListOrder().stream().filter(region -> withFunds.contains(region.code()))
                .map(region -> new RegionOption(region.code(), region.name())).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Balances balances(CurrentUser me, String region, LocalDate asOf) {
        Set<String> regions = scope.regions(me, region);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Map<Account, BigDecimal> accounts = accountAmounts(regions, BEGINNING, day);
        return new Balances(blankToNull(region), day, fundLines(regions, BEGINNING, day), list(accounts, null),
                accounts.get(Account.BANK), total(accounts, Account.Side.INCOME), total(accounts, Account.Side.EXPENSE));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Statement statement(CurrentUser me, String region, int year, Integer month) {
        Set<String> regions = scope.regions(me, region);
        requireYear(year);
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidField("month", "report.month.invalid");
        }
        LocalDate from = LocalDate.of(year, month == null ? 1 : month, 1);
        LocalDate to = month == null ? LocalDate.of(year, 12, 31) : from.withDayOfMonth(from.lengthOfMonth());
        Map<Account, BigDecimal> accounts = accountAmounts(regions, from, to);
        BigDecimal income = total(accounts, Account.Side.INCOME);
        BigDecimal expense = total(accounts, Account.Side.EXPENSE);
        return new Statement(blankToNull(region), year, month, from, to, list(accounts, Account.Side.INCOME),
                list(accounts, Account.Side.EXPENSE), income, expense, income.subtract(expense), months(regions, year));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public AnnualReport annualReport(CurrentUser me, String region, int year) {
        Set<String> regions = scope.regions(me, region);
        requireYear(year);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<FundLine> funds = fundLines(regions, from, to);
        Map<Account, BigDecimal> accounts = accountAmounts(regions, from, to);
        List<DonorKindLine> byKind = donorKinds(regions, from, to);
        long payments = jdbc.sql("""
                select count(*) from payment_order
                where status = 'PAID' and paid_on between :from and :to and region_code in (:regions)""")
                .param("from", from).param("to", to).param("regions", regions).query(Long.class).single();
        return new AnnualReport(association(regions, region), blankToNull(region), year,
                sum(funds.stream().map(FundLine::opening).toList()), sum(funds.stream().map(FundLine::income).toList()),
                byKind.stream().mapToLong(DonorKindLine::count).sum(), byKind, list(accounts, Account.Side.EXPENSE),
                sum(funds.stream().map(FundLine::expense).toList()), payments,
                sum(funds.stream().map(FundLine::closing).toList()), funds, topDonors(regions, from, to));
    }

    /** Who the report is by: the association of its only region, or all of them. */
    private String association(Set<String> regions, String region) {
        if (region != null && !region.isBlank()) {
            return register.associationOf(region.trim());
        }
        List<String> withFunds = jdbc.sql("select distinct region_code from fund where region_code in (:regions)")
                .param("regions", regions).query(String.class).list();
        return withFunds.size() == 1 ? register.associationOf(withFunds.get(0)) : ALL_FUNDS;
    }

    /**
     * Each fund opened by the end of the period: opening (its bank balance the day before the period,
     * plus an opening balance posted during it), income, expense, and its bank balance at the end.
     */
    private List<FundLine> fundLines(Set<String> regions, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select f.id, f.code, f.name, f.region_code, f.parent_id,
                       coalesce(sum(case when m.account = 'BANK' and m.entry_date < :from then m.debit - m.credit
                                         when m.account = 'NET_ASSETS' and m.entry_date >= :from
                                             then m.credit - m.debit end), 0) as opening,
                       coalesce(sum(case when m.account in (:income) and m.entry_date >= :from
                                             then m.credit - m.debit end), 0) as income,
                       coalesce(sum(case when m.account in (:expenses) and m.entry_date >= :from
                                             then m.debit - m.credit end), 0) as expense,
                       coalesce(sum(case when m.account = 'BANK' then m.debit - m.credit end), 0) as closing
                from fund f
                left join (select t.fund_id, t.account, t.debit, t.credit, t.entry_date
                           from fund_day_total t where t.entry_date <= :to) m on m.fund_id = f.id
                where f.region_code in (:regions) and f.opened_on <= :to
                group by f.id, f.code, f.name, f.region_code, f.parent_id
                order by f.region_code, case when f.parent_id is null then 0 else 1 end, f.id""")
                .param("from", from).param("to", to).param("regions", regions).param("expenses", EXPENSES)
                .param("income", INCOME)
                .query((rs, n) -> new FundLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("region_code"), regionList.nameOf(rs.getString("region_code")),
                        rs.getObject("parent_id", Long.class), amount(rs, "opening"), amount(rs, "income"),
                        amount(rs, "expense"), amount(rs, "closing")))
                .list().stream()
                // the regions in their list order (sort order, then code), each region's funds as SQL put them
                .sorted(Comparator.comparing(FundLine::regionCode, regionList.listOrder())).toList();
    }

    /** Every account's movement in the period on its normal side; zero for an account without postings. */
    private Map<Account, BigDecimal> accountAmounts(Set<String> regions, LocalDate from, LocalDate to) {
        Map<Account, BigDecimal> amounts = new EnumMap<>(Account.class);
        for (Account account : Account.values()) {
            amounts.put(account, zero());
        }
        jdbc.sql("""
                select p.account,
                       sum(case when p.account in (:debitSide) then p.debit - p.credit else p.credit - p.debit end)
                           as amount
                from fund_day_total p join fund f on f.id = p.fund_id
                where p.entry_date between :from and :to and f.region_code in (:regions)
                group by p.account""")
                .param("debitSide", DEBIT_SIDE).param("from", from).param("to", to).param("regions", regions)
                .query((rs, n) -> amounts.put(Account.valueOf(rs.getString("account")), amount(rs, "amount")))
                .list();
        return amounts;
    }

    /** The year's donations and expenses month by month, twelve lines. */
    private List<MonthLine> months(Set<String> regions, int year) {
        Map<Integer, BigDecimal[]> found = new HashMap<>();
        jdbc.sql("""
                select extract(month from p.entry_date) as m,
                       coalesce(sum(case when p.account = 'DONATION_INCOME' then p.credit - p.debit end), 0) as donations,
                       coalesce(sum(case when p.account in (:expenses) then p.debit - p.credit end), 0) as expenses
                from fund_day_total p join fund f on f.id = p.fund_id
                where p.entry_date between :from and :to and f.region_code in (:regions)
                group by extract(month from p.entry_date)""")
                .param("expenses", EXPENSES).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31)).param("regions", regions)
                .query((rs, n) -> found.put(rs.getInt("m"),
                        new BigDecimal[] {amount(rs, "donations"), amount(rs, "expenses")}))
                .list();
        List<MonthLine> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            BigDecimal[] values = found.getOrDefault(month, new BigDecimal[] {zero(), zero()});
            months.add(new MonthLine(month, values[0], values[1], values[0].subtract(values[1])));
        }
        return months;
    }

    /**
     * The year's donations by kind of donor: amounts from the journal's donation income (a reversal in the
     * year counts against the donation it reverses), counts of the gifts received in the year that stand.
     */
    private List<DonorKindLine> donorKinds(Set<String> regions, LocalDate from, LocalDate to) {
        Map<Donor.Kind, BigDecimal> amounts = new EnumMap<>(Donor.Kind.class);
        jdbc.sql("""
                select d.donor_kind, sum(p.credit - p.debit) as amount
                from posting p join journal_entry e on e.id = p.entry_id join fund f on f.id = p.fund_id
                join journal_entry s on s.id = coalesce(e.reverses_id, e.id)
                join donation d on d.id = s.source_id
                where s.source_kind = 'DONATION' and p.account in (:income)
                  and e.entry_date between :from and :to and f.region_code in (:regions)
                group by d.donor_kind""")
                .param("income", INCOME).param("from", from).param("to", to).param("regions", regions)
                .query((rs, n) -> amounts.put(Donor.Kind.valueOf(rs.getString("donor_kind")), amount(rs, "amount")))
                .list();
        Map<Donor.Kind, Long> counts = new EnumMap<>(Donor.Kind.class);
        jdbc.sql("""
                select d.donor_kind, count(*) as gifts from donation d join fund f on f.id = d.fund_id
                where d.received_on between :from and :to and f.region_code in (:regions) and d.reversed = false
                group by d.donor_kind""")
                .param("from", from).param("to", to).param("regions", regions)
                .query((rs, n) -> counts.put(Donor.Kind.valueOf(rs.getString("donor_kind")), rs.getLong("gifts")))
                .list();
        return Arrays.stream(Donor.Kind.values())
                .map(kind -> new DonorKindLine(kind, counts.getOrDefault(kind, 0L), amounts.getOrDefault(kind, zero())))
                .toList();
    }

    private List<TopDonor> topDonors(Set<String> regions, LocalDate from, LocalDate to) {
        int[] rank = {0};
        return jdbc.sql("""
                select d.donor_id, max(d.donor_name) as name, max(d.donor_kind) as kind,
                       count(distinct case when e.reverses_id is null and d.reversed = false then d.id end) as gifts,
                       sum(p.credit - p.debit) as amount
                from posting p join journal_entry e on e.id = p.entry_id join fund f on f.id = p.fund_id
                join journal_entry s on s.id = coalesce(e.reverses_id, e.id)
                join donation d on d.id = s.source_id
                where s.source_kind = 'DONATION' and p.account = 'DONATION_INCOME' and d.donor_id is not null
                  and e.entry_date between :from and :to and f.region_code in (:regions)
                group by d.donor_id
                having sum(p.credit - p.debit) > 0
                order by amount desc, name
                limit 10""")
                .param("from", from).param("to", to).param("regions", regions)
                .query((rs, n) -> new TopDonor(++rank[0], rs.getLong("donor_id"), rs.getString("name"),
                        Donor.Kind.valueOf(rs.getString("kind")), rs.getLong("gifts"), amount(rs, "amount")))
                .list();
    }

    private static List<AccountAmount> list(Map<Account, BigDecimal> amounts, Account.Side side) {
        return amounts.entrySet().stream().filter(e -> side == null || e.getKey().side() == side)
                .map(e -> new AccountAmount(e.getKey(), e.getKey().code(), e.getValue())).toList();
    }

    private static BigDecimal total(Map<Account, BigDecimal> amounts, Account.Side side) {
        return sum(amounts.entrySet().stream().filter(e -> e.getKey().side() == side).map(Map.Entry::getValue)
                .toList());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(zero(), BigDecimal::add);
    }
}

package org.yiyong.funds.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;

/**
 * The funds' reports, read from the journal with SQL aggregates: balances at a date, the income and
 * expense statement (收支表) of a month or a year, the annual financial report (财务报告) as data, PDF
 * and XLSX, and the reconciliation of every payment with its approval, its entry and its decision.
 * A report covers one association's funds (a region of the caller's scope) or every fund of the scope.
 */
@Service
public class FinancialReports {

    /** How a report over every fund of the scope names its author. */
    public static final String ALL_FUNDS = "全市合计";

    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    /** Accounts whose balance is debit minus credit (assets, expenses); the others are credit minus debit. */
    private static final List<String> DEBIT_SIDE = Arrays.stream(Account.values())
            .filter(account -> account.side() == Account.Side.ASSET || account.side() == Account.Side.EXPENSE)
            .map(Enum::name).toList();
    private static final List<String> EXPENSES = Arrays.stream(Account.values())
            .filter(account -> account.side() == Account.Side.EXPENSE).map(Enum::name).toList();

    /** An order paid in the year, in the report's regions; the order's alias is {@code o}. */
    private static final String PAID_IN_YEAR =
            "o.status = 'PAID' and o.paid_on between :from and :to and o.region_code in (:regions)";
    /** Four eyes: approved, and not by whoever asked. */
    private static final String APPROVED = "(o.approved_by is not null and o.approved_by <> o.requested_by)";
    /** The decision that caused the order, or the justification of one by hand. */
    private static final String SOURCED = """
            ((o.source = 'MANUAL' and coalesce(trim(o.justification), '') <> '')
             or (o.source <> 'MANUAL' and coalesce(trim(o.decision_document), '') <> ''))""";
    private static final String HAS_ENTRY = "exists (select 1 from journal_entry pe where pe.source_kind = 'PAYMENT'"
            + " and pe.source_id = o.id and " + standing("pe") + ")";
    /** What the order's standing payment entries took out of the bank. */
    private static final String POSTED = """
            (select coalesce(sum(pp.credit), 0) from journal_entry pe join posting pp on pp.entry_id = pe.id
             where pe.source_kind = 'PAYMENT' and pe.source_id = o.id and pp.account = 'BANK' and %s)"""
            .formatted(standing("pe"));

    /** An entry no reversing entry has cancelled. */
    private static String standing(String alias) {
        return "not exists (select 1 from journal_entry r where r.reverses_id = " + alias + ".id)";
    }

    private final JdbcClient jdbc;
    private final Regions regionList;
    private final FundRegister register;
    private final PdfDocuments documents;
    private final AuditTrail audit;
    private final Clock clock;

    FinancialReports(JdbcClient jdbc, Regions regionList, FundRegister register, PdfDocuments documents, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.regionList = regionList;
        this.register = register;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** A region of the caller's scope that has funds, for the report's choice of association. */
    public record RegionOption(String code, String name) {
    }

    /** An account's balance or movement on its normal side (debit for bank and expenses, credit otherwise). */
    public record AccountAmount(Account account, String code, BigDecimal amount) {
    }

    /**
     * A fund over a period: what it held when the period began (with the opening balance of a fund that
     * came into Yiyong during the period), donations in, payments out, and its bank balance at the end.
     */
    public record FundLine(long fundId, String code, String name, String regionCode, String regionName, Long parentId,
            BigDecimal opening, BigDecimal income, BigDecimal expense, BigDecimal closing) {
    }

    /** Balances at the end of a day: each fund, cumulative since it opened, and each account. */
    public record Balances(String region, LocalDate asOf, List<FundLine> funds, List<AccountAmount> accounts,
            BigDecimal bank, BigDecimal income, BigDecimal expense) {
    }

    /** One month of a year's statement. */
    public record MonthLine(int month, BigDecimal donations, BigDecimal expenses, BigDecimal net) {
    }

    /** 收支表: income and expense by account for a month or a year, and the year month by month. */
    public record Statement(String region, int year, Integer month, LocalDate from, LocalDate to,
            List<AccountAmount> income, List<AccountAmount> expenses, BigDecimal totalIncome, BigDecimal totalExpense,
            BigDecimal net, List<MonthLine> months) {
    }

    /** Donations of one kind of donor in a year: how many gifts stand (not reversed), and the amount posted. */
    public record DonorKindLine(Donor.Kind kind, long count, BigDecimal amount) {
    }

    /** One of the year's largest donors (anonymous gifts are not listed). */
    public record TopDonor(int rank, long donorId, String name, Donor.Kind kind, long count, BigDecimal amount) {
    }

    /**
     * 财务报告: what the funds held at the start of the year, received and paid during it and held at its
     * end; {@code opening + donations - expenses = closing}, for the whole and for each fund.
     */
    public record AnnualReport(String association, String region, int year, BigDecimal opening, BigDecimal donations,
            long donationCount, List<DonorKindLine> donationsByDonorKind, List<AccountAmount> expensesByPurpose,
            BigDecimal expenses, long payments, BigDecimal closing, List<FundLine> funds, List<TopDonor> topDonors) {
    }

    /** What keeps a payment from pairing with its approval, its entry and its decision. */
    public enum DiscrepancyKind {
        /** paid, but nothing in the journal (or only reversed entries) */
        NO_ENTRY,
        /** a payment entry standing in the journal whose order is not paid */
        ENTRY_WITHOUT_PAID_ORDER,
        /** the journal took another amount out of the bank than the order says */
        AMOUNT_MISMATCH,
        /** paid without a finance reviewer's approval, or approved by its requester */
        NO_APPROVAL,
        /** an order of another module without its decision document, or one by hand without a justification */
        NO_SOURCE
    }

    /** A paid order with the approval, the entry and the decision it pairs with. */
    public record PairedPayment(long orderId, String orderNumber, String regionCode, String payeeName,
            PaymentPurpose purpose, BigDecimal amount, LocalDate paidOn, String requestedBy, String approvedBy,
            long entryId, String entryNumber, LocalDate entryDate, String source, String sourceDocument) {
    }

    /** What does not pair: the order and/or the entry, with the amounts on each side. */
    public record Discrepancy(DiscrepancyKind kind, Long orderId, String orderNumber, Long entryId, String entryNumber,
            String regionCode, LocalDate date, BigDecimal orderAmount, BigDecimal postedAmount) {
    }

    /** The year's payments: those that pair, and what does not. */
    public record Reconciliation(String region, int year, List<PairedPayment> paired, List<Discrepancy> discrepancies) {
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
        Set<String> regions = regions(me, region);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Map<Account, BigDecimal> accounts = accountAmounts(regions, BEGINNING, day);
        return new Balances(blankToNull(region), day, fundLines(regions, BEGINNING, day), list(accounts, null),
                accounts.get(Account.BANK), total(accounts, Account.Side.INCOME), total(accounts, Account.Side.EXPENSE));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Statement statement(CurrentUser me, String region, int year, Integer month) {
        Set<String> regions = regions(me, region);
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
        Set<String> regions = regions(me, region);
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

    /** The annual report as an A4 PDF, tables in yuan (¥1,040,000.00), the summary in 万元. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public byte[] annualReportPdf(CurrentUser me, String region, int year) {
        AnnualReport report = annualReport(me, region, year);
        Map<String, Object> variables = new HashMap<>();
        variables.put("report", report);
        variables.put("fmt", new Figures());
        variables.put("preparedOn", PdfDocuments.officialDate(LocalDate.now(clock)));
        byte[] pdf = documents.render("funds/annual-report", variables);
        downloaded(report, "PDF");
        return pdf;
    }

    /** The annual report as a workbook: sheets 概况, 基金, 捐赠 and 支出, amounts as numbers. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public byte[] annualReportXlsx(CurrentUser me, String region, int year) {
        AnnualReport report = annualReport(me, region, year);
        byte[] xlsx = workbook(report);
        downloaded(report, "XLSX");
        return xlsx;
    }

    /**
     * Every order paid in the year against its approval (by someone other than its requester), its
     * payment entry (standing, of the same amount) and its source decision; one query per kind of
     * discrepancy, and one for the orders that pair on every count.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Reconciliation reconciliation(CurrentUser me, String region, int year) {
        Set<String> regions = regions(me, region);
        requireYear(year);
        Map<String, Object> params = Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31),
                "regions", regions);
        List<PairedPayment> paired = jdbc.sql("""
                select o.id, o.number, o.region_code, o.payee_name, o.purpose, o.amount, o.paid_on, o.requested_by,
                       o.approved_by, o.source, o.decision_document, o.justification,
                       e.id as entry_id, e.number as entry_number, e.entry_date
                from payment_order o
                join journal_entry e on e.id = (select max(x.id) from journal_entry x
                                                where x.source_kind = 'PAYMENT' and x.source_id = o.id and %s)
                where %s and %s and %s and %s = o.amount
                order by o.paid_on, o.id""".formatted(standing("x"), PAID_IN_YEAR, APPROVED, SOURCED, POSTED))
                .params(params)
                .query((rs, n) -> {
                    String source = rs.getString("source");
                    return new PairedPayment(rs.getLong("id"), rs.getString("number"), rs.getString("region_code"),
                            rs.getString("payee_name"), PaymentPurpose.valueOf(rs.getString("purpose")),
                            amount(rs, "amount"), rs.getObject("paid_on", LocalDate.class),
                            rs.getString("requested_by"), rs.getString("approved_by"), rs.getLong("entry_id"),
                            rs.getString("entry_number"), rs.getObject("entry_date", LocalDate.class), source,
                            rs.getString(PaymentOrder.MANUAL.equals(source) ? "justification" : "decision_document"));
                }).list();
        List<Discrepancy> discrepancies = new ArrayList<>();
        discrepancies.addAll(orders(DiscrepancyKind.NO_ENTRY, "not " + HAS_ENTRY, params));
        discrepancies.addAll(orders(DiscrepancyKind.AMOUNT_MISMATCH, HAS_ENTRY + " and " + POSTED + " <> o.amount",
                params));
        discrepancies.addAll(orders(DiscrepancyKind.NO_APPROVAL, "not " + APPROVED, params));
        discrepancies.addAll(orders(DiscrepancyKind.NO_SOURCE, "not " + SOURCED, params));
        discrepancies.addAll(jdbc.sql("""
                select e.id, e.number, e.region_code, e.entry_date, o.id as order_id, o.number as order_number,
                       o.amount,
                       (select coalesce(sum(p.credit), 0) from posting p
                        where p.entry_id = e.id and p.account = 'BANK') as posted
                from journal_entry e left join payment_order o on o.id = e.source_id
                where e.source_kind = 'PAYMENT' and e.entry_date between :from and :to and e.region_code in (:regions)
                  and %s and (o.id is null or o.status <> 'PAID')
                order by e.entry_date, e.id""".formatted(standing("e")))
                .params(params)
                .query((rs, n) -> new Discrepancy(DiscrepancyKind.ENTRY_WITHOUT_PAID_ORDER,
                        rs.getObject("order_id", Long.class), rs.getString("order_number"), rs.getLong("id"),
                        rs.getString("number"), rs.getString("region_code"),
                        rs.getObject("entry_date", LocalDate.class),
                        rs.getBigDecimal("amount") == null ? null : amount(rs, "amount"), amount(rs, "posted")))
                .list());
        return new Reconciliation(blankToNull(region), year, paired, discrepancies);
    }

    private List<Discrepancy> orders(DiscrepancyKind kind, String condition, Map<String, Object> params) {
        return jdbc.sql("""
                select o.id, o.number, o.region_code, o.paid_on, o.amount, %s as posted,
                       se.id as entry_id, se.number as entry_number
                from payment_order o
                left join journal_entry se on se.id = (select max(x.id) from journal_entry x
                                                       where x.source_kind = 'PAYMENT' and x.source_id = o.id and %s)
                where %s and %s order by o.paid_on, o.id"""
                .formatted(POSTED, standing("x"), PAID_IN_YEAR, condition))
                .params(params)
                .query((rs, n) -> new Discrepancy(kind, rs.getLong("id"), rs.getString("number"),
                        rs.getObject("entry_id", Long.class), rs.getString("entry_number"), rs.getString("region_code"),
                        rs.getObject("paid_on", LocalDate.class), amount(rs, "amount"), amount(rs, "posted")))
                .list();
    }

    /** The codes a report covers: one region of the scope that has funds, or the whole scope. */
    private Set<String> regions(CurrentUser me, String region) {
        if (region == null || region.isBlank()) {
            return me.scope().regionCodes();
        }
        String code = region.trim();
        if (!me.scope().covers(code) || jdbc.sql("select count(*) from fund where region_code = :r").param("r", code)
                .query(Long.class).single() == 0) {
            throw new InvalidField("region", "report.region.invalid");
        }
        return Set.of(code);
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 9998) {
            throw new InvalidField("year", "report.year.invalid");
        }
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
                       coalesce(sum(case when m.account = 'DONATION_INCOME' and m.entry_date >= :from
                                             then m.credit - m.debit end), 0) as income,
                       coalesce(sum(case when m.account in (:expenses) and m.entry_date >= :from
                                             then m.debit - m.credit end), 0) as expense,
                       coalesce(sum(case when m.account = 'BANK' then m.debit - m.credit end), 0) as closing
                from fund f
                left join (select p.fund_id, p.account, p.debit, p.credit, e.entry_date
                           from posting p join journal_entry e on e.id = p.entry_id
                           where e.entry_date <= :to) m on m.fund_id = f.id
                where f.region_code in (:regions) and f.opened_on <= :to
                group by f.id, f.code, f.name, f.region_code, f.parent_id
                order by f.region_code, case when f.parent_id is null then 0 else 1 end, f.id""")
                .param("from", from).param("to", to).param("regions", regions).param("expenses", EXPENSES)
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
                from posting p join journal_entry e on e.id = p.entry_id join fund f on f.id = p.fund_id
                where e.entry_date between :from and :to and f.region_code in (:regions)
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
                select extract(month from e.entry_date) as m,
                       coalesce(sum(case when p.account = 'DONATION_INCOME' then p.credit - p.debit end), 0) as donations,
                       coalesce(sum(case when p.account in (:expenses) then p.debit - p.credit end), 0) as expenses
                from posting p join journal_entry e on e.id = p.entry_id join fund f on f.id = p.fund_id
                where e.entry_date between :from and :to and f.region_code in (:regions)
                group by extract(month from e.entry_date)""")
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
                where s.source_kind = 'DONATION' and p.account = 'DONATION_INCOME'
                  and e.entry_date between :from and :to and f.region_code in (:regions)
                group by d.donor_kind""")
                .param("from", from).param("to", to).param("regions", regions)
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

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? zero() : value.setScale(2);
    }

    private static String blankToNull(String region) {
        return region == null || region.isBlank() ? null : region.trim();
    }

    private void downloaded(AnnualReport report, String format) {
        audit.recordEvent(AuditRecord.of(AuditAction.FILE_DOWNLOADED, "FinancialReport", report.year())
                .withDetail(format + " annual financial report " + report.year() + " of "
                        + (report.region() == null ? "the whole scope" : report.region())));
    }

    /** Chinese names and amounts as a financial report writes them, for the PDF template and the workbook. */
    public static final class Figures {

        private static final Map<Account, String> ACCOUNT_NAMES = new EnumMap<>(Map.of(
                Account.BANK, "银行存款",
                Account.NET_ASSETS, "净资产（期初）",
                Account.DONATION_INCOME, "捐赠收入",
                Account.EXPENSE_REWARD, "奖励金支出",
                Account.EXPENSE_CONDOLENCE, "慰问金支出",
                Account.EXPENSE_STUDENT_AID, "助学金支出",
                Account.EXPENSE_HARDSHIP, "困难救助支出",
                Account.EXPENSE_MEDICAL, "医疗补助支出",
                Account.EXPENSE_OTHER, "其他支出"));
        private static final Map<Donor.Kind, String> KIND_NAMES = new EnumMap<>(Map.of(
                Donor.Kind.ENTERPRISE, "企业", Donor.Kind.INDIVIDUAL, "个人", Donor.Kind.ANONYMOUS, "匿名"));

        /** Table style: ¥1,040,000.00. */
        public String yuan(BigDecimal amount) {
            return Money.of(amount).format();
        }

        /** Prose style: 104万元. */
        public String wan(BigDecimal amount) {
            return Money.of(amount).formatWan();
        }

        public String account(Account account) {
            return ACCOUNT_NAMES.get(account);
        }

        public String donorKind(Donor.Kind kind) {
            return KIND_NAMES.get(kind);
        }
    }

    private static byte[] workbook(AnnualReport report) {
        Figures names = new Figures();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle boldMoney = workbook.createCellStyle();
            boldMoney.cloneStyleFrom(money);
            boldMoney.setFont(font);

            Sheet summary = workbook.createSheet("概况");
            header(summary.createRow(0), bold, "项目", "金额（元）/数量");
            Object[][] facts = {
                {"单位", report.association()},
                {"年度", report.year()},
                {"期初余额", report.opening()},
                {"本年捐赠收入", report.donations()},
                {"捐赠笔数", report.donationCount()},
                {"本年支出", report.expenses()},
                {"支付笔数", report.payments()},
                {"期末余额", report.closing()}};
            for (int i = 0; i < facts.length; i++) {
                Row row = summary.createRow(i + 1);
                row.createCell(0).setCellValue((String) facts[i][0]);
                cell(row, 1, facts[i][1], money);
            }
            summary.setColumnWidth(0, 16 * 256);
            summary.setColumnWidth(1, 28 * 256);

            Sheet funds = workbook.createSheet("基金");
            header(funds.createRow(0), bold, "基金编号", "基金名称", "所属地区", "期初余额", "本年收入", "本年支出", "期末余额");
            int r = 1;
            for (FundLine line : report.funds()) {
                Row row = funds.createRow(r++);
                row.createCell(0).setCellValue(line.code());
                row.createCell(1).setCellValue(line.name());
                row.createCell(2).setCellValue(line.regionName());
                cell(row, 3, line.opening(), money);
                cell(row, 4, line.income(), money);
                cell(row, 5, line.expense(), money);
                cell(row, 6, line.closing(), money);
            }
            Row fundTotal = funds.createRow(r);
            fundTotal.createCell(0).setCellValue("合计");
            fundTotal.getCell(0).setCellStyle(bold);
            cell(fundTotal, 3, report.opening(), boldMoney);
            cell(fundTotal, 4, report.donations(), boldMoney);
            cell(fundTotal, 5, report.expenses(), boldMoney);
            cell(fundTotal, 6, report.closing(), boldMoney);
            funds.createFreezePane(0, 1);
            for (int i = 0; i < 7; i++) {
                funds.setColumnWidth(i, (i == 1 ? 30 : 16) * 256);
            }

            Sheet donations = workbook.createSheet("捐赠");
            header(donations.createRow(0), bold, "捐赠人类别", "笔数", "金额");
            r = 1;
            for (DonorKindLine line : report.donationsByDonorKind()) {
                Row row = donations.createRow(r++);
                row.createCell(0).setCellValue(names.donorKind(line.kind()));
                cell(row, 1, line.count(), money);
                cell(row, 2, line.amount(), money);
            }
            Row donationTotal = donations.createRow(r++);
            donationTotal.createCell(0).setCellValue("合计");
            donationTotal.getCell(0).setCellStyle(bold);
            cell(donationTotal, 1, report.donationCount(), boldMoney);
            cell(donationTotal, 2, report.donations(), boldMoney);
            r++;
            header(donations.createRow(r++), bold, "排名", "捐赠人", "类别", "笔数", "金额");
            for (TopDonor donor : report.topDonors()) {
                Row row = donations.createRow(r++);
                cell(row, 0, donor.rank(), money);
                row.createCell(1).setCellValue(donor.name());
                row.createCell(2).setCellValue(names.donorKind(donor.kind()));
                cell(row, 3, donor.count(), money);
                cell(row, 4, donor.amount(), money);
            }
            for (int i = 0; i < 5; i++) {
                donations.setColumnWidth(i, (i == 1 ? 30 : 16) * 256);
            }

            Sheet expenses = workbook.createSheet("支出");
            header(expenses.createRow(0), bold, "科目编码", "支出用途", "金额");
            r = 1;
            for (AccountAmount line : report.expensesByPurpose()) {
                Row row = expenses.createRow(r++);
                row.createCell(0).setCellValue(line.code());
                row.createCell(1).setCellValue(names.account(line.account()));
                cell(row, 2, line.amount(), money);
            }
            Row expenseTotal = expenses.createRow(r++);
            expenseTotal.createCell(1).setCellValue("合计");
            expenseTotal.getCell(1).setCellStyle(bold);
            cell(expenseTotal, 2, report.expenses(), boldMoney);
            Row count = expenses.createRow(r);
            count.createCell(1).setCellValue("支付笔数");
            cell(count, 2, report.payments(), money);
            for (int i = 0; i < 3; i++) {
                expenses.setColumnWidth(i, (i == 1 ? 24 : 16) * 256);
            }

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, CellStyle style, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(style);
        }
    }

    /** Amounts as numeric cells in #,##0.00; counts and years as plain numbers; anything else as text. */
    private static void cell(Row row, int column, Object value, CellStyle money) {
        Cell cell = row.createCell(column);
        if (value instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(money);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(value == null ? "" : value.toString());
        }
    }
}

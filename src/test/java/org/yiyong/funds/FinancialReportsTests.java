package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.FullStackTest;
import org.yiyong.funds.internal.Account;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.Donor;
import org.yiyong.funds.internal.AnnualReportFiles;
import org.yiyong.funds.internal.FinancialStatements;
import org.yiyong.funds.internal.PaymentReconciliation;
import org.yiyong.funds.internal.Fund;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.Payments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.shared.InvalidField;

/**
 * The reports add up to what was recorded: in 德化 (350526), a region no other test uses, donations of
 * last year and this year and a paid order move the annual report, the balances and the statement by
 * exactly their amounts; every report balances; the paid order reconciles, orders paid without an entry
 * do not. Amounts are compared as differences, since the database is shared.
 */
class FinancialReportsTests extends FullStackTest {

    private static final String DEHUA = "350526";

    @Autowired
    private FundRegister register;

    @Autowired
    private Payments payments;

    @Autowired
    private FinancialStatements statements;

    @Autowired
    private PaymentReconciliation reconciliations;

    @Autowired
    private AnnualReportFiles files;

    @Autowired
    private UserDetailsService accounts;

    /** Calls services as a signed-in demo user, with their roles and data scope. */
    private <T> T signedIn(String username, Function<CurrentUser, T> call) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return call.apply(SignedIn.user().orElseThrow());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private FinancialStatements.AnnualReport annual(int year) {
        return signedIn("city-staff", me -> statements.annualReport(me, DEHUA, year));
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private static void assertAmount(BigDecimal actual, String expected, String what) {
        assertThat(actual).as(what).isEqualByComparingTo(expected);
    }

    private static BigDecimal kind(FinancialStatements.AnnualReport report, Donor.Kind kind) {
        return report.donationsByDonorKind().stream().filter(line -> line.kind() == kind).findFirst().orElseThrow()
                .amount();
    }

    private static long kindCount(FinancialStatements.AnnualReport report, Donor.Kind kind) {
        return report.donationsByDonorKind().stream().filter(line -> line.kind() == kind).findFirst().orElseThrow()
                .count();
    }

    private static BigDecimal account(List<FinancialStatements.AccountAmount> amounts, Account account) {
        return amounts.stream().filter(line -> line.account() == account).findFirst().orElseThrow().amount();
    }

    private static void assertBalances(FinancialStatements.AnnualReport report) {
        assertAmount(report.opening().add(report.donations()).subtract(report.expenses()),
                report.closing().toPlainString(), "opening + income - expense = closing of " + report.association());
        for (FinancialStatements.FundLine fund : report.funds()) {
            assertAmount(fund.opening().add(fund.income()).subtract(fund.expense()), fund.closing().toPlainString(),
                    "opening + income - expense = closing of " + fund.name());
        }
        assertAmount(report.donationsByDonorKind().stream().map(FinancialStatements.DonorKindLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), report.donations().toPlainString(), "donations by kind");
        assertAmount(report.expensesByPurpose().stream().map(FinancialStatements.AccountAmount::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), report.expenses().toPlainString(), "expenses by purpose");
    }

    /** The bank balance of 德化's funds at the end of a day, straight from the postings. */
    private BigDecimal bankOfDehua(LocalDate day) {
        return jdbc.sql("""
                select coalesce(sum(p.debit - p.credit), 0) from posting p join journal_entry e on e.id = p.entry_id
                join fund f on f.id = p.fund_id
                where p.account = 'BANK' and f.region_code = :region and e.entry_date <= :day""")
                .param("region", DEHUA).param("day", day).query(BigDecimal.class).single();
    }

    @Test
    void the_reports_add_up_to_the_donations_and_payments_recorded() throws Exception {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        long general = jdbc.sql("select id from fund where code = 'FUND-" + DEHUA + "'").query(Long.class).single();

        FinancialStatements.AnnualReport before = annual(year);
        FinancialStatements.Statement statementBefore = signedIn("city-staff",
                me -> statements.statement(me, DEHUA, year, today.getMonthValue()));
        FinancialStatements.Statement yearBefore = signedIn("city-staff", me -> statements.statement(me, DEHUA, year, null));
        long paidBefore = before.payments();
        assertBalances(before);

        Fund rewards = signedIn("city-staff", me -> register.createSubFund(me, general, unique("德化奖励专款"),
                Fund.Restriction.PURPOSE, PaymentPurpose.REWARD, null, null, "企业指定用于奖励", null));
        String enterprise = unique("德化瓷业有限公司");
        String person = unique("陈");
        signedIn("city-staff", me -> {
            register.receive(me, new FundRegister.NewDonation(null, Donor.Kind.INDIVIDUAL, person, null, general,
                    yuan("5000.00"), LocalDate.of(year - 1, 12, 31), Donation.Channel.CASH, "上年末", null));
            register.receive(me, new FundRegister.NewDonation(null, Donor.Kind.ENTERPRISE, enterprise, null,
                    rewards.getId(), yuan("12000.50"), today, Donation.Channel.BANK_TRANSFER, null, null));
            register.receive(me, new FundRegister.NewDonation(null, Donor.Kind.INDIVIDUAL, person, null, general,
                    yuan("3000.00"), today, Donation.Channel.ONLINE, null, null));
            return register.receive(me, new FundRegister.NewDonation(null, Donor.Kind.ANONYMOUS, null, null, general,
                    yuan("800.00"), today, Donation.Channel.CASH, null, null));
        });
        PaymentOrder order = signedIn("city-staff", me -> payments.requestManually(me, new Payments.ManualOrder(
                rewards.getId(), PaymentPurpose.REWARD, unique("黄"), null, yuan("7000.00"), "见义勇为奖励金",
                "经协会会议研究，按企业捐赠意愿发放奖励", null, null, PaymentOrder.Method.BANK_TRANSFER, "德化农商银行",
                "6230661234599001")));
        signedIn("finance-reviewer", me -> payments.approve(me, order.getId(), null));
        signedIn("cashier", me -> payments.batch(me, new java.util.ArrayList<>(List.of(order.getId()))));
        signedIn("cashier", me -> payments.markPaid(me, order.getId(), null, unique("BANK")));

        FinancialStatements.AnnualReport after = annual(year);
        assertThat(after.association()).isEqualTo("德化县见义勇为协会");
        assertBalances(after);
        assertAmount(after.opening().subtract(before.opening()), "5000.00", "last year's gift opens this year");
        assertAmount(after.donations().subtract(before.donations()), "15800.50", "this year's donations");
        assertThat(after.donationCount() - before.donationCount()).isEqualTo(3);
        assertAmount(kind(after, Donor.Kind.ENTERPRISE).subtract(kind(before, Donor.Kind.ENTERPRISE)), "12000.50",
                "enterprises");
        assertAmount(kind(after, Donor.Kind.INDIVIDUAL).subtract(kind(before, Donor.Kind.INDIVIDUAL)), "3000.00",
                "individuals");
        assertAmount(kind(after, Donor.Kind.ANONYMOUS).subtract(kind(before, Donor.Kind.ANONYMOUS)), "800.00",
                "anonymous");
        assertThat(kindCount(after, Donor.Kind.INDIVIDUAL) - kindCount(before, Donor.Kind.INDIVIDUAL)).isEqualTo(1);
        assertAmount(after.expenses().subtract(before.expenses()), "7000.00", "this year's expenses");
        assertAmount(account(after.expensesByPurpose(), Account.EXPENSE_REWARD)
                .subtract(account(before.expensesByPurpose(), Account.EXPENSE_REWARD)), "7000.00", "rewards paid");
        assertThat(after.payments() - paidBefore).isEqualTo(1);
        assertAmount(after.closing().subtract(before.closing()), "13800.50", "closing");
        assertAmount(after.closing(), bankOfDehua(LocalDate.of(year, 12, 31)).toPlainString(), "closing = the bank");
        assertAmount(after.opening(), bankOfDehua(LocalDate.of(year - 1, 12, 31)).toPlainString(),
                "opening = the bank at the end of last year");
        FinancialStatements.FundLine earmarked = after.funds().stream().filter(f -> f.fundId() == rewards.getId())
                .findFirst().orElseThrow();
        assertAmount(earmarked.opening(), "0.00", "the sub-fund opened this year");
        assertAmount(earmarked.income(), "12000.50", "the sub-fund's income");
        assertAmount(earmarked.expense(), "7000.00", "the sub-fund's expense");
        assertAmount(earmarked.closing(), "5000.50", "the sub-fund's closing");
        assertThat(after.topDonors()).anySatisfy(donor -> {
            assertThat(donor.name()).isEqualTo(enterprise);
            assertAmount(donor.amount(), "12000.50", "top donor");
        });
        assertThat(after.topDonors()).noneMatch(donor -> donor.kind() == Donor.Kind.ANONYMOUS);
        assertThat(after.topDonors()).filteredOn(donor -> donor.name().equals(person))
                .allSatisfy(donor -> assertAmount(donor.amount(), "3000.00", "only this year's gift"));

        // the city's report covers 德化 too, and balances as well
        FinancialStatements.AnnualReport city = signedIn("city-staff", me -> statements.annualReport(me, null, year));
        assertThat(city.association()).isEqualTo(FinancialStatements.ALL_FUNDS);
        assertBalances(city);
        assertThat(city.funds()).anyMatch(f -> f.fundId() == rewards.getId());
        assertThat(jdbc.sql("select sum(debit) - sum(credit) from posting").query(BigDecimal.class).single())
                .as("debits equal credits over the whole journal").isEqualByComparingTo("0");

        // the statement of this month and of the year move by the same amounts
        FinancialStatements.Statement statement = signedIn("city-staff",
                me -> statements.statement(me, DEHUA, year, today.getMonthValue()));
        assertAmount(statement.totalIncome().subtract(statementBefore.totalIncome()), "15800.50", "month's income");
        assertAmount(statement.totalExpense().subtract(statementBefore.totalExpense()), "7000.00", "month's expense");
        assertAmount(statement.net(), statement.totalIncome().subtract(statement.totalExpense()).toPlainString(), "net");
        assertAmount(account(statement.expenses(), Account.EXPENSE_REWARD)
                .subtract(account(statementBefore.expenses(), Account.EXPENSE_REWARD)), "7000.00", "month's rewards");
        FinancialStatements.Statement wholeYear = signedIn("city-staff", me -> statements.statement(me, DEHUA, year, null));
        assertThat(wholeYear.months()).hasSize(12);
        assertAmount(wholeYear.totalIncome(), after.donations().toPlainString(), "the year's statement = the report");
        assertAmount(wholeYear.totalExpense(), after.expenses().toPlainString(), "the year's statement = the report");
        assertAmount(wholeYear.months().stream().map(FinancialStatements.MonthLine::donations)
                .reduce(BigDecimal.ZERO, BigDecimal::add), wholeYear.totalIncome().toPlainString(), "months add up");
        FinancialStatements.MonthLine thisMonth = wholeYear.months().get(today.getMonthValue() - 1);
        FinancialStatements.MonthLine thisMonthBefore = yearBefore.months().get(today.getMonthValue() - 1);
        assertAmount(thisMonth.donations().subtract(thisMonthBefore.donations()), "15800.50", "this month's row");
        assertAmount(thisMonth.expenses().subtract(thisMonthBefore.expenses()), "7000.00", "this month's row");

        // balances: the sub-fund holds what was left, and did not exist yesterday
        FinancialStatements.Balances balances = signedIn("cashier", me -> statements.balances(me, DEHUA, today));
        FinancialStatements.FundLine held = balances.funds().stream().filter(f -> f.fundId() == rewards.getId())
                .findFirst().orElseThrow();
        assertAmount(held.closing(), "5000.50", "the sub-fund's bank balance");
        assertAmount(held.income(), "12000.50", "the sub-fund's income to date");
        assertAmount(held.expense(), "7000.00", "the sub-fund's expense to date");
        assertAmount(balances.bank(), bankOfDehua(today).toPlainString(), "the bank balance of 德化");
        assertAmount(account(balances.accounts(), Account.BANK), balances.funds().stream()
                .map(FinancialStatements.FundLine::closing).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString(),
                "the bank account = the funds' balances");
        assertThat(signedIn("cashier", me -> statements.balances(me, DEHUA, today.minusDays(1))).funds())
                .noneMatch(f -> f.fundId() == rewards.getId());

        // the PDF and the workbook
        byte[] pdf = signedIn("leader", me -> files.annualReportPdf(me, DEHUA, year));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("财务报告", String.valueOf(year), "德化县见义勇为协会", enterprise, "¥12,000.50");
        }
        byte[] xlsx = signedIn("finance-reviewer", me -> files.annualReportXlsx(me, DEHUA, year));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("概况", "基金", "捐赠", "支出");
            Sheet funds = workbook.getSheet("基金");
            Row line = null;
            for (Row row : funds) {
                if (row.getCell(0) != null && rewards.getCode().equals(row.getCell(0).getStringCellValue())) {
                    line = row;
                }
            }
            assertThat(line).as("the sub-fund's line").isNotNull();
            assertThat(line.getCell(4).getNumericCellValue()).isEqualTo(12000.50);
            assertThat(line.getCell(6).getNumericCellValue()).isEqualTo(5000.50);
            assertThat(line.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Sheet summary = workbook.getSheet("概况");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("德化县见义勇为协会");
            assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(after.donations().doubleValue());
            assertThat(summary.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(after.closing().doubleValue());
        }

        // the paid order pairs with its approval, its entry and its justification
        PaymentReconciliation.Reconciliation reconciliation = signedIn("city-staff",
                me -> reconciliations.reconciliation(me, DEHUA, year));
        assertThat(reconciliation.paired()).anySatisfy(paired -> {
            assertThat(paired.orderId()).isEqualTo(order.getId());
            assertThat(paired.approvedBy()).isEqualTo("finance-reviewer");
            assertThat(paired.entryNumber()).isNotBlank();
            assertAmount(paired.amount(), "7000.00", "paired amount");
        });
        assertThat(reconciliation.discrepancies()).noneMatch(d -> order.getId().equals(d.orderId()));

        // orders marked paid behind the journal's back do not
        long noEntry = paidBehindTheJournal("MANUAL", null, "finance-reviewer", "补录：已线下支付");
        long noApprovalNoSource = paidBehindTheJournal("HONOURS", unique("HON"), null, null);
        PaymentReconciliation.Reconciliation found = signedIn("city-staff", me -> reconciliations.reconciliation(me, DEHUA, year));
        assertThat(found.discrepancies().stream().filter(d -> Long.valueOf(noEntry).equals(d.orderId()))
                .map(PaymentReconciliation.Discrepancy::kind)).containsExactly(PaymentReconciliation.DiscrepancyKind.NO_ENTRY);
        assertThat(found.discrepancies().stream().filter(d -> Long.valueOf(noApprovalNoSource).equals(d.orderId()))
                .map(PaymentReconciliation.Discrepancy::kind)).containsExactlyInAnyOrder(
                        PaymentReconciliation.DiscrepancyKind.NO_ENTRY, PaymentReconciliation.DiscrepancyKind.NO_APPROVAL,
                        PaymentReconciliation.DiscrepancyKind.NO_SOURCE);
        assertThat(found.paired()).noneMatch(p -> p.orderId() == noEntry || p.orderId() == noApprovalNoSource)
                .anyMatch(p -> p.orderId() == order.getId());
        assertThat(found.discrepancyCount()).isEqualTo(found.discrepancies().size());

        // the pairs a page at a time: each once, in the order paid, adding up to the count and sum of the whole
        List<Long> pairedIds = new java.util.ArrayList<>();
        BigDecimal pairedSum = BigDecimal.ZERO;
        LocalDate lastPaid = LocalDate.MIN;
        PaymentReconciliation.Reconciliation pageOf;
        int pageNumber = 0;
        do {
            int number = pageNumber++;
            pageOf = signedIn("city-staff", me -> reconciliations.reconciliation(me, DEHUA, year,
                    new org.yiyong.shared.PageRequest(number, 2)));
            assertThat(pageOf.paired()).hasSizeLessThanOrEqualTo(2);
            assertThat(pageOf.pairedCount()).isEqualTo(found.pairedCount());
            for (PaymentReconciliation.PairedPayment paired : pageOf.paired()) {
                assertThat(paired.paidOn()).isAfterOrEqualTo(lastPaid);
                lastPaid = paired.paidOn();
                pairedIds.add(paired.orderId());
                pairedSum = pairedSum.add(paired.amount());
            }
        } while (pageOf.hasNextPage());
        assertThat(pairedIds).doesNotHaveDuplicates().hasSize((int) found.pairedCount()).contains(order.getId());
        assertThat(pairedSum).isEqualByComparingTo(found.pairedAmount());

        // the same through the web: JSON, the page, the files
        String json = mvc.perform(get("/api/v1/funds/reports/reconciliation").param("region", DEHUA)
                        .param("year", String.valueOf(year)).with(as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(json, "$.discrepancies[?(@.orderId == " + noEntry + ")].kind"))
                .containsExactly("NO_ENTRY");
        assertThat(JsonPath.<List<Object>>read(json, "$.paired[?(@.orderId == " + order.getId() + ")]")).hasSize(1);
        assertThat(((Number) JsonPath.read(json, "$.pairedCount")).longValue()).isEqualTo(found.pairedCount());
        String annualJson = mvc.perform(get("/api/v1/funds/reports/annual").param("region", DEHUA)
                        .param("year", String.valueOf(year)).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(new BigDecimal(JsonPath.read(annualJson, "$.closing").toString()))
                .isEqualByComparingTo(after.closing());
        mvc.perform(get("/api/v1/funds/reports/balances").param("region", DEHUA).with(as("cashier")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/funds/reports/statement").param("region", DEHUA).param("month", "13")
                .with(as("cashier"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/funds/reports/annual").param("region", DEHUA).with(as("jinjiang-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        String page = mvc.perform(get("/funds/reports").param("region", DEHUA).param("year", String.valueOf(year))
                        .with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(order.getNumber(), "data-kind=\"NO_ENTRY\"", rewards.getName(), "¥5,000.50");
        mvc.perform(get("/funds/reports/annual.pdf").param("region", DEHUA).param("year", String.valueOf(year))
                        .with(as("city-staff")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''" + year + "%E5%B9%B4%E5%BA%A6%E8%B4%A2%E5%8A%A1%E6%8A%A5%E5%91%8A.pdf")));
        mvc.perform(get("/funds/reports/annual.xlsx").param("year", String.valueOf(year)).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));

        // a region outside the caller's scope is refused
        assertThatThrownBy(() -> signedIn("jinjiang-staff", me -> statements.annualReport(me, DEHUA, year)))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("region");
    }

    /** An order set to PAID straight in the database, without a journal entry. */
    private long paidBehindTheJournal(String source, String sourceRef, String approvedBy, String justification) {
        LocalDate today = LocalDate.now(clock);
        String number = unique("ZF-SQL");
        long fund = jdbc.sql("select id from fund where code = :code").param("code", "FUND-" + DEHUA)
                .query(Long.class).single();
        jdbc.sql("""
                insert into payment_order (number, fund_id, region_code, purpose, payee_name, amount, description,
                                           source, source_ref, justification, status, requested_by, requested_on,
                                           approved_by, approved_at, paid_on, bank_reference)
                values (:number, :fund, :region, 'OTHER', '林', 600.00, '补录', :source, :ref, :why, 'PAID',
                        'city-staff', :today, :approver, :approvedAt, :today, 'OFFLINE')""")
                .params(Map.of("number", number, "fund", fund, "region", DEHUA, "source", source, "today", today))
                .param("ref", sourceRef).param("why", justification).param("approver", approvedBy)
                .param("approvedAt", approvedBy == null ? null : java.time.OffsetDateTime.now(clock))
                .update();
        return jdbc.sql("select id from payment_order where number = :number").param("number", number)
                .query(Long.class).single();
    }
}

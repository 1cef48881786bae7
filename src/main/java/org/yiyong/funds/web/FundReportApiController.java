package org.yiyong.funds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.funds.internal.FinancialStatements;
import org.yiyong.funds.internal.PaymentReconciliation;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;

/**
 * The funds' reports as JSON: a {@code region} of the caller's scope narrows a report to that
 * association's funds, none covers every fund of the scope; a region outside the scope is a 400.
 */
@RestController
@RequestMapping(path = "/api/v1/funds/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "funds")
class FundReportApiController {

    private final FinancialStatements statements;
    private final PaymentReconciliation reconciliation;
    private final Clock clock;

    FundReportApiController(FinancialStatements statements, PaymentReconciliation reconciliation, Clock clock) {
        this.statements = statements;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @GetMapping("/balances")
    @Operation(summary = "Each fund's bank balance, cumulative income and expense, and each account, at the end of a day"
            + " (today by default)")
    FinancialStatements.Balances balances(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return statements.balances(me, region, asOf);
    }

    @GetMapping("/statement")
    @Operation(summary = "Income and expense statement (收支表) of a month, or of the year without a month,"
            + " with the year month by month")
    FinancialStatements.Statement statement(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month) {
        return statements.statement(me, region, yearOrThis(year), month);
    }

    @GetMapping("/annual")
    @Operation(summary = "The annual financial report (财务报告): opening, donations by kind of donor, expenses by"
            + " purpose, closing, each fund, the top 10 donors")
    FinancialStatements.AnnualReport annual(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year) {
        return statements.annualReport(me, region, yearOrThis(year));
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "The year's paid orders paired with their approval, journal entry and source decision"
            + " (a page of them by day paid, with their count and sum), and what does not pair (the first 1,000)")
    PaymentReconciliation.Reconciliation reconciliation(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reconciliation.reconciliation(me, region, yearOrThis(year),
                new PageRequest(page == null ? 0 : page, size == null ? PageRequest.MAX_SIZE : size));
    }

    private int yearOrThis(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }
}

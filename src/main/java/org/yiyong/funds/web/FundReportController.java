package org.yiyong.funds.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.funds.internal.AnnualReportFiles;
import org.yiyong.funds.internal.FinancialStatements;
import org.yiyong.funds.internal.PaymentReconciliation;
import org.yiyong.funds.internal.ReportFigures;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.Downloads;

/**
 * The funds' reports page: balances at a date, the statement of a month or a year, the reconciliation
 * of the year's payments with what does not pair highlighted, and the annual report as PDF or XLSX.
 */
@Controller
@RequestMapping("/funds/reports")
class FundReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FinancialStatements statements;
    private final PaymentReconciliation reconciliation;
    private final AnnualReportFiles files;
    private final Clock clock;

    FundReportController(FinancialStatements statements, PaymentReconciliation reconciliation,
            AnnualReportFiles files, Clock clock) {
        this.statements = statements;
        this.reconciliation = reconciliation;
        this.files = files;
        this.clock = clock;
    }

    /** the payments that pair shown a page at a time */
    private static final int PAIRED_PER_PAGE = 100;

    @GetMapping
    String page(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "0") int pairedPage, Model model) {
        LocalDate today = LocalDate.now(clock);
        String chosen = region == null || region.isBlank() ? null : region.trim();
        int reportYear = year == null ? today.getYear() : year;
        LocalDate day = asOf == null ? today : asOf;
        model.addAttribute("regions", statements.regions(me));
        model.addAttribute("region", chosen);
        model.addAttribute("year", reportYear);
        model.addAttribute("month", month);
        model.addAttribute("asOf", day);
        model.addAttribute("balances", statements.balances(me, chosen, day));
        model.addAttribute("statement", statements.statement(me, chosen, reportYear, month));
        model.addAttribute("reconciliation", reconciliation.reconciliation(me, chosen, reportYear,
                new PageRequest(pairedPage, PAIRED_PER_PAGE)));
        model.addAttribute("fmt", new ReportFigures());
        return "funds/reports";
    }

    /** 财务报告 as PDF, shown in the browser. */
    @GetMapping("/annual.pdf")
    ResponseEntity<byte[]> annualPdf(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year) {
        int reportYear = year == null ? LocalDate.now(clock).getYear() : year;
        byte[] pdf = files.annualReportPdf(me, region, reportYear);
        return Downloads.pdf(reportYear + "年度财务报告.pdf", pdf);
    }

    /** 财务报告 as a workbook, downloaded. */
    @GetMapping("/annual.xlsx")
    ResponseEntity<byte[]> annualXlsx(CurrentUser me, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year) {
        int reportYear = year == null ? LocalDate.now(clock).getYear() : year;
        byte[] xlsx = files.annualReportXlsx(me, region, reportYear);
        return Downloads.attachment(XLSX, reportYear + "年度财务报告.xlsx", xlsx);
    }
}

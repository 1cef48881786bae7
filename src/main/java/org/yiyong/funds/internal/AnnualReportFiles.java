package org.yiyong.funds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.funds.internal.FinancialStatements.AnnualReport;
import org.yiyong.identity.CurrentUser;

/**
 * The annual financial report (财务报告) as files: an A4 PDF and an XLSX workbook; each download is
 * audited.
 */
@Service
public class AnnualReportFiles {

    private final FinancialStatements statements;
    private final PdfDocuments documents;
    private final AuditTrail audit;
    private final Clock clock;

    AnnualReportFiles(FinancialStatements statements, PdfDocuments documents, AuditTrail audit, Clock clock) {
        this.statements = statements;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The annual report as an A4 PDF, tables in yuan (¥1,040,000.00), the summary in 万元. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public byte[] annualReportPdf(CurrentUser me, String region, int year) {
        AnnualReport report = statements.annualReport(me, region, year);
        Map<String, Object> variables = new HashMap<>();
        variables.put("report", report);
        variables.put("fmt", new ReportFigures());
        variables.put("preparedOn", PdfDocuments.officialDate(LocalDate.now(clock)));
        byte[] pdf = documents.render("funds/annual-report", variables);
        downloaded(report, "PDF");
        return pdf;
    }

    /** The annual report as a workbook: sheets 概况, 基金, 捐赠 and 支出, amounts as numbers. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public byte[] annualReportXlsx(CurrentUser me, String region, int year) {
        AnnualReport report = statements.annualReport(me, region, year);
        byte[] xlsx = FinancialReportWorkbook.of(report);
        downloaded(report, "XLSX");
        return xlsx;
    }

    private void downloaded(AnnualReport report, String format) {
        audit.recordEvent(AuditRecord.of(AuditAction.FILE_DOWNLOADED, "FinancialReport", report.year())
                .withDetail(format + " annual financial report " + report.year() + " of "
                        + (report.region() == null ? "the whole scope" : report.region())));
    }
}

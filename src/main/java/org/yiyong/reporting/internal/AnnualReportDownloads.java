package org.yiyong.reporting.internal;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.reporting.internal.AnnualReports.AnnualReport;

/**
 * The annual work report as files: a Word document in the shape of an official document, and an A4 PDF
 * with the Chinese font embedded; both hold every figure and every narrative, and each download is audited.
 */
@Service
public class AnnualReportDownloads {

    private final AnnualReports reports;
    private final PdfDocuments documents;

    AnnualReportDownloads(AnnualReports reports, PdfDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    /** A file of the report, with the name to save it under. */
    public record ReportFile(String filename, byte[] content) {
    }

    /** The report as .docx. */
    @PreAuthorize(AnnualReports.READ)
    public ReportFile docx(CurrentUser me, long id) {
        AnnualReport report = reports.get(me, id);
        byte[] docx = AnnualReportDocx.of(report);
        reports.downloaded(report, "DOCX");
        return new ReportFile(filename(report) + ".docx", docx);
    }

    /** The report as PDF. */
    @PreAuthorize(AnnualReports.READ)
    public ReportFile pdf(CurrentUser me, long id) {
        AnnualReport report = reports.get(me, id);
        byte[] pdf = documents.render("reporting/annual-report-pdf", Map.of("report", report,
                "documentNumber", AnnualReportDocx.documentNumber(report), "issuer", AnnualReportDocx.issuer(report),
                "date", AnnualReportDocx.date(report.issuedOn())));
        reports.downloaded(report, "PDF");
        return new ReportFile(filename(report) + ".pdf", pdf);
    }

    private static String filename(AnnualReport report) {
        return report.title() + (report.issued() ? "" : "（第" + report.draftNumber() + "稿）");
    }
}

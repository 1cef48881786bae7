package org.yiyong.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.reporting.internal.AnnualReportDownloads;
import org.yiyong.reporting.internal.AnnualReportDownloads.ReportFile;
import org.yiyong.reporting.internal.AnnualReports;
import org.yiyong.reporting.internal.AnnualReports.AnnualReport;
import org.yiyong.reporting.internal.AnnualReports.ReportSummary;
import org.yiyong.shared.RegionCode;
import org.yiyong.web.Downloads;

/** The annual work reports: begin a year's draft, write its narratives, issue it, and download it. */
@RestController
@RequestMapping("/api/v1/annual-reports")
@Tag(name = "annual reports")
class AnnualReportApiController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AnnualReports reports;
    private final AnnualReportDownloads files;

    AnnualReportApiController(AnnualReports reports, AnnualReportDownloads files) {
        this.reports = reports;
        this.files = files;
    }

    /** A year to begin, for a region (the caller's own when not given). */
    record CreateRequest(Integer year,
            @Schema(type = "string", pattern = "\\d{6}", example = "350582") RegionCode region) {
    }

    /** The narratives to save, by section key, at the version read. */
    record SectionsRequest(Long version, Map<String, String> narratives) {
    }

    /** The version read, for issuing. */
    record IssueRequest(Long version) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The reports of a region (the caller's own when not given), the latest year first")
    List<ReportSummary> list(CurrentUser me,
            @Parameter(schema = @Schema(type = "string", pattern = "\\d{6}")) @RequestParam(required = false)
            RegionCode region) {
        return reports.list(me, region);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Begin the draft report of a year for a region; 409 when it exists")
    ResponseEntity<AnnualReport> create(CurrentUser me, @RequestBody CreateRequest request) {
        AnnualReport report = reports.create(me, request.year(), request.region());
        return ResponseEntity.created(URI.create("/api/v1/annual-reports/" + report.id())).body(report);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A report with its sections: the generated sentences (from the statistics while a "
            + "draft, as issued afterwards) and the narratives")
    AnnualReport get(CurrentUser me, @PathVariable long id) {
        return reports.get(me, id);
    }

    @PutMapping(path = "/{id}/sections", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save the narratives of a draft (by section key) at the version read; counts a draft. "
            + "409 when the version is stale or the report is issued")
    AnnualReport sections(CurrentUser me, @PathVariable long id, @RequestBody SectionsRequest request) {
        return reports.save(me, id, request.version(), request.narratives());
    }

    @PostMapping(path = "/{id}/issue", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a draft at the version read: numbered and locked")
    AnnualReport issue(CurrentUser me, @PathVariable long id, @RequestBody IssueRequest request) {
        return reports.issue(me, id, request.version());
    }

    @GetMapping("/{id}/report.docx")
    @Operation(summary = "The report as a Word document (GB/T 9704 layout)")
    ResponseEntity<byte[]> docx(CurrentUser me, @PathVariable long id) {
        ReportFile file = files.docx(me, id);
        return Downloads.attachment(DOCX, file.filename(), file.content());
    }

    @GetMapping("/{id}/report.pdf")
    @Operation(summary = "The report as PDF with the Chinese font embedded")
    ResponseEntity<byte[]> pdf(CurrentUser me, @PathVariable long id) {
        ReportFile file = files.pdf(me, id);
        return Downloads.pdf(file.filename(), file.content());
    }
}

package org.yiyong.samaritans.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import org.yiyong.shared.PageRequest;
import org.yiyong.samaritans.internal.Disability;
import org.yiyong.samaritans.internal.DisabilityCase;
import org.yiyong.samaritans.internal.DisabilityStatus;
import org.yiyong.samaritans.internal.NewDisabilityApplication;
import org.yiyong.samaritans.internal.PensionPayment;
import org.yiyong.samaritans.internal.PensionRoll;
import org.yiyong.samaritans.internal.PensionStandard;
import org.yiyong.samaritans.internal.PensionStandards;
import org.yiyong.samaritans.internal.PensionStatus;

/**
 * Disability cases and the yearly pension of samaritans within the caller's data scope, and the
 * pension standards by year and grade.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "disability")
class DisabilityApiController {

    private final Disability disability;
    private final PensionStandards standards;

    private final PensionRoll roll;

    DisabilityApiController(Disability disability, PensionStandards standards, PensionRoll roll) {
        this.disability = disability;
        this.standards = standards;
        this.roll = roll;
    }

    @GetMapping("/pensions")
    @Operation(summary = "The year's disability pension lines in the caller's data scope (or one region of it), "
            + "optionally of one status, a page at a time by region and number, with the count of lines, the people, "
            + "the amount owed and the amount paid")
    PensionRoll.Roll pensionRoll(CurrentUser me, @RequestParam int year, @RequestParam(required = false) String region,
            @RequestParam(required = false) PensionStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return roll.of(me, year, region, status,
                new PageRequest(page == null ? 0 : page, size == null ? PageRequest.MAX_SIZE : size));
    }

    @GetMapping("/samaritans/{id}/disability-cases")
    @Operation(summary = "A samaritan's disability cases, latest first; 404 outside the data scope")
    List<CaseView> cases(CurrentUser me, @PathVariable long id) {
        return disability.cases(me, id).stream().map(DisabilityApiController::view).toList();
    }

    @GetMapping("/samaritans/{id}/disability-cases/{caseId}")
    @Operation(summary = "One disability case")
    CaseView disabilityCase(CurrentUser me, @PathVariable long id, @PathVariable long caseId) {
        return view(disability.getCase(me, id, caseId));
    }

    @PostMapping(path = "/samaritans/{id}/disability-cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an application for a disability grade (a re-assessment when a grade is approved); "
            + "more than 3 years after the injury it needs lateException")
    ResponseEntity<CaseView> apply(CurrentUser me, @PathVariable long id,
            @RequestBody NewDisabilityApplication request) {
        DisabilityCase created = disability.apply(me, id, request);
        return ResponseEntity.created(URI.create("/api/v1/samaritans/" + id + "/disability-cases/" + created.getId()))
                .body(view(created));
    }

    @PostMapping(path = "/samaritans/{id}/disability-cases/{caseId}/posting",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post the proposed grade publicly (公示) for at least 7 working days; without postingEnd, "
            + "the posting ends on the 7th working day")
    CaseView post(CurrentUser me, @PathVariable long id, @PathVariable long caseId,
            @RequestBody PostingRequest request) {
        return view(disability.post(me, id, caseId, request.grade(), request.postingStart(), request.postingEnd()));
    }

    @PostMapping(path = "/samaritans/{id}/disability-cases/{caseId}/approval",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the province's approval, after the posting, with the certificate number")
    CaseView approve(CurrentUser me, @PathVariable long id, @PathVariable long caseId,
            @RequestBody ApprovalRequest request) {
        return view(disability.approve(me, id, caseId, request.approvedOn(), request.approvedBy(),
                request.certificateNumber()));
    }

    @PostMapping(path = "/samaritans/{id}/disability-cases/{caseId}/rejection",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End a case under way without a grade, with the reason")
    CaseView reject(CurrentUser me, @PathVariable long id, @PathVariable long caseId,
            @RequestBody ReasonRequest request) {
        return view(disability.reject(me, id, caseId, request.reason()));
    }

    @GetMapping("/samaritans/{id}/pensions")
    @Operation(summary = "The yearly pension schedule of a disabled samaritan, latest year first")
    List<PensionView> pensions(CurrentUser me, @PathVariable long id) {
        return disability.pensions(me, id).stream().map(DisabilityApiController::view).toList();
    }

    @PostMapping(path = "/samaritans/{id}/pensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Generate the year's pension line (生成年度抚恤金计划) from the standard of the year and "
            + "grade: 201 when made, 200 with the line made before")
    ResponseEntity<PensionView> schedule(CurrentUser me, @PathVariable long id, @RequestBody ScheduleRequest request) {
        Disability.Scheduling scheduling = disability.schedule(me, id, request.year());
        PensionView body = view(scheduling.pension());
        if (!scheduling.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/samaritans/" + id + "/pensions")).body(body);
    }

    @PostMapping(path = "/samaritans/{id}/pensions/{year}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the paying department (退役军人事务局) paid the year's pension")
    PensionView paid(CurrentUser me, @PathVariable long id, @PathVariable int year,
            @RequestBody PaymentRequest request) {
        return view(disability.recordPayment(me, id, year, request.paidOn(), request.paidBy(), request.reference()));
    }

    @PostMapping(path = "/samaritans/{id}/pensions/{year}/stop", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the year's pension is not paid (停发), with the reason")
    PensionView stop(CurrentUser me, @PathVariable long id, @PathVariable int year,
            @RequestBody ReasonRequest request) {
        return view(disability.stopPension(me, id, year, request.reason()));
    }

    @GetMapping("/pension-standards")
    @Operation(summary = "The pension standards of a year, by grade")
    List<PensionStandard> standards(@RequestParam int year) {
        return standards.year(year);
    }

    @PutMapping(path = "/pension-standards/{year}/{grade}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the yearly amount of a grade in a year (city staff; audited)")
    PensionStandard setStandard(CurrentUser me, @PathVariable int year, @PathVariable int grade,
            @RequestBody StandardRequest request) {
        return standards.set(me, year, grade, request.annualAmount());
    }

    static CaseView view(DisabilityCase c) {
        return new CaseView(c.getId(), c.getSamaritanId(), c.getPreviousCaseId(), c.getStatus(), c.getInjuredOn(),
                c.getAppliedOn(), c.getLateException(), c.getGrade(), c.getPostingStart(), c.getPostingEnd(),
                c.getApprovedOn(), c.getApprovedBy(), c.getCertificateNumber(), c.getRejectedOn(),
                c.getRejectionReason(), c.reassessmentFrom());
    }

    static PensionView view(PensionPayment p) {
        return new PensionView(p.getId(), p.getPensionYear(), p.getGrade(), p.getMonths(),
                p.getAnnualAmount().amount(), p.getAmount().amount(), p.getStatus(), p.getPaidOn(), p.getPaidBy(),
                p.getPaymentReference(), p.getNote());
    }

    record CaseView(long id, long samaritanId,
            @Schema(description = "the approved case this one re-assesses") Long previousCaseId,
            DisabilityStatus status, LocalDate injuredOn, LocalDate appliedOn,
            @Schema(description = "why an application more than 3 years after the injury is accepted") String lateException,
            @Schema(description = "1 (most severe) to 10") Integer grade, LocalDate postingStart, LocalDate postingEnd,
            LocalDate approvedOn, @Schema(description = "e.g. 福建省退役军人事务厅") String approvedBy,
            @Schema(description = "number of the 中华人民共和国因公伤残人员证") String certificateNumber,
            LocalDate rejectedOn, String rejectionReason,
            @Schema(description = "the earliest day a re-assessment may be applied for") LocalDate reassessmentFrom) {
    }

    record PensionView(long id, int year, int grade,
            @Schema(description = "months of the year owed: fewer in the year of the first approval") int months,
            @Schema(description = "the standard of the year and grade, yuan") BigDecimal annualAmount,
            @Schema(description = "yuan, 2 decimals") BigDecimal amount, PensionStatus status, LocalDate paidOn,
            @Schema(description = "the paying department, e.g. 晋江市退役军人事务局") String paidBy, String reference,
            String note) {
    }

    record PostingRequest(Integer grade, LocalDate postingStart, LocalDate postingEnd) {
    }

    record ApprovalRequest(LocalDate approvedOn, String approvedBy, String certificateNumber) {
    }

    record ReasonRequest(String reason) {
    }

    record ScheduleRequest(Integer year) {
    }

    record PaymentRequest(LocalDate paidOn, String paidBy, String reference) {
    }

    record StandardRequest(BigDecimal annualAmount) {
    }
}

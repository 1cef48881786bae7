package org.yiyong.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.care.internal.StudentAid;
import org.yiyong.care.internal.StudentAidApplication;
import org.yiyong.care.internal.StudentAidRate;
import org.yiyong.care.internal.StudentAidRates;
import org.yiyong.care.internal.StudentAidYear;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SchoolStage;

/**
 * Student aid (助学) as JSON: the round of a school year (the children listed with stage and rate), the
 * applications from submission to payment, the rates per stage and year, and the cumulative statistics.
 */
@RestController
@Tag(name = "care")
class StudentAidApiController {

    private final StudentAid studentAid;
    private final StudentAidRates rates;

    StudentAidApiController(StudentAid studentAid, StudentAidRates rates) {
        this.studentAid = studentAid;
        this.rates = rates;
    }

    record RateView(long id, SchoolStage stage, String fromSchoolYear, LocalDate effectiveFrom, BigDecimal amount,
            String note, String recordedBy, Instant recordedAt) {
    }

    record ChildView(long relativeId, String name, long samaritanId, String samaritanName, String regionCode,
            String regionName, String school, SchoolStage stage, LocalDate schoolingEndsOn, BigDecimal rate,
            Long applicationId, StudentAidApplication.Status applicationStatus, BigDecimal applicationAmount) {
    }

    record RoundView(String schoolYear, LocalDate startsOn, LocalDate endsOn, List<RateView> rates,
            List<ChildView> children, long applied, long awaiting, long granted, BigDecimal grantedAmount) {
    }

    record ApplicationView(long id, String schoolYear, long samaritanId, long relativeId, String studentName,
            String school, SchoolStage stage, String hardship, String results, String payeeName,
            StudentAidApplication.Payer payer, BigDecimal amount, StudentAidApplication.Status status,
            String submittedBy, LocalDate submittedOn, String decidedBy, LocalDate decidedOn, String decisionDocument,
            String refusalReason, String paymentOrderNumber, LocalDate paidOn) {
    }

    record ApplicationRequest(Long relativeId, String schoolYear, String hardship, String results, String payeeName,
            StudentAidApplication.Payer payer) {
    }

    record ApprovalRequest(String decisionDocument) {
    }

    record ListApprovalRequest(List<Long> ids, String decisionDocument) {
    }

    record RefusalRequest(String reason) {
    }

    record ReceiptRequest(LocalDate receivedOn, BigDecimal amount) {
    }

    record RateRequest(SchoolStage stage, String schoolYear, BigDecimal amount, String note) {
    }

    record YearView(String schoolYear, long personTimes, BigDecimal amount, long paidPersonTimes,
            BigDecimal paidAmount) {
    }

    record PersonView(long relativeId, String name, long samaritanId, String samaritanName, long personTimes,
            BigDecimal amount, String firstSchoolYear, String lastSchoolYear) {
    }

    record StatisticsView(long personTimes, BigDecimal amount, long people, List<YearView> byYear,
            List<PersonView> byPerson) {
    }

    @GetMapping(path = "/api/v1/student-aid/rounds/{schoolYear}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The round of a school year (\"2026-2027\"): the children in school listed with stage, rate and application; a child past the end of schooling is not listed")
    RoundView round(CurrentUser me, @PathVariable String schoolYear) {
        StudentAid.Round round = studentAid.round(me, StudentAidYear.parse("schoolYear", schoolYear));
        return new RoundView(round.year().label(), round.year().startsOn(), round.year().endsOn(),
                round.rates().values().stream().map(StudentAidApiController::view).toList(),
                round.children().stream().map(c -> new ChildView(c.relativeId(), c.name(), c.samaritanId(),
                        c.samaritanName(), c.regionCode(), c.regionName(), c.school(), c.stage(), c.schoolingEndsOn(),
                        c.rate(), c.applicationId(), c.applicationStatus(), c.applicationAmount())).toList(),
                round.applied(), round.awaiting(), round.granted(), round.grantedAmount());
    }

    @GetMapping(path = "/api/v1/student-aid/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Applications in the caller's scope, optionally of a school year and a status")
    List<ApplicationView> applications(CurrentUser me, @RequestParam(required = false) String schoolYear,
            @RequestParam(required = false) StudentAidApplication.Status status) {
        StudentAidYear year = schoolYear == null || schoolYear.isBlank() ? null
                : StudentAidYear.parse("schoolYear", schoolYear);
        return studentAid.list(me, year, status).stream().map(StudentAidApiController::view).toList();
    }

    @PostMapping(path = "/api/v1/student-aid/applications", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an application for a child and school year, with hardship and results evidence; the amount is the rate of the child's stage for the year")
    ResponseEntity<ApplicationView> submit(CurrentUser me, @RequestBody ApplicationRequest request) {
        StudentAidApplication application = studentAid.submit(me, new StudentAid.NewApplication(request.relativeId(),
                request.schoolYear(), request.hardship(), request.results(), request.payeeName(), request.payer()));
        return ResponseEntity.created(URI.create("/api/v1/student-aid/applications/" + application.getId()))
                .body(view(application));
    }

    @GetMapping(path = "/api/v1/student-aid/applications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One application")
    ApplicationView application(CurrentUser me, @PathVariable long id) {
        return view(studentAid.get(me, id));
    }

    @PostMapping(path = "/api/v1/student-aid/applications/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve (city staff other than the recorder) at the rate of the year; asks the funds for a payment order")
    ApplicationView approve(CurrentUser me, @PathVariable long id, @RequestBody ApprovalRequest request) {
        return view(studentAid.approve(me, id, request.decisionDocument()));
    }

    @PostMapping(path = "/api/v1/student-aid/applications/{id}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record aid the province paid (payer PROVINCE, approved) as received: the day and the amount (default: the amount approved)")
    ApplicationView received(CurrentUser me, @PathVariable long id, @RequestBody ReceiptRequest request) {
        return view(studentAid.received(me, id, request.receivedOn(), request.amount()));
    }

    @PostMapping(path = "/api/v1/student-aid/applications/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve the round's list of applications by one decision, all or none")
    List<ApplicationView> approveAll(CurrentUser me, @RequestBody ListApprovalRequest request) {
        return studentAid.approveAll(me, request.ids(), request.decisionDocument()).stream()
                .map(StudentAidApiController::view).toList();
    }

    @PostMapping(path = "/api/v1/student-aid/applications/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refuse an application, with the reason")
    ApplicationView refuse(CurrentUser me, @PathVariable long id, @RequestBody RefusalRequest request) {
        return view(studentAid.refuse(me, id, request.reason()));
    }

    @GetMapping(path = "/api/v1/student-aid/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cumulative person-times and amounts approved, per school year and per person")
    StatisticsView statistics(CurrentUser me) {
        StudentAid.Statistics statistics = studentAid.statistics(me);
        return new StatisticsView(statistics.personTimes(), statistics.amount(), statistics.people(),
                statistics.byYear().stream().map(y -> new YearView(y.year().label(), y.personTimes(), y.amount(),
                        y.paidPersonTimes(), y.paidAmount())).toList(),
                statistics.byPerson().stream().map(p -> new PersonView(p.relativeId(), p.name(), p.samaritanId(),
                        p.samaritanName(), p.personTimes(), p.amount(), p.firstYear().label(), p.lastYear().label()))
                        .toList());
    }

    @GetMapping(path = "/api/v1/student-aid/rates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The rates in force for a school year (default: the current one), or every rate ever set with history=true")
    List<RateView> rates(CurrentUser me, @RequestParam(required = false) String schoolYear,
            @RequestParam(defaultValue = "false") boolean history) {
        if (history) {
            return rates.history().stream().map(StudentAidApiController::view).toList();
        }
        StudentAidYear year = schoolYear == null || schoolYear.isBlank() ? studentAid.currentYear()
                : StudentAidYear.parse("schoolYear", schoolYear);
        return rates.inForce(year).values().stream().map(StudentAidApiController::view).toList();
    }

    @PostMapping(path = "/api/v1/student-aid/rates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the rate of a stage from a school year on (city staff); earlier years keep theirs")
    ResponseEntity<RateView> setRate(CurrentUser me, @RequestBody RateRequest request) {
        StudentAidRate rate = rates.set(me, request.stage(), request.schoolYear() == null ? null
                : StudentAidYear.parse("schoolYear", request.schoolYear()), request.amount(), request.note());
        return ResponseEntity.status(201).body(view(rate));
    }

    static RateView view(StudentAidRate rate) {
        return new RateView(rate.id(), rate.stage(), rate.fromYear().label(), rate.effectiveFrom(), rate.amount(),
                rate.note(), rate.recordedBy(), rate.recordedAt());
    }

    static ApplicationView view(StudentAidApplication a) {
        return new ApplicationView(a.getId(), a.getSchoolYearLabel(), a.getSamaritanId(), a.getRelativeId(),
                a.getStudentName(), a.getSchool(), a.getStage(), a.getHardship(), a.getResults(), a.getPayeeName(),
                a.getPayer(), Yuan.of(a.getAmount()), a.getStatus(), a.getSubmittedBy(), a.getSubmittedOn(),
                a.getDecidedBy(), a.getDecidedOn(), a.getDecisionDocument(), a.getRefusalReason(),
                a.getPaymentOrderNumber(), a.getPaidOn());
    }
}

package org.yiyong.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.care.internal.Assistance;
import org.yiyong.care.internal.AssistanceCase;
import org.yiyong.care.internal.HouseholdCategory;
import org.yiyong.care.internal.Visit;
import org.yiyong.care.internal.VisitRecords;
import org.yiyong.care.internal.VisitSchedule;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * Visits and assistance cases as JSON. Photos of a visit are attached with
 * {@code POST /api/v1/attachments} (ownerType {@code Visit}).
 */
@RestController
@Tag(name = "care")
class VisitApiController {

    private final VisitSchedule schedule;
    private final VisitRecords records;
    private final Assistance assistance;

    VisitApiController(VisitSchedule schedule, VisitRecords records, Assistance assistance) {
        this.schedule = schedule;
        this.records = records;
        this.assistance = assistance;
    }

    @GetMapping(path = "/api/v1/visits", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The visit schedule in the caller's scope, soonest first, a page at a time: overdue, due"
            + " within a month, or all; optionally of a name or record number (q, a part of either)")
    PageResult<VisitSchedule.Due> schedule(CurrentUser me, @RequestParam(defaultValue = "ALL") VisitSchedule.Filter filter,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return schedule.page(me, filter, q, PageRequest.of(page, size));
    }

    @GetMapping(path = "/api/v1/visits/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Months between visits for each household category")
    Map<HouseholdCategory, Integer> policies() {
        return schedule.policies();
    }

    @PutMapping(path = "/api/v1/visits/policies/{category}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change how often households of a category are visited (city staff)")
    Map<HouseholdCategory, Integer> setPolicy(CurrentUser me, @PathVariable HouseholdCategory category,
            @RequestBody PolicyRequest request) {
        return schedule.setPolicy(me, category, request.intervalMonths());
    }

    @PostMapping(path = "/api/v1/visits/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Name the work station (or association) of the county that looks after a household")
    ResponseEntity<Void> assign(CurrentUser me, @RequestBody AssignmentRequest request) {
        schedule.assign(me, request.samaritanId() == null ? -1 : request.samaritanId(), request.organizationId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/visits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a visit; each problem found opens an assistance case")
    ResponseEntity<VisitView> record(CurrentUser me, @RequestBody VisitRequest request) {
        Visit visit = records.record(me, new VisitRecords.NewVisit(request.samaritanId() == null ? -1
                : request.samaritanId(), request.visitedOn(), request.visitors(), request.met(),
                request.livingConditions(), Boolean.TRUE.equals(request.hardship()),
                request.problems() == null ? List.of() : request.problems()), List.of());
        return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.getId())).body(view(visit));
    }

    @GetMapping(path = "/api/v1/visits/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One visit with the cases it opened")
    VisitView visit(CurrentUser me, @PathVariable long id) {
        return view(records.get(me, id));
    }

    @GetMapping(path = "/api/v1/assistance-cases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assistance cases in the caller's scope, newest first (open only by default)")
    PageResult<Assistance.Line> cases(CurrentUser me, @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return assistance.list(me, open, PageRequest.of(page, size));
    }

    @PostMapping(path = "/api/v1/assistance-cases", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open an assistance case for a household")
    ResponseEntity<CaseView> open(CurrentUser me, @RequestBody CaseRequest request) {
        AssistanceCase c = assistance.open(me, request.samaritanId() == null ? -1 : request.samaritanId(), null,
                request.kind(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/assistance-cases/" + c.getId())).body(view(c));
    }

    @GetMapping(path = "/api/v1/assistance-cases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One assistance case with its notes")
    CaseView assistanceCase(CurrentUser me, @PathVariable long id) {
        return view(assistance.get(me, id));
    }

    @PostMapping(path = "/api/v1/assistance-cases/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a step taken")
    CaseView note(CurrentUser me, @PathVariable long id, @RequestBody NoteRequest request) {
        return view(assistance.note(me, id, request.note()));
    }

    @PostMapping(path = "/api/v1/assistance-cases/{id}/grant", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask the funds to pay a hardship grant (a HARDSHIP_GRANT case, once)")
    CaseView grant(CurrentUser me, @PathVariable long id, @RequestBody GrantRequest request) {
        return view(assistance.requestGrant(me, id, request.amount(), request.decisionDocument()));
    }

    @PostMapping(path = "/api/v1/assistance-cases/{id}/solution", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The problem is solved: how")
    CaseView solve(CurrentUser me, @PathVariable long id, @RequestBody OutcomeRequest request) {
        return view(assistance.solve(me, id, request.outcome()));
    }

    @PostMapping(path = "/api/v1/assistance-cases/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close without a solution, with the reason")
    CaseView close(CurrentUser me, @PathVariable long id, @RequestBody OutcomeRequest request) {
        return view(assistance.close(me, id, request.outcome()));
    }

    private static VisitView view(Visit v) {
        return new VisitView(v.getId(), v.getSamaritanId(), v.getRegionCode(), v.getVisitedOn(), v.getVisitors(),
                v.getMet(), v.getLivingConditions(), v.isHardship(), v.getProblems(), v.getRecordedBy());
    }

    private static CaseView view(AssistanceCase c) {
        return new CaseView(c.getId(), c.getNumber(), c.getSamaritanId(), c.getVisitId(), c.getKind(),
                c.getDescription(), c.getStatus(), c.getOpenedOn(), c.getOpenedBy(), Yuan.of(c.getGrantAmount()),
                c.getGrantPaidOn(), c.getClosedOn(), c.getOutcome(), c.getNotes().stream()
                        .map(n -> new CaseView.Note(n.getNotedOn(), n.getNote(), n.getNotedBy())).toList());
    }

    record VisitView(long id, long samaritanId, String regionCode, LocalDate visitedOn, String visitors, String met,
            String livingConditions, boolean hardship, String problems, String recordedBy) {
    }

    record CaseView(long id, String number, long samaritanId, Long visitId, AssistanceCase.Kind kind,
            String description, AssistanceCase.Status status, LocalDate openedOn, String openedBy,
            BigDecimal grantAmount, LocalDate grantPaidOn, LocalDate closedOn, String outcome, List<Note> notes) {

        record Note(LocalDate notedOn, String note, String notedBy) {
        }
    }

    record PolicyRequest(Integer intervalMonths) {
    }

    record AssignmentRequest(Long samaritanId, Long organizationId) {
    }

    record VisitRequest(Long samaritanId, LocalDate visitedOn, String visitors, String met, String livingConditions,
            Boolean hardship, List<VisitRecords.Problem> problems) {
    }

    record CaseRequest(Long samaritanId, AssistanceCase.Kind kind, String description) {
    }

    record NoteRequest(String note) {
    }

    record GrantRequest(BigDecimal amount, String decisionDocument) {
    }

    record OutcomeRequest(String outcome) {
    }
}

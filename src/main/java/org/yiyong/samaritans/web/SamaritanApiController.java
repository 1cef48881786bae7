package org.yiyong.samaritans.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.Resource;
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
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.samaritans.internal.EndCondition;
import org.yiyong.samaritans.internal.EntitlementKind;
import org.yiyong.samaritans.internal.Family;
import org.yiyong.samaritans.internal.NewRelative;
import org.yiyong.samaritans.internal.NewSamaritan;
import org.yiyong.samaritans.internal.RegistryExport;
import org.yiyong.samaritans.internal.Relative;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.samaritans.internal.SamaritanFilter;
import org.yiyong.samaritans.internal.SamaritanSummary;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** The registry of samaritans within the caller's data scope; protected numbers always masked. */
@RestController
@RequestMapping(path = "/api/v1/samaritans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "samaritans")
class SamaritanApiController {

    private final SamaritanRegistry registry;
    private final Family family;
    private final RegistryExport export;

    SamaritanApiController(SamaritanRegistry registry, Family family, RegistryExport export) {
        this.export = export;
        this.registry = registry;
        this.family = family;
    }

    @GetMapping
    @Operation(summary = "Samaritans in the caller's data scope; q is a name, a registry number or a whole ID number")
    PageResult<SamaritanSummary> list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) SamaritanStatus status, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Boolean lostContact, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return registry.search(me.scope(), new SamaritanFilter(q, status, regionCode, lostContact),
                PageRequest.of(page, size));
    }

    @GetMapping(path = "/export", produces = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "The registry in the caller's scope as XLSX or CSV, numbers and phones masked")
    ResponseEntity<Resource> export(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) SamaritanStatus status, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Boolean lostContact,
            @RequestParam(defaultValue = "XLSX") RegistryExport.Format format) {
        return SamaritanController.file(format, export.export(me, new SamaritanFilter(q, status, regionCode,
                lostContact), format, false, null));
    }

    @PostMapping(path = "/export", consumes = MediaType.APPLICATION_JSON_VALUE, produces = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The registry with numbers in full, for a stated reason (audited)")
    ResponseEntity<Resource> exportUnmasked(CurrentUser me, @RequestBody UnmaskedExportRequest request) {
        RegistryExport.Format format = request.format() == null ? RegistryExport.Format.XLSX : request.format();
        return SamaritanController.file(format, export.export(me, new SamaritanFilter(request.q(), request.status(),
                request.regionCode(), request.lostContact()), format, true, request.reason()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One samaritan with deeds, family, entitlements and timeline; 404 outside the data scope")
    SamaritanView get(CurrentUser me, @PathVariable long id) {
        return view(registry.get(me, id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enter a person from the records kept before Yiyong (needs the source document)")
    ResponseEntity<SamaritanView> register(CurrentUser me, @RequestBody NewSamaritan request) {
        Samaritan samaritan = registry.register(me, request);
        return ResponseEntity.created(URI.create("/api/v1/samaritans/" + samaritan.getId())).body(view(samaritan));
    }

    @PutMapping(path = "/{id}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contact details, address, household registration, employer")
    SamaritanView contact(CurrentUser me, @PathVariable long id, @RequestBody ContactRequest request) {
        return view(registry.updateContact(me, id, request.phone(), request.address(),
                request.householdRegistration(), request.employer()));
    }

    @PutMapping(path = "/{id}/bank-account", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The account payments go to; stored encrypted, answered masked")
    SamaritanView bankAccount(CurrentUser me, @PathVariable long id, @RequestBody BankAccountRequest request) {
        return view(registry.updateBankAccount(me, id, request.bankName(), request.accountNumber()));
    }

    @PostMapping(path = "/{id}/lost-contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark the person as lost contact (失联)")
    SamaritanView loseContact(CurrentUser me, @PathVariable long id, @RequestBody NoteRequest request) {
        return view(registry.loseContact(me, id, request.note()));
    }

    @PostMapping(path = "/{id}/tracings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an attempt to find a lost-contact person (寻找失联); found clears the flag")
    SamaritanView trace(CurrentUser me, @PathVariable long id, @RequestBody TracingRequest request) {
        return view(registry.trace(me, id, request.tracedOn(), request.note(), Boolean.TRUE.equals(request.found())));
    }

    @PostMapping(path = "/{id}/unmasked", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Show a resident ID or bank account number in full, for a stated reason (audited)")
    UnmaskedView unmask(CurrentUser me, @PathVariable long id, @RequestBody UnmaskRequest request) {
        return new UnmaskedView(request.field(), registry.unmask(me, id, request.field(), request.reason()));
    }

    @GetMapping("/{id}/family")
    @Operation(summary = "The family with each relative's entitlements")
    List<SamaritanView.RelativeView> familyOf(CurrentUser me, @PathVariable long id) {
        return view(registry.get(me, id)).family();
    }

    @PostMapping(path = "/{id}/family", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a relative; the birth date comes from the ID number when given")
    ResponseEntity<SamaritanView> addRelative(CurrentUser me, @PathVariable long id, @RequestBody NewRelative request) {
        family.add(me, id, request);
        return ResponseEntity.status(201).body(view(registry.get(me, id)));
    }

    @PutMapping(path = "/{id}/family/{relativeId}/schooling", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A child's school, stage and the recorded end of schooling")
    SamaritanView schooling(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestBody SchoolingRequest request) {
        return view(family.schooling(me, id, relativeId, request.school(), request.stage(),
                request.schoolingEndsOn()));
    }

    @PostMapping(path = "/{id}/family/{relativeId}/remarriage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A surviving spouse remarried; entitlements that end on remarriage end that day")
    SamaritanView remarried(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestBody DayRequest request) {
        return view(family.remarried(me, id, relativeId, request.on()));
    }

    @PostMapping(path = "/{id}/family/{relativeId}/death", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A relative died; all their entitlements end that day")
    SamaritanView died(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestBody DayRequest request) {
        return view(family.died(me, id, relativeId, request.on()));
    }

    @PostMapping(path = "/{id}/family/{relativeId}/entitlements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Grant an entitlement from a day on, until its end condition")
    SamaritanView entitle(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestBody EntitlementRequest request) {
        return view(family.entitle(me, id, relativeId, request.kind(), request.startedOn(), request.endCondition()));
    }

    static SamaritanView view(Samaritan s) {
        return new SamaritanView(s.getId(), s.getNumber(), s.getRegionCode(), s.getName(), s.getGender() == null ? null
                : s.getGender().name(), s.getBirthDate(), s.getResidentIdMasked(), s.getBankName(),
                s.getBankAccountMasked(), s.getPhone(), s.getAddress(), s.getHouseholdRegistration(), s.getEmployer(),
                s.getStatus(), s.getDeathKind() == null ? null : s.getDeathKind().name(), s.getDiedOn(),
                s.isLostContact(), s.getSource().name(), s.getSourceDocument(),
                s.getDeeds().stream().map(d -> new SamaritanView.DeedView(d.getDeedId(), d.getDeedNumber(),
                        d.getCategory(), d.getOccurredOn(), d.getHarm(), d.getConfirmedOn(), d.getDecisionNumber()))
                        .toList(),
                s.getFamily().stream().map(SamaritanApiController::relative).toList(),
                s.getTracings().stream().map(t -> new SamaritanView.TracingView(t.getTracedOn(), t.getNote(),
                        t.isFound(), t.getRecordedBy())).toList(),
                s.getEvents().stream().map(e -> new SamaritanView.Step(e.getOccurredAt(), e.getActor(), e.getKind(),
                        e.getDetail())).toList());
    }

    private static SamaritanView.RelativeView relative(Relative r) {
        return new SamaritanView.RelativeView(r.getId(), r.getRelation(), r.getName(), r.getResidentIdMasked(),
                r.getBirthDate(), r.getPhone(), r.getSchool(), r.getStage(), r.getSchoolingEndsOn(), r.getRemarriedOn(),
                r.getDiedOn(), r.getEntitlements().stream().map(e -> new SamaritanView.EntitlementView(e.getId(),
                        e.getKind(), e.getStartedOn(), e.getEndCondition(), e.isActive(), e.getEndedOn(),
                        e.getEndReason())).toList());
    }

    record SamaritanView(long id, String number, String regionCode, String name, String gender, LocalDate birthDate,
            @Schema(description = "masked, e.g. 350582********1234") String residentIdMasked, String bankName,
            @Schema(description = "masked, e.g. 6222 **** **** 0123") String bankAccountMasked, String phone,
            String address, String householdRegistration, String employer, SamaritanStatus status, String deathKind,
            LocalDate diedOn, boolean lostContact, String source, String sourceDocument, List<DeedView> deeds,
            List<RelativeView> family, List<TracingView> tracings, List<Step> timeline) {

        record DeedView(long deedId, String deedNumber, String category, LocalDate occurredOn, String harm,
                LocalDate confirmedOn, String decisionNumber) {
        }

        record RelativeView(long id, Relation relation, String name, String residentIdMasked, LocalDate birthDate,
                String phone, String school, SchoolStage stage, LocalDate schoolingEndsOn, LocalDate remarriedOn,
                LocalDate diedOn, List<EntitlementView> entitlements) {
        }

        record EntitlementView(long id, EntitlementKind kind, LocalDate startedOn, EndCondition endCondition,
                boolean active, LocalDate endedOn,
                @Schema(description = "the condition met (AGE_18, END_OF_SCHOOLING, REMARRIAGE, DEATH)") String endReason) {
        }

        record TracingView(LocalDate tracedOn, String note, boolean found, String recordedBy) {
        }

        record Step(Instant at, String actor, String kind, String detail) {
        }
    }

    record UnmaskedExportRequest(String q, SamaritanStatus status, String regionCode, Boolean lostContact,
            RegistryExport.Format format, String reason) {
    }

    record ContactRequest(String phone, String address, String householdRegistration, String employer) {
    }

    record BankAccountRequest(String bankName, String accountNumber) {
    }

    record NoteRequest(String note) {
    }

    record TracingRequest(LocalDate tracedOn, String note, Boolean found) {
    }

    record UnmaskRequest(SamaritanRegistry.SensitiveField field, String reason) {
    }

    record UnmaskedView(SamaritanRegistry.SensitiveField field, String value) {
    }

    record SchoolingRequest(String school, SchoolStage stage, LocalDate schoolingEndsOn) {
    }

    record DayRequest(LocalDate on) {
    }

    record EntitlementRequest(EntitlementKind kind, LocalDate startedOn, EndCondition endCondition) {
    }
}

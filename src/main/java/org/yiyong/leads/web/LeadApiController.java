package org.yiyong.leads.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.NewDeed;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.leads.LeadQueries;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.LeadAcceptance;
import org.yiyong.leads.internal.LeadFilter;
import org.yiyong.leads.internal.LeadStatus;
import org.yiyong.leads.internal.LeadSummary;
import org.yiyong.leads.internal.LeadTriage;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** Leads in the caller's data scope, and their triage. */
@RestController
@RequestMapping(path = "/api/v1/leads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "leads")
class LeadApiController {

    private final LeadTriage triage;
    private final LeadQueries queries;
    private final Attachments attachments;

    LeadApiController(LeadTriage triage, LeadQueries queries, Attachments attachments) {
        this.triage = triage;
        this.queries = queries;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "Leads in the caller's data scope, newest first, paginated")
    PageResult<LeadSummary> list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) LeadStatus status, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.search(me.scope(), new LeadFilter(q, status, regionCode), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead with the reporter's contact and files; 404 outside the data scope")
    LeadView get(CurrentUser me, @PathVariable long id) {
        return view(me, triage.get(me, id));
    }

    @PostMapping(path = "/{id}/take-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark a new lead as being checked (处理中)")
    LeadView takeUp(CurrentUser me, @PathVariable long id) {
        return view(me, triage.takeUp(me, id));
    }

    @PostMapping(path = "/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take the lead up as a new deed (source PUBLIC_LEAD); 409 lists possible duplicates, "
            + "or says the lead was decided on already")
    LeadView accept(CurrentUser me, @PathVariable long id, @RequestBody AcceptanceRequest request) {
        return view(me, triage.accept(me, id, request.toAcceptance()));
    }

    @PostMapping(path = "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Merge the lead into a deed on file, by its number; the deed's timeline records it")
    LeadView merge(CurrentUser me, @PathVariable long id, @RequestBody MergeRequest request) {
        return view(me, triage.merge(me, id, request.deedNumber()));
    }

    @PostMapping(path = "/{id}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Do not take the lead up (不予采纳), with the reason the reporter sees")
    LeadView reject(CurrentUser me, @PathVariable long id, @RequestBody RejectionRequest request) {
        return view(me, triage.reject(me, id, request.reason()));
    }

    private LeadView view(CurrentUser me, Lead lead) {
        return new LeadView(lead.getId(), lead.getTrackingCode(), lead.getStatus(), lead.getRegionCode(),
                lead.getOccurredOn(), lead.getOccurredTime(), lead.getAddress(), lead.getNarrative(),
                lead.getPeopleInvolved(), lead.getReporterName(), lead.getReporterPhone(), lead.getReceivedAt(),
                lead.getHandledBy(), lead.getHandledAt(), lead.getDeedId(), lead.getDeedNumber(),
                lead.getRejectionReason(), attachments.list(me, LeadTriage.ENTITY, lead.getId()));
    }

    record LeadView(long id, String trackingCode, LeadStatus status, String regionCode, LocalDate occurredOn,
            LocalTime occurredTime, String address, String narrative, String peopleInvolved, String reporterName,
            String reporterPhone, Instant receivedAt, String handledBy, Instant handledAt, Long deedId,
            String deedNumber, String rejectionReason,
            @Schema(description = "download each from /api/v1/attachments/{id}/content") List<Attachment> attachments) {
    }

    record AcceptanceRequest(DeedCategory category, String title, LocalDateTime occurredAt, String address,
            String narrative, List<PersonRequest> participants,
            @Schema(description = "true once possible duplicates were checked; false when left out") Boolean notADuplicate) {

        LeadAcceptance toAcceptance() {
            return new LeadAcceptance(category, title, occurredAt, address, narrative,
                    participants == null ? List.of() : participants.stream()
                            .filter(java.util.Objects::nonNull)
                            .map(p -> new NewDeed.NewParticipant(p.role(), p.name(), p.residentId(), p.phone(),
                                    p.harm() == null ? Harm.NONE : p.harm(), Boolean.TRUE.equals(p.smsConsent())))
                            .toList(),
                    Boolean.TRUE.equals(notADuplicate));
        }
    }

    record PersonRequest(ParticipantRole role, String name, String residentId, String phone, Harm harm,
            Boolean smsConsent) {
    }

    record MergeRequest(String deedNumber) {
    }

    record RejectionRequest(String reason) {
    }
}

package org.yiyong.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.yiyong.care.internal.Campaign;
import org.yiyong.care.internal.CampaignLine;
import org.yiyong.care.internal.CampaignCommands;
import org.yiyong.care.internal.CampaignRoster;
import org.yiyong.care.internal.CondolenceCategory;
import org.yiyong.care.internal.CondolenceStandard;
import org.yiyong.care.internal.CondolenceStandards;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.PageRequest;

/**
 * Festival condolence campaigns as JSON: the roster built by rule with every exclusion's reason, changes by
 * hand with reasons, conduct checks, four-eyes approval and the payment batch (one payment request per
 * included person, never twice), and the condolence standard by category and date.
 */
@RestController
@Tag(name = "care")
class CampaignApiController {

    private final CampaignRoster roster;
    private final CampaignCommands commands;
    private final CondolenceStandards standards;

    CampaignApiController(CampaignRoster roster, CampaignCommands commands, CondolenceStandards standards) {
        this.roster = roster;
        this.commands = commands;
        this.standards = standards;
    }

    @GetMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Condolence campaigns in the caller's scope, newest first, with the sums of their rosters")
    List<CampaignView> list(CurrentUser me) {
        return roster.list(me).stream().map(CampaignApiController::view).toList();
    }

    @PostMapping(path = "/api/v1/campaigns", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a campaign for the city or one county; its roster is built from the registry by rule")
    ResponseEntity<CampaignView> create(CurrentUser me, @RequestBody CampaignCommands.NewCampaign request) {
        Campaign campaign = commands.create(me, request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.getId()))
                .body(view(roster.summary(me, campaign.getId())));
    }

    @GetMapping(path = "/api/v1/campaigns/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One campaign with its sums; 404 outside the data scope")
    CampaignView get(CurrentUser me, @PathVariable long id) {
        return view(roster.summary(me, id));
    }

    @GetMapping(path = "/api/v1/campaigns/{id}/lines", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The roster a page at a time: every person of the region, included or left out with the"
            + " reason; optionally of one status, or only those awaiting a check of recent good conduct (check=true)")
    PageResult<LineView> lines(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) CampaignLine.Status status,
            @RequestParam(defaultValue = "false") boolean check, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return roster.page(me, id, status == null ? List.of() : List.of(status), check, PageRequest.of(page, size))
                .map(CampaignApiController::view);
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/refresh", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add the people registered since the draft roster was built (no one is added twice)")
    CampaignView refresh(CurrentUser me, @PathVariable long id) {
        commands.refresh(me, id);
        return view(roster.summary(me, id));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/lines", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put a person on the draft roster by hand, with the reason; 409 when already on it")
    ResponseEntity<LineView> add(CurrentUser me, @PathVariable long id, @RequestBody CampaignCommands.NewLine request) {
        CampaignLine line = commands.addPerson(me, id, request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/lines")).body(view(line));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/lines/{lineId}/removal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take a person off the draft roster, with the reason")
    LineView remove(CurrentUser me, @PathVariable long id, @PathVariable long lineId,
            @RequestBody ReasonRequest request) {
        return view(commands.removeLine(me, id, lineId, request.reason()));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/lines/{lineId}/conduct-check",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the check of recent good conduct (近期表现核实) of a person who had lost contact")
    LineView checkConduct(CurrentUser me, @PathVariable long id, @PathVariable long lineId,
            @RequestBody ConductCheckRequest request) {
        return view(commands.checkConduct(me, id, lineId, request.checkedOn(), request.note(), request.good()));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/submission", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit the roster for approval")
    CampaignView submit(CurrentUser me, @PathVariable long id) {
        commands.submit(me, id);
        return view(roster.summary(me, id));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve under a decision document (staff who neither built nor submitted the roster)")
    CampaignView approve(CurrentUser me, @PathVariable long id, @RequestBody ApprovalRequest request) {
        commands.approve(me, id, request.documentNumber());
        return view(roster.summary(me, id));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a submitted roster back for changes, with the reason")
    CampaignView returnToDraft(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        commands.returnToDraft(me, id, request.reason());
        return view(roster.summary(me, id));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a campaign not yet approved, with the reason")
    CampaignView cancel(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        commands.cancel(me, id, request.reason());
        return view(roster.summary(me, id));
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/payment-batch", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send the approved roster to the funds: one payment request per included person, in one "
            + "transaction; running it again sends nothing twice; 409 while a conduct check is missing")
    SendView send(CurrentUser me, @PathVariable long id) {
        CampaignCommands.SendResult result = commands.send(me, id);
        return new SendView(result.sent(), Yuan.of(result.amount()), result.alreadySent(),
                view(roster.summary(me, id)));
    }

    @GetMapping(path = "/api/v1/campaigns/standards", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The condolence standard: each category's amount by effective date")
    List<CondolenceStandard> standards() {
        return standards.all();
    }

    @PostMapping(path = "/api/v1/campaigns/standards", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A category's new amount from a day on (city staff)")
    ResponseEntity<CondolenceStandard> addStandard(CurrentUser me, @RequestBody StandardRequest request) {
        return ResponseEntity.status(201).body(standards.add(me, request.category(), request.effectiveFrom(),
                request.amount(), request.note()));
    }

    static CampaignView view(CampaignRoster.CampaignSummary s) {
        Campaign c = s.campaign();
        return new CampaignView(c.getId(), c.getName(), c.getFestival(), c.getCampaignYear(), c.getRegionCode(),
                s.regionName(), c.getReferenceDate(), c.getStatus(), c.getDocumentNumber(), c.getCreatedBy(),
                c.getCreatedAt(), c.getSubmittedBy(), c.getApprovedBy(), c.getApprovedAt(), c.getSentBy(), c.getSentAt(),
                c.getReturnedReason(), c.getCancelReason(), s.people(), s.included(), s.excluded(), s.removed(),
                s.sent(), s.paid(), s.amount(), s.awaitingCheck(), Yuan.of(c.getProvinceAmount()));
    }

    static LineView view(CampaignLine l) {
        return new LineView(l.getId(), l.getSamaritanId(), l.getName(), l.getRegionCode(), l.getStatus(),
                l.getCategory(), Yuan.of(l.getAmount()), l.getReasonCode(), l.getReasonText(), l.isManual(),
                l.getDecidedBy(),
                l.getPayeeName(), l.getPayeeRelation(), l.isConductCheckRequired(), l.getConductCheckedOn(),
                l.getConductCheckedBy(), l.getConductNote(), l.getConductGood(), l.getSentAt(), l.getPaidOn(),
                l.getOrderNumber());
    }

    record CampaignView(long id, String name, Campaign.Festival festival, int year, String regionCode,
            String regionName, @Schema(description = "the festival day the roster is judged on") LocalDate festivalDate,
            Campaign.Status status, String documentNumber, String createdBy, Instant createdAt, String submittedBy,
            String approvedBy, Instant approvedAt, String sentBy, Instant sentAt, String returnedReason,
            String cancelReason, @Schema(description = "included, sent or paid") long people, long included,
            long excluded, long removed, long sent, long paid, BigDecimal amount,
            @Schema(description = "lines waiting for a check of recent good conduct") long awaitingConductCheck,
            @Schema(description = "a campaign of the province's foundation: the amount each person got from the province (recorded as received, not paid by our funds); null for the association's own") BigDecimal provinceAmount) {
    }

    record LineView(long id, long samaritanId, String name, String regionCode, CampaignLine.Status status,
            CondolenceCategory category, BigDecimal amount, CampaignLine.Reason reason, String reasonText,
            boolean manual, String decidedBy, String payeeName,
            @Schema(description = "SPOUSE, PARENT or CHILD when a survivor receives it for the household")
            String payeeRelation, boolean conductCheckRequired, LocalDate conductCheckedOn, String conductCheckedBy,
            String conductNote, Boolean conductGood, Instant sentAt, LocalDate paidOn, String orderNumber) {
    }

    record SendView(int sent, BigDecimal amount, int alreadySent, CampaignView campaign) {
    }

    record ReasonRequest(String reason) {
    }

    record ApprovalRequest(String documentNumber) {
    }

    record ConductCheckRequest(LocalDate checkedOn, String note, Boolean good) {
    }

    record StandardRequest(CondolenceCategory category, LocalDate effectiveFrom, BigDecimal amount, String note) {
    }
}

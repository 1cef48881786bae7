package org.yiyong.care.internal;

import static org.yiyong.care.internal.CampaignAccess.ENTITY;
import static org.yiyong.care.internal.CampaignAccess.WRITE;
import static org.yiyong.care.internal.CampaignAccess.text;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Festival condolence campaigns from roster to payment: the roster built from the registry (every person
 * left out keeps the reason), staff adding or removing people with a reason while it is a draft, recorded
 * checks of recent good conduct for people the association had lost contact with, submission and approval
 * by another staff member, and one payment request per included person sent to the funds in one
 * transaction — a second run sends nothing twice. What the funds report back marks lines paid or due
 * again. The campaigns and rosters are read through {@link CampaignRoster}.
 */
@Service
public class CampaignCommands {

    private final Campaigns campaigns;
    private final CampaignLines lines;
    private final CondolenceStandards standards;
    private final CampaignRosterBuilder builder;
    private final CampaignSender sender;
    private final CampaignAccess access;
    private final SamaritanDirectory registry;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    CampaignCommands(Campaigns campaigns, CampaignLines lines, CondolenceStandards standards,
            CampaignRosterBuilder builder, CampaignSender sender, CampaignAccess access, SamaritanDirectory registry, Regions regions,
            AuditTrail audit, Clock clock) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.standards = standards;
        this.builder = builder;
        this.sender = sender;
        this.access = access;
        this.registry = registry;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A campaign as staff set it up: which festival (its day), for the city or one county; with
     * {@code provinceAmount}, the province's campaign recorded here (each person gets that amount from the
     * province, not from our funds).
     */
    public record NewCampaign(String name, Campaign.Festival festival, String regionCode, LocalDate festivalDate,
            BigDecimal provinceAmount) {

        public NewCampaign(String name, Campaign.Festival festival, String regionCode, LocalDate festivalDate) {
            this(name, festival, regionCode, festivalDate, null);
        }
    }

    /** A person added by hand: the category and payee the rules would give unless staff name them. */
    public record NewLine(Long samaritanId, CondolenceCategory category, String payeeName, String reason) {
    }

    /** What one run of the payment batch did. */
    public record SendResult(int sent, Money amount, int alreadySent) {
    }


    // ---------------------------------------------------------------- roster

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign create(CurrentUser me, NewCampaign request) {
        Inputs.required("festival", request.festival());
        LocalDate day = request.festivalDate();
        Inputs.required("festivalDate", day);
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(1))) {
            throw new InvalidField("festivalDate", "campaign.festival-date.range");
        }
        String region = text("regionCode", request.regionCode(), 12, true);
        String level = regions.find(region).map(found -> found.level().name()).orElse(null);
        if (level == null || !me.scope().covers(region) || "PROVINCE".equals(level)) {
            throw new InvalidField("regionCode", "campaign.region.outside");
        }
        Money provinceAmount = request.provinceAmount() == null ? null
                : Money.of(Inputs.amount("provinceAmount", request.provinceAmount(), Inputs.LARGEST_AMOUNT));
        String name = text("name", request.name(), 100, false);
        if (name == null) {
            name = day.getYear() + "年" + (provinceAmount == null ? "" : "省级") + request.festival().label() + "慰问";
        }
        Campaign campaign = campaigns.saveAndFlush(new Campaign(name, request.festival(), day.getYear(), region, day,
                provinceAmount, me.username(), clock.instant()));
        int added = builder.build(campaign);
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, campaign.getId())
                .withChanges(Changes.created(campaign.snapshot())).withDetail("roster built: " + added + " people"));
        return campaign;
    }

    /** Adds the people of the registry not yet on the draft roster (registered since it was built). */
    @Transactional
    @PreAuthorize(WRITE)
    public int refresh(CurrentUser me, long id) {
        Campaign campaign = access.inScope(me, id);
        campaign.requireDraft();
        int added = builder.build(campaign);
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("roster refreshed: " + added
                + " people added"));
        return added;
    }


    /** Puts a person on the draft roster by hand, with the reason; someone already counted on it is refused. */
    @Transactional
    @PreAuthorize(WRITE)
    public CampaignLine addPerson(CurrentUser me, long id, NewLine request) {
        Inputs.required("samaritanId", request.samaritanId());
        String reason = text("reason", request.reason(), 500, true);
        String payeeName = text("payeeName", request.payeeName(), 60, false);
        Campaign campaign = access.inScope(me, id);
        campaign.requireDraft();
        long samaritanId = request.samaritanId();
        boolean reachable = registry.findIn(me.scope(), samaritanId)
                .filter(person -> builder.covered(campaign.getRegionCode()).contains(person.regionCode())).isPresent();
        if (!reachable) {
            throw new InvalidField("samaritanId", "campaign.person.outside");
        }
        CampaignLine line = lines.findByCampaignIdAndSamaritanId(id, samaritanId).orElse(null);
        CampaignRules.Decision decision;
        if (line == null) {
            CampaignRosterBuilder.Placed placed = builder.place(campaign, samaritanId).stream().findFirst().orElseThrow();
            line = new CampaignLine(id, samaritanId, placed.person().name(), placed.person().regionCode());
            CampaignRosterBuilder.apply(line, placed.decision());
            decision = placed.decision();
        } else if (line.isOn()) {
            throw new CareRuleBroken("campaign.line.already", line.getName());
        } else {
            decision = null;
        }
        Map<CondolenceCategory, BigDecimal> amounts = campaign.amounts(standards);
        CondolenceCategory category = request.category() != null ? request.category()
                : line.getCategory() != null ? line.getCategory() : CondolenceCategory.OTHER;
        Money amount = Money.of(CampaignRules.amountOf(amounts, category, campaign.getReferenceDate()));
        String payee = payeeName != null ? payeeName : line.getPayeeName();
        if (payee == null) {
            boolean deceased = registry.find(samaritanId).orElseThrow().status() == SamaritanStatus.DECEASED;
            if (deceased) {
                throw new InvalidField("payeeName", "campaign.payee.required");
            }
            payee = line.getName();
        }
        Long payeeRelative = payeeName != null ? null : line.getPayeeRelativeId();
        String relation = payeeName != null ? null : line.getPayeeRelation();
        line.addedBy(me.username(), clock.instant(), category, amount, payee, payeeRelative, relation, reason);
        try {
            lines.saveAndFlush(line);
        } catch (DataIntegrityViolationException twoAtOnce) {
            throw new CareRuleBroken("campaign.line.already", line.getName());
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("added " + line.getName() + " ("
                + samaritanId + ") as " + category + " " + amount + (decision != null
                        && !decision.included() ? ", rules said " + decision.reason() : "") + ": " + reason));
        return line;
    }

    /** Takes an included person off the draft roster, with the reason. */
    @Transactional
    @PreAuthorize(WRITE)
    public CampaignLine removeLine(CurrentUser me, long id, long lineId, String reason) {
        String why = text("reason", reason, 500, true);
        Campaign campaign = access.inScope(me, id);
        campaign.requireDraft();
        CampaignLine line = access.lineOf(id, lineId);
        line.removedBy(me.username(), clock.instant(), why);
        lines.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("removed " + line.getName() + " ("
                + line.getSamaritanId() + "): " + why));
        return line;
    }

    /**
     * 近期表现核实: the recorded check of recent good conduct of a person the association had lost contact with
     * — who checked, on which day, what was found. While a draft, a good check puts a person left out for
     * lost contact on the roster.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public CampaignLine checkConduct(CurrentUser me, long id, long lineId, LocalDate checkedOn, String note,
            Boolean good) {
        String what = text("note", note, 500, true);
        Inputs.required("good", good);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = checkedOn == null ? today : checkedOn;
        if (on.isAfter(today)) {
            throw new InvalidField("checkedOn", "campaign.conduct-check.future");
        }
        Campaign campaign = access.inScope(me, id);
        if (campaign.getStatus() == Campaign.Status.SENT || campaign.getStatus() == Campaign.Status.CANCELLED) {
            throw new CareRuleBroken("campaign.status.wrong", campaign.getStatus().name());
        }
        CampaignLine line = access.lineOf(id, lineId);
        line.conductChecked(me.username(), on, what, good, campaign.getStatus() == Campaign.Status.DRAFT);
        lines.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("conduct of " + line.getName() + " ("
                + line.getSamaritanId() + ") checked on " + on + ", " + (good ? "good" : "not good") + ": " + what));
        return line;
    }

    // ---------------------------------------------------------------- approval and payment

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign submit(CurrentUser me, long id) {
        return change(me, id, campaign -> campaign.submit(me.username(), clock.instant()), true,
                "submitted for approval");
    }

    /** Approval by a staff member who neither built nor submitted the roster, under a decision document. */
    @Transactional
    @PreAuthorize(WRITE)
    public Campaign approve(CurrentUser me, long id, String documentNumber) {
        String document = text("documentNumber", documentNumber, 100, true);
        return change(me, id, campaign -> campaign.approve(me.username(), document, clock.instant()), true,
                "approved");
    }

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign returnToDraft(CurrentUser me, long id, String reason) {
        String why = text("reason", reason, 500, true);
        return change(me, id, campaign -> campaign.returnToDraft(why), false, "returned for changes: " + why);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign cancel(CurrentUser me, long id, String reason) {
        String why = text("reason", reason, 500, true);
        return change(me, id, campaign -> campaign.cancel(why), false, "cancelled: " + why);
    }

    /**
     * A step of the campaign's course, in the caller's scope, audited with its detail — and with the
     * changes it made to the campaign, where they are shown.
     */
    private Campaign change(CurrentUser me, long id, Consumer<Campaign> step, boolean showChanges, String detail) {
        Campaign campaign = access.inScope(me, id);
        var before = campaign.snapshot();
        step.accept(campaign);
        campaigns.flush();
        AuditRecord record = AuditRecord.of(AuditAction.UPDATE, ENTITY, id);
        if (showChanges) {
            record = record.withChanges(Changes.between(before, campaign.snapshot()));
        }
        audit.record(record.withDetail(detail));
        return campaign;
    }

    /**
     * 发放: one payment request per included line, all in this transaction, the campaign locked meanwhile.
     * Lines already sent are skipped, so running it again requests nothing twice (and the funds make one
     * order per request in any case). Refused while a line of a person who had lost contact waits for a
     * recorded check of recent good conduct.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public SendResult send(CurrentUser me, long id) {
        Campaign campaign = campaigns.lockById(id).filter(c -> me.scope().covers(c.getRegionCode()))
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
        if (campaign.isHistorical()) {
            throw new CareRuleBroken("campaign.historical.not-sent");
        }
        if (campaign.getStatus() != Campaign.Status.APPROVED && campaign.getStatus() != Campaign.Status.SENT) {
            throw new CareRuleBroken("campaign.status.wrong", campaign.getStatus().name());
        }
        List<String> unchecked = sender.awaitingConductCheck(id);
        if (!unchecked.isEmpty()) {
            throw new CareRuleBroken("campaign.send.conduct-check-missing", String.join("、", unchecked));
        }
        int already = sender.alreadySent(id);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        CampaignSender.Sent sent = campaign.isProvincial()
                ? sender.receivedFromProvince(campaign, me.username(), now, today)
                : sender.send(campaign, me.username(), now, today);
        campaign.sent(me.username(), now);
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail(sent.lines() == 0
                ? "payment batch run again: nothing new to send"
                : campaign.isProvincial() ? "recorded as paid by the province: " + sent.lines() + " people, "
                        + sent.total()
                : "sent to the funds: " + sent.lines() + " payment requests, " + sent.total()));
        return new SendResult(sent.lines(), sent.total(), already);
    }

    /** The funds paid a line: marked paid, once. */
    @Transactional
    public void linePaid(long lineId, LocalDate paidOn, String orderNumber) {
        lines.findById(lineId).ifPresent(line -> {
            if (line.paid(paidOn, orderNumber)) {
                audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, line.getCampaignId())
                        .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("paid " + line.getName() + " by " + orderNumber
                                + " on " + paidOn));
            }
        });
    }

    /** The funds paid many lines with one batch: each still sent marked paid, once, and audited as one alone. */
    @Transactional
    public void linesPaid(java.util.List<org.yiyong.funds.PaymentSettled> paid) {
        audit.recordAtCommit(sender.paid(paid).stream()
                .map(line -> AuditRecord.of(AuditAction.UPDATE, ENTITY, line.campaignId())
                        .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("paid " + line.name() + " by "
                                + line.orderNumber() + " on " + line.paidOn()))
                .toList());
    }

    /** The bank returned a line's money: it is due again (the funds re-issue the order). */
    @Transactional
    public void lineReturned(long lineId, String reason) {
        lines.findById(lineId).ifPresent(line -> {
            if (line.returned()) {
                audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, line.getCampaignId())
                        .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("returned by the bank for " + line.getName()
                                + ": " + reason));
            }
        });
    }
}

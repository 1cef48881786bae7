package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Festival condolence campaigns from roster to payment: the roster built by {@link CampaignRules} from the
 * registry (every person left out keeps the reason), staff adding or removing people with a reason while
 * it is a draft, recorded checks of recent good conduct for people the association had lost contact
 * with, submission and approval by another staff member, and one payment request per included person
 * sent to the funds in one transaction — a second run sends nothing twice.
 */
@Service
public class CampaignRoster {

    static final String ENTITY = "Campaign";
    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";

    private final Campaigns campaigns;
    private final CampaignLines lines;
    private final CondolenceStandards standards;
    private final JdbcClient jdbc;
    private final SamaritanDirectory registry;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    CampaignRoster(Campaigns campaigns, CampaignLines lines, CondolenceStandards standards, JdbcClient jdbc,
            SamaritanDirectory registry, Regions regions, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.standards = standards;
        this.jdbc = jdbc;
        this.registry = registry;
        this.regions = regions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A campaign as staff set it up: which festival (its day), for the city or one county. */
    public record NewCampaign(String name, Campaign.Festival festival, String regionCode, LocalDate festivalDate) {
    }

    /** A campaign with the sums of its roster. */
    public record CampaignSummary(Campaign campaign, String regionName, long included, long excluded, long removed,
            long sent, long paid, BigDecimal amount, long awaitingCheck) {

        /** People counted on the campaign: included, sent or paid. */
        public long people() {
            return included + sent + paid;
        }
    }

    /** A person added by hand: the category and payee the rules would give unless staff name them. */
    public record NewLine(Long samaritanId, CondolenceCategory category, String payeeName, String reason) {
    }

    /** What one run of the payment batch did. */
    public record SendResult(int sent, BigDecimal amount, int alreadySent) {
    }

    /** One condolence of a person, for their profile. */
    public record Condolence(long campaignId, String campaignName, int year, Campaign.Festival festival,
            CampaignLine.Status status, CondolenceCategory category, BigDecimal amount, CampaignLine.Reason reason,
            String reasonText, String payeeName, LocalDate paidOn) {
    }

    // ---------------------------------------------------------------- roster

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign create(CurrentUser me, NewCampaign request) {
        if (request.festival() == null) {
            throw new InvalidField("festival", "validation.required");
        }
        LocalDate day = request.festivalDate();
        if (day == null) {
            throw new InvalidField("festivalDate", "validation.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(1))) {
            throw new InvalidField("festivalDate", "campaign.festival-date.range");
        }
        String region = text("regionCode", request.regionCode(), 12, true);
        String level = regions.find(region).map(found -> found.level().name()).orElse(null);
        if (level == null || !me.scope().covers(region) || "PROVINCE".equals(level)) {
            throw new InvalidField("regionCode", "campaign.region.outside");
        }
        String name = text("name", request.name(), 100, false);
        if (name == null) {
            name = day.getYear() + "年" + request.festival().label() + "慰问";
        }
        Campaign campaign = campaigns.saveAndFlush(new Campaign(name, request.festival(), day.getYear(), region, day,
                me.username(), clock.instant()));
        int added = build(campaign);
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, campaign.getId())
                .withChanges(Changes.created(campaign.snapshot())).withDetail("roster built: " + added + " people"));
        return campaign;
    }

    /** Adds the people of the registry not yet on the draft roster (registered since it was built). */
    @Transactional
    @PreAuthorize(WRITE)
    public int refresh(CurrentUser me, long id) {
        Campaign campaign = inScope(me, id);
        campaign.requireDraft();
        int added = build(campaign);
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("roster refreshed: " + added
                + " people added"));
        return added;
    }

    /** Lines for every person of the campaign's region who has none yet; returns how many. */
    private int build(Campaign campaign) {
        List<CampaignLine> made = new ArrayList<>();
        for (Placed placed : place(campaign, null)) {
            CampaignLine line = new CampaignLine(campaign.getId(), placed.person().id(), placed.person().name(),
                    placed.person().regionCode());
            apply(line, placed.decision());
            made.add(line);
        }
        lines.saveAll(made);
        lines.flush();
        return made.size();
    }

    private static void apply(CampaignLine line, CampaignRules.Decision decision) {
        CampaignRules.Survivor payee = decision.payee();
        String payeeName = decision.category() == null ? null : payee == null ? line.getName() : payee.name();
        Long payeeId = payee == null ? null : payee.id();
        String relation = payee == null ? null : payee.relation();
        if (decision.included()) {
            line.include(decision.category(), decision.amount(), payeeName, payeeId, relation, decision.reason(),
                    decision.text());
        } else {
            line.exclude(decision.category(), decision.amount(), payeeName, payeeId, relation, decision.reason(),
                    decision.text());
        }
        if (decision.conductCheckRequired()) {
            line.requireConductCheck();
        }
    }

    private record Placed(CampaignRules.Person person, CampaignRules.Decision decision) {
    }

    /**
     * The rules applied to the people of the campaign's region who are not on it yet (or to one person):
     * three queries for the whole roster — people with their honours and tracing, survivors, other campaigns.
     */
    private List<Placed> place(Campaign campaign, Long onlySamaritanId) {
        List<String> covered = covered(campaign.getRegionCode());
        Map<String, Object> params = new HashMap<>();
        params.put("covered", covered);
        params.put("campaign", campaign.getId());
        String one = "";
        if (onlySamaritanId != null) {
            one = " and s.id = :one";
            params.put("one", onlySamaritanId);
        }
        List<CampaignRules.Person> people = jdbc.sql("""
                select s.id, s.name, s.region_code, s.status, s.death_kind, s.lost_contact, s.last_found_on,
                       coalesce(h.granted, 0) as granted, coalesce(h.revoked, 0) as revoked, h.best
                from samaritans_household_view s
                left join honours_standing_view h on h.samaritan_id = s.id
                where s.region_code in (:covered)
                  and not exists (select 1 from campaign_line l where l.campaign_id = :campaign
                                  and l.samaritan_id = s.id)""" + one + " order by s.region_code, s.id")
                .params(params)
                .query((rs, row) -> new CampaignRules.Person(rs.getLong("id"), rs.getString("name"),
                        rs.getString("region_code"), rs.getString("status"), rs.getString("death_kind"),
                        rs.getBoolean("lost_contact"), rs.getObject("last_found_on", LocalDate.class),
                        rs.getInt("granted"), rs.getInt("revoked"), rs.getObject("best") == null ? null
                                : rs.getInt("best")))
                .list();
        if (people.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CampaignRules.Survivor>> survivors = jdbc.sql("""
                select r.id, r.samaritan_id, r.relation, r.name, r.birth_date, r.stage, r.schooling_ends_on,
                       r.remarried_on
                from samaritans_relative_view r join samaritans_person_view s on s.id = r.samaritan_id
                where s.status = 'DECEASED' and s.region_code in (:covered) and r.died_on is null
                  and r.relation in ('SPOUSE', 'PARENT', 'CHILD')""" + one + " order by r.samaritan_id, r.id")
                .params(params)
                .query((rs, row) -> new CampaignRules.Survivor(rs.getLong("id"), rs.getLong("samaritan_id"),
                        rs.getString("relation"), rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("stage"), rs.getObject("schooling_ends_on", LocalDate.class),
                        rs.getObject("remarried_on", LocalDate.class)))
                .list().stream().collect(Collectors.groupingBy(CampaignRules.Survivor::samaritanId));
        Map<Long, String> elsewhere = new HashMap<>();
        jdbc.sql("""
                select l.samaritan_id, min(c.name) as campaign_name
                from campaign_line l join campaign c on c.id = l.campaign_id
                where c.festival = :festival and c.campaign_year = :year and c.id <> :campaign
                  and c.status <> 'CANCELLED' and l.status in ('INCLUDED', 'SENT', 'PAID')
                  and l.region_code in (:covered)
                group by l.samaritan_id""")
                .params(params).param("festival", campaign.getFestival().name())
                .param("year", campaign.getCampaignYear())
                .query((rs, row) -> elsewhere.put(rs.getLong("samaritan_id"), rs.getString("campaign_name")))
                .list();
        Map<CondolenceCategory, BigDecimal> amounts = standards.amountsOn(campaign.getReferenceDate());
        List<Placed> placed = new ArrayList<>(people.size());
        for (CampaignRules.Person person : people) {
            placed.add(new Placed(person, CampaignRules.decide(person, survivors.getOrDefault(person.id(), List.of()),
                    elsewhere.get(person.id()), amounts, campaign.getReferenceDate())));
        }
        return placed;
    }

    /** The region and the regions under it (a city campaign covers every county and functional area). */
    private List<String> covered(String region) {
        return regions.find(region).map(found -> java.util.stream.Stream.concat(java.util.stream.Stream.of(found),
                found.children().stream()).map(Region::code).toList()).orElse(List.of());
    }

    /** Puts a person on the draft roster by hand, with the reason; someone already counted on it is refused. */
    @Transactional
    @PreAuthorize(WRITE)
    public CampaignLine addPerson(CurrentUser me, long id, NewLine request) {
        if (request.samaritanId() == null) {
            throw new InvalidField("samaritanId", "validation.required");
        }
        String reason = text("reason", request.reason(), 500, true);
        String payeeName = text("payeeName", request.payeeName(), 60, false);
        Campaign campaign = inScope(me, id);
        campaign.requireDraft();
        long samaritanId = request.samaritanId();
        boolean reachable = registry.findIn(me.scope(), samaritanId)
                .filter(person -> covered(campaign.getRegionCode()).contains(person.regionCode())).isPresent();
        if (!reachable) {
            throw new InvalidField("samaritanId", "campaign.person.outside");
        }
        CampaignLine line = lines.findByCampaignIdAndSamaritanId(id, samaritanId).orElse(null);
        CampaignRules.Decision decision;
        if (line == null) {
            Placed placed = place(campaign, samaritanId).stream().findFirst().orElseThrow();
            line = new CampaignLine(id, samaritanId, placed.person().name(), placed.person().regionCode());
            apply(line, placed.decision());
            decision = placed.decision();
        } else if (line.isOn()) {
            throw new CareRuleBroken("campaign.line.already", line.getName());
        } else {
            decision = null;
        }
        Map<CondolenceCategory, BigDecimal> amounts = standards.amountsOn(campaign.getReferenceDate());
        CondolenceCategory category = request.category() != null ? request.category()
                : line.getCategory() != null ? line.getCategory() : CondolenceCategory.OTHER;
        BigDecimal amount = CampaignRules.amountOf(amounts, category, campaign.getReferenceDate());
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
                + samaritanId + ") as " + category + " " + amount.toPlainString() + (decision != null
                        && !decision.included() ? ", rules said " + decision.reason() : "") + ": " + reason));
        return line;
    }

    /** Takes an included person off the draft roster, with the reason. */
    @Transactional
    @PreAuthorize(WRITE)
    public CampaignLine removeLine(CurrentUser me, long id, long lineId, String reason) {
        String why = text("reason", reason, 500, true);
        Campaign campaign = inScope(me, id);
        campaign.requireDraft();
        CampaignLine line = lineOf(id, lineId);
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
        if (good == null) {
            throw new InvalidField("good", "validation.required");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = checkedOn == null ? today : checkedOn;
        if (on.isAfter(today)) {
            throw new InvalidField("checkedOn", "campaign.conduct-check.future");
        }
        Campaign campaign = inScope(me, id);
        if (campaign.getStatus() == Campaign.Status.SENT || campaign.getStatus() == Campaign.Status.CANCELLED) {
            throw new CareRuleBroken("campaign.status.wrong", campaign.getStatus().name());
        }
        CampaignLine line = lineOf(id, lineId);
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
        Campaign campaign = inScope(me, id);
        var before = campaign.snapshot();
        campaign.submit(me.username(), clock.instant());
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                campaign.snapshot())).withDetail("submitted for approval"));
        return campaign;
    }

    /** Approval by a staff member who neither built nor submitted the roster, under a decision document. */
    @Transactional
    @PreAuthorize(WRITE)
    public Campaign approve(CurrentUser me, long id, String documentNumber) {
        String document = text("documentNumber", documentNumber, 100, true);
        Campaign campaign = inScope(me, id);
        var before = campaign.snapshot();
        campaign.approve(me.username(), document, clock.instant());
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                campaign.snapshot())).withDetail("approved"));
        return campaign;
    }

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign returnToDraft(CurrentUser me, long id, String reason) {
        String why = text("reason", reason, 500, true);
        Campaign campaign = inScope(me, id);
        campaign.returnToDraft(why);
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("returned for changes: " + why));
        return campaign;
    }

    @Transactional
    @PreAuthorize(WRITE)
    public Campaign cancel(CurrentUser me, long id, String reason) {
        String why = text("reason", reason, 500, true);
        Campaign campaign = inScope(me, id);
        campaign.cancel(why);
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("cancelled: " + why));
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
        if (campaign.getStatus() != Campaign.Status.APPROVED && campaign.getStatus() != Campaign.Status.SENT) {
            throw new CareRuleBroken("campaign.status.wrong", campaign.getStatus().name());
        }
        List<CampaignLine> roster = lines.findByCampaignIdOrderByStatusAscNameAscIdAsc(id);
        List<CampaignLine> due = roster.stream().filter(l -> l.getStatus() == CampaignLine.Status.INCLUDED).toList();
        List<String> unchecked = due.stream().filter(CampaignLine::awaitsConductCheck).map(CampaignLine::getName)
                .toList();
        if (!unchecked.isEmpty()) {
            throw new CareRuleBroken("campaign.send.conduct-check-missing", String.join("、", unchecked));
        }
        String payingRegion = campaign.payingRegion(cityCode());
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        BigDecimal total = BigDecimal.ZERO;
        for (CampaignLine line : due) {
            line.sent(me.username(), now);
            events.publishEvent(new PaymentRequested(line.paymentSource(), payingRegion,
                    PaymentPurpose.CONDOLENCE, line.getSamaritanId(), null, line.getPayeeName(),
                    Money.of(line.getAmount()),
                    description(campaign, line), campaign.getDocumentNumber(), me.username(), today));
            total = total.add(line.getAmount());
        }
        int already = (int) roster.stream().filter(l -> l.getStatus() == CampaignLine.Status.SENT
                || l.getStatus() == CampaignLine.Status.PAID).count() - due.size();
        campaign.sent(me.username(), now);
        lines.flush();
        campaigns.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail(due.isEmpty()
                ? "payment batch run again: nothing new to send"
                : "sent to the funds: " + due.size() + " payment requests, " + total.toPlainString()));
        return new SendResult(due.size(), total.setScale(2), Math.max(already, 0));
    }

    private static String description(Campaign campaign, CampaignLine line) {
        String text = campaign.getName() + "慰问金（" + line.getCategory().label()
                + (line.getPayeeName().equals(line.getName()) ? "" : "，" + line.getName() + "家属") + "）";
        return text.length() > 300 ? text.substring(0, 300) : text;
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

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Campaign get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    /** The roster: included first, then sent and paid, then those left out, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<CampaignLine> lines(CurrentUser me, long id) {
        inScope(me, id);
        List<CampaignLine> roster = new ArrayList<>(lines.findByCampaignIdOrderByStatusAscNameAscIdAsc(id));
        roster.sort(java.util.Comparator.comparingInt((CampaignLine l) -> switch (l.getStatus()) {
            case INCLUDED -> 0;
            case SENT -> 1;
            case PAID -> 2;
            case EXCLUDED -> 3;
            case REMOVED -> 4;
        }).thenComparing(CampaignLine::getRegionCode).thenComparing(CampaignLine::getId));
        return roster;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public CampaignLine line(CurrentUser me, long id, long lineId) {
        inScope(me, id);
        return lineOf(id, lineId);
    }

    /** The campaigns of the caller's scope, newest first, with their sums. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<CampaignSummary> list(CurrentUser me) {
        return summaries(campaigns.findTop100ByRegionCodeInOrderByIdDesc(me.scope().regionCodes()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public CampaignSummary summary(CurrentUser me, long id) {
        return summaries(List.of(inScope(me, id))).get(0);
    }

    private List<CampaignSummary> summaries(List<Campaign> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<CampaignLine.Status, Long>> counts = new HashMap<>();
        Map<Long, BigDecimal> amounts = new HashMap<>();
        Map<Long, Long> awaiting = new HashMap<>();
        Collection<Long> ids = found.stream().map(Campaign::getId).toList();
        jdbc.sql("""
                select campaign_id, status, count(*) as n, coalesce(sum(amount), 0) as amount,
                       sum(case when conduct_check_required and (conduct_good is null or not conduct_good)
                           then 1 else 0 end) as awaiting
                from campaign_line where campaign_id in (:ids) group by campaign_id, status""")
                .param("ids", ids)
                .query((rs, row) -> {
                    long campaign = rs.getLong("campaign_id");
                    CampaignLine.Status status = CampaignLine.Status.valueOf(rs.getString("status"));
                    counts.computeIfAbsent(campaign, c -> new EnumMap<>(CampaignLine.Status.class))
                            .put(status, rs.getLong("n"));
                    if (status == CampaignLine.Status.INCLUDED || status == CampaignLine.Status.SENT
                            || status == CampaignLine.Status.PAID) {
                        amounts.merge(campaign, rs.getBigDecimal("amount"), BigDecimal::add);
                    }
                    if (status == CampaignLine.Status.INCLUDED || status == CampaignLine.Status.EXCLUDED) {
                        awaiting.merge(campaign, rs.getLong("awaiting"), Long::sum);
                    }
                    return null;
                })
                .list();
        return found.stream().map(c -> {
            Map<CampaignLine.Status, Long> n = counts.getOrDefault(c.getId(), Map.of());
            return new CampaignSummary(c, regions.find(c.getRegionCode()).map(Region::name).orElse(null),
                    n.getOrDefault(CampaignLine.Status.INCLUDED, 0L), n.getOrDefault(CampaignLine.Status.EXCLUDED, 0L),
                    n.getOrDefault(CampaignLine.Status.REMOVED, 0L), n.getOrDefault(CampaignLine.Status.SENT, 0L),
                    n.getOrDefault(CampaignLine.Status.PAID, 0L),
                    amounts.getOrDefault(c.getId(), BigDecimal.ZERO).setScale(2), awaiting.getOrDefault(c.getId(), 0L));
        }).toList();
    }

    /**
     * A person's condolences, for their profile: the campaigns of the caller's scope they are on or were
     * left out of. Empty for a user who may not read campaigns.
     */
    @Transactional(readOnly = true)
    public List<Condolence> ofSamaritan(CurrentUser me, long samaritanId) {
        if (me == null || !me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.LEADER)) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.name, c.campaign_year, c.festival, l.status, l.category, l.amount, l.reason_code,
                       l.reason_text, l.payee_name, l.paid_on
                from campaign_line l join campaign c on c.id = l.campaign_id
                where l.samaritan_id = :id and c.region_code in (:scope) and c.status <> 'CANCELLED'
                order by c.reference_date desc, c.id desc""")
                .param("id", samaritanId).param("scope", me.scope().regionCodes())
                .query((rs, row) -> new Condolence(rs.getLong("id"), rs.getString("name"), rs.getInt("campaign_year"),
                        Campaign.Festival.valueOf(rs.getString("festival")),
                        CampaignLine.Status.valueOf(rs.getString("status")), rs.getString("category") == null ? null
                                : CondolenceCategory.valueOf(rs.getString("category")), rs.getBigDecimal("amount"),
                        CampaignLine.Reason.valueOf(rs.getString("reason_code")), rs.getString("reason_text"),
                        rs.getString("payee_name"), rs.getObject("paid_on", LocalDate.class)))
                .list();
    }

    /** The regions a user may start a campaign for: their own region and those under it. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<RegionChoice> regions(CurrentUser me) {
        // the city first, then the others in list order (sort order, then code)
        return regions.inListOrder().stream()
                .filter(region -> me.scope().covers(region.code()) && region.level() != RegionLevel.PROVINCE)
                .sorted(java.util.Comparator.comparing(region -> region.level() == RegionLevel.CITY ? 0 : 1))
                .map(region -> new RegionChoice(region.code(), region.name())).toList();
    }

    /** A region a campaign may cover. */
    public record RegionChoice(String code, String name) {
    }

    // ---------------------------------------------------------------- helpers

    Campaign inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                campaigns.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), campaigns::existsById);
    }

    private CampaignLine lineOf(long campaignId, long lineId) {
        return lines.findByIdAndCampaignId(lineId, campaignId)
                .orElseThrow(() -> new RecordNotFound("CampaignLine", lineId));
    }

    private String cityCode() {
        return regions.city().code();
    }

    static String text(String field, String value, int max, boolean required) {
        return Inputs.text(field, value, max, required);
    }

    static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidField(field, "validation.required");
        }
        if (value.signum() <= 0 || value.scale() > 2 || value.compareTo(new BigDecimal("1000000")) >= 0) {
            throw new InvalidField(field, "campaign.amount.invalid");
        }
        return value.setScale(2);
    }
}

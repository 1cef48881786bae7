package org.yiyong.honours.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Honours from proposal to grant: 即时表彰 ("一案一奖、一事一奖") for a confirmed deed of a registered
 * samaritan — proposed by county or city staff, approved by another person of the city, granted with
 * the reward of the standard in force on the decision date, which becomes a payment request — and
 * revocation, which turns an unpaid reward into nothing and a paid one into a clawback.
 */
@Service
public class HonourGrants {

    static final String ENTITY = "Honour";
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final RewardRequests rewards;
    private final SamaritanRegistry samaritans;
    private final Certificates certificates;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final AuditTrail audit;
    private final Clock clock;
    private final HonourNumbers numbers;
    private final SecureRandom random = new SecureRandom();

    HonourGrants(Honours honours, TitleCatalogue catalogue, RewardRequests rewards, SamaritanRegistry samaritans,
            Certificates certificates, JdbcClient jdbc, SamaritanDirectory people, AuditTrail audit, Clock clock,
            HonourNumbers numbers) {
        this.honours = honours;
        this.catalogue = catalogue;
        this.rewards = rewards;
        this.samaritans = samaritans;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.numbers = numbers;
    }

    /** Proposes an instant commendation of a registered samaritan for one of their confirmed deeds. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Honour proposeInstant(CurrentUser me, long samaritanId, Long deedId, String titleCode, String reason) {
        if (deedId == null) {
            throw new InvalidField("deedId", "validation.required");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "validation.required");
        }
        if (reason.length() > 1000) {
            throw new InvalidField("reason", "validation.too-long");
        }
        Title title = catalogue.title(titleCode == null ? "" : titleCode);
        if (!title.isInstant()) {
            throw new InvalidField("titleCode", "honour.title.not-instant");
        }
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        SamaritanProfile.Confirmation deed = samaritan.deed(deedId)
                .orElseThrow(() -> new InvalidField("deedId", "honour.deed.not-confirmed"));
        if (honours.existsBySamaritanIdAndTitleIdAndDeedId(samaritanId, title.getId(), deedId)) {
            throw new HonourRuleBroken("honour.already", samaritan.name(), title.getName(), deed.deedNumber());
        }
        Honour honour = new Honour(title.getId(), samaritanId, deedId, deed.deedNumber(),
                samaritan.regionCode(), HonourMode.INSTANT, reason.trim(), me.username(), LocalDate.now(clock));
        try {
            honours.saveAndFlush(honour);
        } catch (DataIntegrityViolationException twoAtOnce) {
            // another request proposed the same title for the same person and deed a moment earlier
            throw new HonourRuleBroken("honour.already", samaritan.name(), title.getName(), deed.deedNumber());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())));
        return honour;
    }

    /** A honour in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public Honour get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    private Honour inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                honours.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), honours::existsById);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
    public List<Honour> of(CurrentUser me, long samaritanId) {
        samaritans.profile(me, samaritanId);
        return honours.findBySamaritanIdOrderByIdDesc(samaritanId);
    }

    /** Approval by city staff other than the proposer. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Honour approve(CurrentUser me, long id) {
        Honour honour = inScope(me, id);
        var before = honour.snapshot();
        honour.approve(me.username(), LocalDate.now(clock));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                honour.snapshot())).withDetail("approved"));
        return honour;
    }

    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Honour refuse(CurrentUser me, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "validation.required");
        }
        if (reason.length() > 500) {
            throw new InvalidField("reason", "validation.too-long");
        }
        Honour honour = inScope(me, id);
        honour.refuse(me.username(), LocalDate.now(clock), reason.trim());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("refused: " + reason.trim()));
        return honour;
    }

    /**
     * Grants the honour by the decision of the given day (the document that decided it): the reward is
     * the title's standard in force on that day, and becomes a payment request.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Honour grant(CurrentUser me, long id, LocalDate decidedOn, String documentNumber) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = decidedOn == null ? today : decidedOn;
        if (on.isAfter(today)) {
            throw new InvalidField("decidedOn", "honour.date.future");
        }
        if (documentNumber == null || documentNumber.isBlank()) {
            throw new InvalidField("documentNumber", "validation.required");
        }
        if (documentNumber.length() > 100) {
            throw new InvalidField("documentNumber", "validation.too-long");
        }
        Honour honour = inScope(me, id);
        Title title = catalogue.title(honour.getTitleId());
        BigDecimal reward = catalogue.rewardOn(title, on);
        var before = honour.snapshot();
        honour.grant(on, documentNumber.trim(), numbers.certificate(on.getYear()), verificationCode(), reward);
        honours.flush();
        if (reward.signum() > 0) {
            requestPayment(me, honour, title, new RewardRequest(honour.getId(), honour.getSamaritanId(), null,
                    RewardRequest.Kind.PAYMENT, reward, today));
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                honour.snapshot())).withDetail("granted " + title.getName() + ", reward " + reward));
        return honour;
    }

    /**
     * The honour of a round's candidate, granted by the round's approval. Its reward becomes a payment
     * request: to the person; shared equally among a group's members (the odd cents to the first); or to
     * the unit, when its title carries money.
     */
    Honour grantInRound(CurrentUser me, long roundId, RoundCandidate candidate, Title title, String document,
            LocalDate on) {
        Honour honour = switch (candidate.getRecipient()) {
            case PERSON -> {
                if (honours.existsBySamaritanIdAndTitleIdAndDeedId(candidate.getSamaritanId(), title.getId(),
                        candidate.getDeedId())) {
                    throw new HonourRuleBroken("honour.already", candidate.getName(), title.getName(),
                            candidate.getDeedNumber());
                }
                Honour person = new Honour(title.getId(), candidate.getSamaritanId(), candidate.getDeedId(),
                        candidate.getDeedNumber(), candidate.getRegionCode(), HonourMode.ROUND, "集中表彰",
                        me.username(), on);
                person.inRound(roundId);
                yield person;
            }
            case GROUP -> {
                List<Long> members = groupMembers(candidate.getDeedId());
                if (members.size() < 2) {
                    throw new HonourRuleBroken("round.group.too-small", candidate.getName());
                }
                if (honours.existsByRecipientNameAndTitleIdAndDeedId(candidate.getName(), title.getId(),
                        candidate.getDeedId())) {
                    throw new HonourRuleBroken("honour.already", candidate.getName(), title.getName(),
                            candidate.getDeedNumber());
                }
                yield Honour.group(title.getId(), (Long) roundId, candidate.getDeedId(), candidate.getDeedNumber(),
                        candidate.getName(), members, candidate.getRegionCode(), me.username(), on);
            }
            case UNIT, STATION -> Honour.organization(title.getId(), roundId, candidate.getRecipient(),
                    candidate.getOrganizationId(), candidate.getName(), candidate.getRegionCode(), me.username(), on);
        };
        BigDecimal reward = catalogue.amountOn(title, on).orElse(null);
        honour.grantedInRound(me.username(), on, document, numbers.certificate(on.getYear()), verificationCode(),
                reward);
        honours.saveAndFlush(honour);
        LocalDate today = LocalDate.now(clock);
        if (reward != null && reward.signum() > 0) {
            if (honour.getRecipient() == Recipient.GROUP) {
                List<Long> members = List.copyOf(honour.getMemberIds());
                List<BigDecimal> shares = shares(reward, members.size());
                for (int i = 0; i < members.size(); i++) {
                    requestPayment(me, honour, title, new RewardRequest(honour.getId(), members.get(i), null,
                            RewardRequest.Kind.PAYMENT, shares.get(i), today));
                }
            } else {
                requestPayment(me, honour, title, new RewardRequest(honour.getId(), honour.getSamaritanId(),
                        honour.getOrganizationId(), RewardRequest.Kind.PAYMENT, reward, today));
            }
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())).withDetail("granted in round " + roundId));
        return honour;
    }

    /**
     * Keeps the reward request and asks the funds to pay it: a county's commendation from the county
     * association's fund, every other title from the city's.
     */
    private void requestPayment(CurrentUser me, Honour honour, Title title, RewardRequest request) {
        rewards.saveAndFlush(request);
        String payee = request.getSamaritanId() != null ? samaritans.nameOf(request.getSamaritanId())
                : honour.getRecipientName();
        request.askPayment(title.getLevel() == TitleLevel.COUNTY ? honour.getRegionCode() : null, payee,
                title.getName() + "奖励金", honour.getDocumentNumber(), me.username());
        rewards.save(request); // publishes PaymentRequested
    }

    /** The funds paid a reward: settled; if the honour was revoked meanwhile, the money is to be clawed back. */
    @Transactional
    public void rewardPaid(PaymentSettled paid) {
        rewardOf(paid.source()).ifPresent(request -> {
            RewardRequest.Status was = request.getStatus();
            if (was == RewardRequest.Status.SETTLED) {
                return;
            }
            request.settle(paid.paidOn());
            if (was == RewardRequest.Status.CANCELLED) {
                rewards.save(new RewardRequest(request.getHonourId(), request.getSamaritanId(),
                        request.getOrganizationId(), RewardRequest.Kind.CLAWBACK, request.getAmount(),
                        LocalDate.now(clock)));
            }
            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, request.getHonourId()).byActor(AuditTrail.SYSTEM_ACTOR)
                    .withDetail("reward paid by " + paid.orderNumber() + " on " + paid.paidOn()));
        });
    }

    /**
     * The bank returned a reward: it is due again — unless the honour was revoked meanwhile, when there is
     * nothing to claw back any more and the order is withdrawn.
     */
    @Transactional
    public void rewardReturned(PaymentReturned returned) {
        rewardOf(returned.source()).filter(request -> request.getStatus() == RewardRequest.Status.SETTLED)
                .ifPresent(request -> {
                    boolean revoked = honours.findById(request.getHonourId())
                            .map(h -> h.getStatus() == HonourStatus.REVOKED).orElse(false);
                    LocalDate today = LocalDate.now(clock);
                    if (revoked) {
                        request.withdraw(today, "表彰已撤销，退回的奖励金不再发放");
                        rewards.save(request); // publishes PaymentWithdrawn
                        rewards.findByHonourIdAndKind(request.getHonourId(), RewardRequest.Kind.CLAWBACK).stream()
                                .filter(c -> java.util.Objects.equals(c.getSamaritanId(), request.getSamaritanId())
                                        && c.getStatus() == RewardRequest.Status.REQUESTED)
                                .forEach(c -> c.cancel(today));
                    } else {
                        request.reopen();
                    }
                    audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, request.getHonourId())
                            .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("reward returned: " + returned.reason()
                                    + (revoked ? " (honour revoked: not due again)" : "")));
                });
    }

    private Optional<RewardRequest> rewardOf(PaymentSource source) {
        return RewardRequest.isReward(source) ? rewards.findById(source.recordId()) : Optional.empty();
    }

    /** The registered samaritans confirmed for a deed, in the order they were registered. */
    List<Long> groupMembers(long deedId) {
        return people.confirmedFor(deedId);
    }

    /** An amount in equal shares to the cent, the odd cents going to the first share, so they sum to it exactly. */
    static List<BigDecimal> shares(BigDecimal amount, int count) {
        return Money.of(amount).split(count).stream().map(Money::amount).toList();
    }

    /**
     * An honour granted before Yiyong, entered from the records (the decision document): granted on its
     * date with its reward, which was paid then.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Honour recordHistorical(CurrentUser me, long samaritanId, String titleCode, LocalDate decidedOn,
            String document, BigDecimal reward) {
        if (decidedOn == null || decidedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("decidedOn", decidedOn == null ? "validation.required" : "honour.date.future");
        }
        if (document == null || document.isBlank()) {
            throw new InvalidField("documentNumber", "validation.required");
        }
        Title title = catalogue.title(titleCode == null ? "" : titleCode);
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        if (honours.existsBySamaritanIdAndTitleIdAndDeedId(samaritanId, title.getId(), null)) {
            throw new HonourRuleBroken("honour.already", samaritan.name(), title.getName(), "—");
        }
        BigDecimal amount = reward != null ? reward.setScale(2) : catalogue.rewardOn(title, decidedOn);
        Honour honour = new Honour(title.getId(), samaritanId, null, null, samaritan.regionCode(),
                HonourMode.HISTORICAL, "历史表彰：" + document.trim(), me.username(), decidedOn);
        honour.grantedInRound(me.username(), decidedOn, document.trim(), numbers.certificate(decidedOn.getYear()),
                verificationCode(), amount);
        honours.saveAndFlush(honour);
        if (amount.signum() > 0) {
            RewardRequest paid = new RewardRequest(honour.getId(), samaritanId, null, RewardRequest.Kind.PAYMENT, amount,
                    decidedOn);
            paid.settle(decidedOn);
            rewards.save(paid);
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())).withDetail("entered from the records"));
        return honour;
    }

    /**
     * An honour granted above (province, nation) on a recommendation: on record at its level, its reward
     * (when the standard is known) paid by the body above, so no payment request here.
     */
    Honour recordUpward(CurrentUser me, Recommendation recommendation, Title title, LocalDate on, String document) {
        Honour honour;
        if (recommendation.getGroupName() != null) {
            honour = Honour.group(title.getId(), null, recommendation.getDeedId(), recommendation.getDeedNumber(),
                    recommendation.getGroupName(), groupMembers(recommendation.getDeedId()),
                    recommendation.getRegionCode(), me.username(), on);
            honour.upward("向上推荐：" + recommendation.getRecommendedTo());
        } else {
            if (honours.existsBySamaritanIdAndTitleIdAndDeedId(recommendation.getSamaritanId(), title.getId(),
                    recommendation.getDeedId())) {
                throw new HonourRuleBroken("honour.already", samaritans.nameOf(recommendation.getSamaritanId()),
                        title.getName(), recommendation.getDeedNumber());
            }
            honour = new Honour(title.getId(), recommendation.getSamaritanId(), recommendation.getDeedId(),
                    recommendation.getDeedNumber(), recommendation.getRegionCode(), HonourMode.UPWARD,
                    "向上推荐：" + recommendation.getRecommendedTo(), me.username(), on);
        }
        BigDecimal reward = catalogue.amountOn(title, on).orElse(null);
        honour.grantedInRound(me.username(), on, document, numbers.certificate(on.getYear()), verificationCode(),
                reward);
        try {
            honours.saveAndFlush(honour);
        } catch (DataIntegrityViolationException twoAtOnce) {
            throw new HonourRuleBroken("honour.already", holderOf(honour), title.getName(),
                    recommendation.getDeedNumber());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())).withDetail("granted above on a recommendation"));
        return honour;
    }

    /** 撤销 by the granting body: with the reason and the document; the reward is cancelled or clawed back. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Honour revoke(CurrentUser me, long id, String reason, String document) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "validation.required");
        }
        if (document == null || document.isBlank()) {
            throw new InvalidField("document", "validation.required");
        }
        if (reason.length() > 500 || document.length() > 100) {
            throw new InvalidField(reason.length() > 500 ? "reason" : "document", "validation.too-long");
        }
        Honour honour = inScope(me, id);
        LocalDate today = LocalDate.now(clock);
        honour.revoke(today, reason.trim(), document.trim());
        rewards.findByHonourIdAndKind(id, RewardRequest.Kind.PAYMENT).forEach(request -> {
            if (request.getStatus() == RewardRequest.Status.SETTLED) {
                rewards.save(new RewardRequest(id, request.getSamaritanId(), request.getOrganizationId(),
                        RewardRequest.Kind.CLAWBACK, request.getAmount(), today));
            } else if (request.getStatus() == RewardRequest.Status.REQUESTED) {
                request.withdraw(today, "表彰已撤销（" + document.trim() + "）");
                rewards.save(request); // publishes PaymentWithdrawn
            }
        });
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id)
                .withDetail("revoked (" + document.trim() + "): " + reason.trim()));
        return honour;
    }

    /** The certificate PDF of a granted (or revoked) honour. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public byte[] certificate(CurrentUser me, long id) {
        Honour honour = inScope(me, id);
        if (honour.getCertificateNumber() == null) {
            throw new HonourRuleBroken("honour.certificate.not-granted");
        }
        List<String> members = honour.getMemberIds().stream().map(samaritans::nameOf).toList();
        return certificates.render(honour, catalogue.title(honour.getTitleId()), holderOf(honour), members);
    }

    /** What the public sees for a certificate's code: genuine or revoked, holder, title, body and date. */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[2-9A-Z]{10}")) {
            return Optional.empty();
        }
        return honours.findByVerificationCode(code).map(honour -> {
            Title title = catalogue.title(honour.getTitleId());
            return new Verification(honour.getStatus() != HonourStatus.REVOKED, holderOf(honour),
                    title.getName(), title.getGrantingBody(), honour.getDecidedOn(), honour.getCertificateNumber(),
                    honour.getRevokedOn());
        });
    }

    /** A certificate as the public verification page shows it. */
    public record Verification(boolean genuine, String holder, String title, String grantingBody, LocalDate decidedOn,
            String certificateNumber, LocalDate revokedOn) {
    }

    /**
     * The honours of a samaritan as their profile lists them; the caller has already opened the
     * profile within their scope.
     */
    @Transactional(readOnly = true)
    public List<HeldHonour> heldBy(long samaritanId) {
        return honours.heldBy(samaritanId).stream().map(honour -> {
            List<RewardRequest> payments = rewards.findByHonourIdAndKind(honour.getId(), RewardRequest.Kind.PAYMENT);
            RewardRequest.Status reward = payments.isEmpty() ? null
                    : payments.stream().anyMatch(r -> r.getStatus() == RewardRequest.Status.REQUESTED)
                            ? RewardRequest.Status.REQUESTED
                            : payments.stream().allMatch(r -> r.getStatus() == RewardRequest.Status.CANCELLED)
                                    ? RewardRequest.Status.CANCELLED : RewardRequest.Status.SETTLED;
            return new HeldHonour(honour.getId(), catalogue.title(honour.getTitleId()).getName(),
                    honour.getRecipientName(), honour.getDeedNumber(), honour.getStatus(), honour.getProposedBy(),
                    honour.getRefusalReason(), honour.getRevocationReason(), honour.getRewardAmount(), reward,
                    honour.getCertificateNumber(), honour.getDecidedOn());
        }).toList();
    }

    /** One line of a samaritan's honours. */
    public record HeldHonour(long id, String titleName, String groupName, String deedNumber, HonourStatus status,
            String proposedBy,
            String refusalReason, String revocationReason, BigDecimal rewardAmount, RewardRequest.Status reward,
            String certificateNumber,
            LocalDate decidedOn) {
    }

    /** Whom a certificate names: the person, or the group, unit or station. */
    String holderOf(Honour honour) {
        return honour.getSamaritanId() != null ? samaritans.nameOf(honour.getSamaritanId()) : honour.getRecipientName();
    }

    @Transactional(readOnly = true)
    public List<RewardRequest> rewardsOf(long honourId) {
        return rewards.findByHonourId(honourId);
    }

    private String verificationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}

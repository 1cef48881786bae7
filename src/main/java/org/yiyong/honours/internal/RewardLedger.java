package org.yiyong.honours.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.Money;

/**
 * The rewards of honours: the payment requests a grant makes (and the funds pay), what the funds report
 * back — paid, or returned by the bank — and what a revocation does to them. What each of these does to
 * a request is the {@link RewardRequest}'s to decide; this keeps the requests and audits.
 */
@Service
public class RewardLedger {

    private final RewardRequests rewards;
    private final Honours honours;
    private final SamaritanRegistry samaritans;
    private final AuditTrail audit;
    private final Clock clock;

    RewardLedger(RewardRequests rewards, Honours honours, SamaritanRegistry samaritans, AuditTrail audit,
            Clock clock) {
        this.rewards = rewards;
        this.honours = honours;
        this.samaritans = samaritans;
        this.audit = audit;
        this.clock = clock;
    }

    /** The reward of a granted honour, to its person, unit or station: asked of the funds. */
    void requestPayment(CurrentUser me, Honour honour, Title title, Money reward) {
        requestPayment(me, honour, title, new RewardRequest(honour.getId(), honour.getSamaritanId(),
                honour.getOrganizationId(), RewardRequest.Kind.PAYMENT, reward, LocalDate.now(clock)));
    }

    /** The reward of a group's honour, shared equally among its members (the odd cents to the first). */
    void requestSharedPayments(CurrentUser me, Honour honour, Title title, Money reward) {
        LocalDate today = LocalDate.now(clock);
        List<Long> members = List.copyOf(honour.getMemberIds());
        List<Money> shares = reward.split(members.size());
        for (int i = 0; i < members.size(); i++) {
            requestPayment(me, honour, title, new RewardRequest(honour.getId(), members.get(i), null,
                    RewardRequest.Kind.PAYMENT, shares.get(i), today));
        }
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

    /** The reward of an honour entered from the records, paid before Yiyong on its decision date. */
    void recordPaidBefore(Honour honour, Money amount, LocalDate decidedOn) {
        rewards.save(RewardRequest.paidBefore(honour.getId(), honour.getSamaritanId(), amount, decidedOn));
    }

    /** The funds paid a reward: settled; if the honour was revoked meanwhile, the money is to be clawed back. */
    @Transactional
    public void rewardPaid(PaymentSettled paid) {
        rewardOf(paid.source()).ifPresent(request -> {
            RewardRequest.Settlement settlement = request.paid(paid.paidOn());
            if (settlement == RewardRequest.Settlement.ALREADY_SETTLED) {
                return;
            }
            if (settlement == RewardRequest.Settlement.SETTLED_AFTER_CANCELLATION) {
                rewards.save(request.clawback(LocalDate.now(clock)));
            }
            audit.record(AuditRecord.of(AuditAction.UPDATE, HonourLookup.ENTITY, request.getHonourId())
                    .byActor(AuditTrail.SYSTEM_ACTOR)
                    .withDetail("reward paid by " + paid.orderNumber() + " on " + paid.paidOn()));
        });
    }

    /**
     * The bank returned a reward: it is due again — unless the honour was revoked meanwhile, when there is
     * nothing to claw back any more and the order is withdrawn.
     */
    @Transactional
    public void rewardReturned(PaymentReturned returned) {
        rewardOf(returned.source()).ifPresent(request -> {
            boolean revoked = honours.findById(request.getHonourId()).map(Honour::isRevoked).orElse(false);
            LocalDate today = LocalDate.now(clock);
            RewardRequest.Return outcome = request.returned(today, revoked);
            if (outcome == RewardRequest.Return.NOT_SETTLED) {
                return;
            }
            if (outcome == RewardRequest.Return.WITHDRAWN) {
                rewards.save(request); // publishes PaymentWithdrawn
                rewards.findByHonourIdAndKind(request.getHonourId(), RewardRequest.Kind.CLAWBACK).stream()
                        .filter(clawback -> clawback.clawsBack(request))
                        .forEach(clawback -> clawback.dropClawback(today));
            }
            audit.record(AuditRecord.of(AuditAction.UPDATE, HonourLookup.ENTITY, request.getHonourId())
                    .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("reward returned: " + returned.reason()
                            + (revoked ? " (honour revoked: not due again)" : "")));
        });
    }

    /** The honour was revoked: its unpaid rewards are withdrawn, its paid ones to be clawed back. */
    void honourRevoked(Honour honour, LocalDate on, String document) {
        rewards.findByHonourIdAndKind(honour.getId(), RewardRequest.Kind.PAYMENT)
                .forEach(request -> request.honourRevoked(on, document).ifPresent(rewards::save));
    }

    private Optional<RewardRequest> rewardOf(PaymentSource source) {
        return RewardRequest.isReward(source) ? rewards.findById(source.recordId()) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<RewardRequest> rewardsOf(long honourId) {
        return rewards.findByHonourId(honourId);
    }

    /**
     * Where each honour's reward stands as a profile shows it: to pay while any share is requested, cancelled
     * when all are, else paid; an honour without a reward is left out. One read for all of them.
     */
    Map<Long, RewardRequest.Status> rewardsOf(Collection<Long> honourIds) {
        if (honourIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<RewardRequest>> payments = rewards.findByHonourIdInAndKind(honourIds,
                RewardRequest.Kind.PAYMENT).stream().collect(Collectors.groupingBy(RewardRequest::getHonourId));
        Map<Long, RewardRequest.Status> standing = new HashMap<>();
        payments.forEach((honourId, shares) -> standing.put(honourId,
                shares.stream().anyMatch(r -> r.getStatus() == RewardRequest.Status.REQUESTED)
                        ? RewardRequest.Status.REQUESTED
                        : shares.stream().allMatch(r -> r.getStatus() == RewardRequest.Status.CANCELLED)
                                ? RewardRequest.Status.CANCELLED : RewardRequest.Status.SETTLED));
        return standing;
    }
}

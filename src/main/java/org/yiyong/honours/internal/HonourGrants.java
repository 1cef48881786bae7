package org.yiyong.honours.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;

/**
 * Honours granted, in each of the four ways — an approved 即时表彰 by the decision of a day, a round's
 * candidate by the round's approval, an honour above on a recommendation, one from before Yiyong entered
 * from the records — each granted with the reward of the standard in force on the decision date (which
 * becomes a payment request), a certificate number and a code to check; and revocation, which turns an
 * unpaid reward into nothing and a paid one into a clawback.
 */
@Service
public class HonourGrants {

    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final SamaritanRegistry samaritans;
    private final RewardLedger ledger;
    private final HonourLookup lookup;
    private final HonourNumbers numbers;
    private final AuditTrail audit;
    private final Clock clock;

    HonourGrants(Honours honours, TitleCatalogue catalogue, SamaritanRegistry samaritans, RewardLedger ledger,
            HonourLookup lookup, HonourNumbers numbers, AuditTrail audit, Clock clock) {
        this.honours = honours;
        this.catalogue = catalogue;
        this.samaritans = samaritans;
        this.ledger = ledger;
        this.lookup = lookup;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
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
        Inputs.requiredText("documentNumber", documentNumber);
        if (documentNumber.length() > 100) {
            throw new InvalidField("documentNumber", "validation.too-long");
        }
        Honour honour = lookup.inScope(me, id);
        Title title = catalogue.title(honour.getTitleId());
        Money reward = catalogue.rewardOn(title, on);
        var before = honour.snapshot();
        honour.grant(on, documentNumber.trim(), numbers.certificate(on.getYear()), numbers.verificationCode(), reward);
        honours.flush();
        if (reward.compareTo(Money.ZERO) > 0) {
            ledger.requestPayment(me, honour, title, reward);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, HonourLookup.ENTITY, id).withChanges(Changes.between(before,
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
                List<Long> members = lookup.groupMembers(candidate.getDeedId());
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
        Money reward = catalogue.amountOn(title, on).orElse(null);
        honour.grantedInRound(me.username(), on, document, numbers.certificate(on.getYear()), numbers.verificationCode(),
                reward);
        honours.saveAndFlush(honour);
        if (reward != null && reward.compareTo(Money.ZERO) > 0) {
            if (honour.getRecipient() == Recipient.GROUP) {
                ledger.requestSharedPayments(me, honour, title, reward);
            } else {
                ledger.requestPayment(me, honour, title, reward);
            }
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, HonourLookup.ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())).withDetail("granted in round " + roundId));
        return honour;
    }

    /**
     * An honour granted before Yiyong, entered from the records (the decision document): granted on its
     * date with its reward, which was paid then.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Honour recordHistorical(CurrentUser me, long samaritanId, String titleCode, LocalDate decidedOn,
            String document, BigDecimal reward) {
        return recordHistorical(me, samaritanId, titleCode, decidedOn, document, reward, null, null);
    }

    /** As {@link #recordHistorical(CurrentUser, long, String, LocalDate, String, BigDecimal)}, for a deed on record. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Honour recordHistorical(CurrentUser me, long samaritanId, String titleCode, LocalDate decidedOn,
            String document, BigDecimal reward, Long deedId, String deedNumber) {
        if (decidedOn == null || decidedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("decidedOn", decidedOn == null ? "validation.required" : "honour.date.future");
        }
        Inputs.requiredText("documentNumber", document);
        Title title = catalogue.title(titleCode == null ? "" : titleCode);
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        if (honours.existsBySamaritanIdAndTitleIdAndDeedId(samaritanId, title.getId(), deedId)) {
            throw new HonourRuleBroken("honour.already", samaritan.name(), title.getName(),
                    deedNumber == null ? "—" : deedNumber);
        }
        Money amount = reward != null ? Money.of(reward) : catalogue.rewardOn(title, decidedOn);
        Honour honour = new Honour(title.getId(), samaritanId, deedId, deedNumber, samaritan.regionCode(),
                HonourMode.HISTORICAL, "历史表彰：" + document.trim(), me.username(), decidedOn);
        honour.grantedInRound(me.username(), decidedOn, document.trim(), numbers.certificate(decidedOn.getYear()),
                numbers.verificationCode(), amount);
        honours.saveAndFlush(honour);
        if (amount.compareTo(Money.ZERO) > 0) {
            ledger.recordPaidBefore(honour, amount, decidedOn);
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, HonourLookup.ENTITY, honour.getId())
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
                    recommendation.getGroupName(), lookup.groupMembers(recommendation.getDeedId()),
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
        Money reward = catalogue.amountOn(title, on).orElse(null);
        honour.grantedInRound(me.username(), on, document, numbers.certificate(on.getYear()), numbers.verificationCode(),
                reward);
        try {
            honours.saveAndFlush(honour);
        } catch (DataIntegrityViolationException twoAtOnce) {
            throw new HonourRuleBroken("honour.already", lookup.holderOf(honour), title.getName(),
                    recommendation.getDeedNumber());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, HonourLookup.ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())).withDetail("granted above on a recommendation"));
        return honour;
    }

    /** 撤销 by the granting body: with the reason and the document; the reward is cancelled or clawed back. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Honour revoke(CurrentUser me, long id, String reason, String document) {
        Inputs.requiredText("reason", reason);
        Inputs.requiredText("document", document);
        if (reason.length() > 500 || document.length() > 100) {
            throw new InvalidField(reason.length() > 500 ? "reason" : "document", "validation.too-long");
        }
        Honour honour = lookup.inScope(me, id);
        LocalDate today = LocalDate.now(clock);
        honour.revoke(today, reason.trim(), document.trim());
        ledger.honourRevoked(honour, today, document.trim());
        audit.record(AuditRecord.of(AuditAction.UPDATE, HonourLookup.ENTITY, id)
                .withDetail("revoked (" + document.trim() + "): " + reason.trim()));
        return honour;
    }
}

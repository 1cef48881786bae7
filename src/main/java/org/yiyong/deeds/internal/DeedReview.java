package org.yiyong.deeds.internal;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.internal.DeedInvestigation.ActorRecommendation;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;

/**
 * Review: committee members and staff record opinions; the bureau that confirms the deeds of the place
 * proposes an outcome per actor.
 */
@Service
public class DeedReview {

    private final DeedIntake deeds;
    private final AuditTrail audit;
    private final Clock clock;
    private final DecidingBureaus bureaus;

    DeedReview(DeedIntake deeds, AuditTrail audit, Clock clock, DecidingBureaus bureaus) {
        this.deeds = deeds;
        this.audit = audit;
        this.clock = clock;
        this.bureaus = bureaus;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('COMMITTEE_MEMBER', 'CITY_STAFF', 'COUNTY_STAFF')")
    public Deed recordOpinion(CurrentUser me, long id, String opinion) {
        Inputs.requiredText("opinion", opinion);
        if (opinion.length() > 5000) {
            throw new InvalidField("opinion", "validation.too-long");
        }
        Deed deed = deeds.get(me, id);
        deed.recordOpinion(me.username(), opinion.trim(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id).withDetail("review opinion"));
        return deed;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Deed propose(CurrentUser me, long id, List<ActorRecommendation> proposals) {
        Map<Long, Recommendation> outcomes = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        for (ActorRecommendation proposal : proposals == null ? List.<ActorRecommendation>of() : proposals) {
            if (proposal != null && proposal.participantId() != null && proposal.outcome() != null) {
                outcomes.put(proposal.participantId(), proposal.outcome());
                reasons.put(proposal.participantId(), proposal.reason());
            }
        }
        Deed deed = deeds.get(me, id);
        bureaus.requireConfirming(me, deed.getRegionCode());
        deed.proposeOutcomes(outcomes, reasons, LocalDate.now(clock), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("outcomes proposed: " + outcomes));
        return deed;
    }
}

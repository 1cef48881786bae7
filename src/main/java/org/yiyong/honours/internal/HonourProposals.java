package org.yiyong.honours.internal;

import org.yiyong.shared.Inputs;
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
import org.yiyong.shared.InvalidField;

/**
 * 即时表彰 ("一案一奖、一事一奖") up to the decision: proposed by county or city staff for a confirmed deed of
 * a registered samaritan, then approved by another person of the city, or refused; and the honours as
 * staff open them.
 */
@Service
public class HonourProposals {

    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final SamaritanRegistry samaritans;
    private final HonourLookup lookup;
    private final AuditTrail audit;
    private final Clock clock;

    HonourProposals(Honours honours, TitleCatalogue catalogue, SamaritanRegistry samaritans, HonourLookup lookup,
            AuditTrail audit, Clock clock) {
        this.honours = honours;
        this.catalogue = catalogue;
        this.samaritans = samaritans;
        this.lookup = lookup;
        this.audit = audit;
        this.clock = clock;
    }

    /** Proposes an instant commendation of a registered samaritan for one of their confirmed deeds. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Honour proposeInstant(CurrentUser me, long samaritanId, Long deedId, String titleCode, String reason) {
        Inputs.required("deedId", deedId);
        Inputs.requiredText("reason", reason);
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
        audit.record(AuditRecord.of(AuditAction.CREATE, HonourLookup.ENTITY, honour.getId())
                .withChanges(Changes.created(honour.snapshot())));
        return honour;
    }

    /** A honour in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public Honour get(CurrentUser me, long id) {
        return lookup.inScope(me, id);
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
        Honour honour = lookup.inScope(me, id);
        var before = honour.snapshot();
        honour.approve(me.username(), LocalDate.now(clock));
        audit.record(AuditRecord.of(AuditAction.UPDATE, HonourLookup.ENTITY, id).withChanges(Changes.between(before,
                honour.snapshot())).withDetail("approved"));
        return honour;
    }

    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Honour refuse(CurrentUser me, long id, String reason) {
        Inputs.requiredText("reason", reason);
        if (reason.length() > 500) {
            throw new InvalidField("reason", "validation.too-long");
        }
        Honour honour = lookup.inScope(me, id);
        honour.refuse(me.username(), LocalDate.now(clock), reason.trim());
        audit.record(AuditRecord.of(AuditAction.UPDATE, HonourLookup.ENTITY, id)
                .withDetail("refused: " + reason.trim()));
        return honour;
    }
}

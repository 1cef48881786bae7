package org.yiyong.leads.internal;

import org.yiyong.shared.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.DeedLookup;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.DeedSummary;
import org.yiyong.deeds.FiledDeed;
import org.yiyong.deeds.NewDeed;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.shared.InvalidField;

/**
 * Staff decide on the leads of their data scope, once each: take one up as a new deed, merge it into
 * a deed already on file, or not take it up, with the reason the reporter is told. Every decision is
 * audited; a lead outside the scope is not found, and the attempt is audited too.
 */
@Service
public class LeadTriage {

    /** The entity name in the audit trail, and the attachment owner type. */
    public static final String ENTITY = "Lead";
    public static final String READERS = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    static final String BUREAU = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    public static final int MAX_REASON = 500;

    private final Leads leads;
    private final DeedIntake intake;
    private final DeedLookup deeds;
    private final Attachments attachments;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    LeadTriage(Leads leads, DeedIntake intake, DeedLookup deeds, Attachments attachments, AuditTrail audit,
            Clock clock, YiyongProperties platform) {
        this.leads = leads;
        this.intake = intake;
        this.deeds = deeds;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
        this.zone = platform.zone();
    }

    /** A lead in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Lead get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    /** 处理中: the caller checks the new lead; nothing changes if someone already does. */
    @Transactional
    @PreAuthorize(BUREAU)
    public Lead takeUp(CurrentUser me, long id) {
        Lead lead = inScope(me, id);
        var before = lead.snapshot();
        if (lead.takeUp(me.username(), clock.instant())) {
            recordUpdate(lead, before, "taken up");
        }
        return lead;
    }

    /**
     * 受理立案: registers a deed from the lead (source 群众线索, in the lead's region, received the day the
     * lead arrived), copies the lead's photos and videos to it, and links the lead to it.
     *
     * @throws org.yiyong.deeds.PossibleDuplicates when the deed may be one on file already, unless
     *     {@link LeadAcceptance#notADuplicate()}
     * @throws InvalidField on the deed's field at fault
     * @throws LeadAlreadyTriaged when the lead was decided on already
     */
    @Transactional
    @PreAuthorize(BUREAU)
    public Lead accept(CurrentUser me, long id, LeadAcceptance acceptance) {
        Lead lead = inScope(me, id);
        lead.requireOpen();
        var before = lead.snapshot();
        FiledDeed deed = intake.file(me, new NewDeed(lead.getRegionCode(),
                new DeedFacts(acceptance.category(), DeedSource.PUBLIC_LEAD, null, acceptance.occurredAt(),
                        acceptance.address(), acceptance.title(), acceptance.narrative()),
                acceptance.participants(), lead.getReceivedAt().atZone(zone).toLocalDate(),
                acceptance.notADuplicate()));
        copyAttachments(me, lead, deed);
        lead.acceptedAs(deed.id(), deed.number(), me.username(), clock.instant());
        recordUpdate(lead, before, "accepted as deed " + deed.number());
        return lead;
    }

    /**
     * 并入已有案件: the act is on file already as the deed with this number, which must lie within the
     * caller's scope; the deed's timeline records the lead.
     *
     * @throws InvalidField on {@code deedNumber} when no such deed lies within the scope
     */
    @Transactional
    @PreAuthorize(BUREAU)
    public Lead merge(CurrentUser me, long id, String deedNumber) {
        Inputs.requiredText("deedNumber", deedNumber);
        Lead lead = inScope(me, id);
        lead.requireOpen();
        DeedSummary deed = deeds.byNumber(me.scope(), deedNumber)
                .orElseThrow(() -> new InvalidField("deedNumber", "lead.merge.deed-unknown", deedNumber.strip()));
        var before = lead.snapshot();
        intake.mergeLead(me, deed.id(), lead.getTrackingCode());
        lead.mergedInto(deed.id(), deed.number(), me.username(), clock.instant());
        recordUpdate(lead, before, "merged into deed " + deed.number());
        return lead;
    }

    /**
     * 不予采纳, with the reason the reporter is told when they look the code up.
     *
     * @throws InvalidField on {@code reason} when it is missing or longer than {@value #MAX_REASON}
     */
    @Transactional
    @PreAuthorize(BUREAU)
    public Lead reject(CurrentUser me, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "lead.reject.reason-required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidField("reason", "lead.too-long", String.valueOf(MAX_REASON));
        }
        Lead lead = inScope(me, id);
        var before = lead.snapshot();
        lead.reject(reason.strip(), me.username(), clock.instant());
        recordUpdate(lead, before, "not taken up: " + reason.strip());
        return lead;
    }

    private void copyAttachments(CurrentUser me, Lead lead, FiledDeed deed) {
        for (Attachment file : attachments.list(me, ENTITY, lead.getId())) {
            try (InputStream content = attachments.open(me, file.id()).content().getInputStream()) {
                attachments.store(me, "Deed", deed.id(), file.fileName(), content);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    private Lead inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                leads.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), leads::existsById);
    }

    /** A change to a lead goes into the audit trail with what changed. */
    private void recordUpdate(Lead lead, Map<String, Object> before, String detail) {
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, lead.getId())
                .withChanges(Changes.between(before, lead.snapshot())).withDetail(detail));
    }
}

package org.yiyong.deeds;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.internal.DeadlineProperties;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.Deeds;
import org.yiyong.deeds.internal.Objection;
import org.yiyong.deeds.internal.Participant;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Masking;
import org.yiyong.shared.RecordNotFound;

/**
 * 公示: proposed confirmations are shown to the public for a set period (default 7 days) without ID
 * numbers or contacts; objections are recorded and must be resolved before the notice closes.
 */
@Service
public class DeedNotice {

    private final DeedIntake deeds;
    private final Deeds repository;
    private final Regions regions;
    private final DeadlineProperties rules;
    private final AuditTrail audit;
    private final Clock clock;

    DeedNotice(DeedIntake deeds, Deeds repository, Regions regions, DeadlineProperties rules, AuditTrail audit,
            Clock clock) {
        this.deeds = deeds;
        this.repository = repository;
        this.regions = regions;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Deed start(CurrentUser me, long id, LocalDate start) {
        LocalDate today = LocalDate.now(clock);
        if (start != null && start.isBefore(today)) {
            throw new InvalidField("start", "deed.notice.start-past");
        }
        Deed deed = deeds.get(me, id);
        deed.startNotice(start == null ? today : start, rules.noticeDays(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("public notice " + deed.getNoticeStart() + " – " + deed.getNoticeEnd()));
        return deed;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Deed resolve(CurrentUser me, long id, long objectionId, String resolution) {
        Inputs.requiredText("resolution", resolution);
        if (resolution.length() > 2000) {
            throw new InvalidField("resolution", "validation.too-long");
        }
        Deed deed = deeds.get(me, id);
        deed.resolveObjection(objectionId, resolution.trim(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Objection", objectionId).withDetail(resolution.trim()));
        return deed;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Deed close(CurrentUser me, long id) {
        Deed deed = deeds.get(me, id);
        deed.closeNotice(LocalDate.now(clock), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id).withDetail("public notice closed"));
        return deed;
    }

    /** The notices running today, as the public sees them: no ID numbers, no contacts. */
    @Transactional(readOnly = true)
    public List<PublicNotice> current() {
        LocalDate today = LocalDate.now(clock);
        return repository.findByStatusOrderByNoticeStartDesc(DeedStatus.IN_NOTICE).stream()
                .filter(deed -> !today.isBefore(deed.getNoticeStart()) && !today.isAfter(deed.getNoticeEnd()))
                .map(this::publicView)
                .toList();
    }

    /** An objection from anyone, without signing in, while the notice of that deed runs. */
    @Transactional
    public void object(String number, String submitter, String contact, String content) {
        Inputs.requiredText("content", content);
        if (content.length() > 5000) {
            throw new InvalidField("content", "validation.too-long");
        }
        if (submitter != null && submitter.length() > 60) {
            throw new InvalidField("submitter", "validation.too-long");
        }
        if (contact != null && contact.length() > 100) {
            throw new InvalidField("contact", "validation.too-long");
        }
        // a deed that was never on notice answers like an unknown number: the portal tells nothing about it
        Deed deed = repository.findByNumber(number).filter(found -> found.getNoticeStart() != null)
                .orElseThrow(() -> new RecordNotFound("PublicNotice", number));
        Objection objection = deed.object(LocalDate.now(clock), blankToNull(submitter), blankToNull(contact),
                content.trim(), clock.instant());
        repository.flush();
        audit.record(AuditRecord.of(AuditAction.CREATE, "Objection", objection.getId())
                .withDetail("objection to " + number).byActor("public"));
    }

    private PublicNotice publicView(Deed deed) {
        // written by staff for the case file: ID and phone numbers typed into it are masked for the public
        return new PublicNotice(deed.getNumber(), regions.nameOf(deed.getRegionCode()),
                Masking.freeText(deed.getTitle()), Masking.freeText(deed.getNarrative()),
                deed.getOccurredAt().toLocalDate(), Masking.freeText(deed.getAddress()), deed.getNoticeStart(),
                deed.getNoticeEnd(), deed.actors().stream()
                        .filter(person -> person.getProposedOutcome() == Recommendation.CONFIRM)
                        .map(Participant::getName).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A public notice: what happened, where, who is proposed for confirmation, and until when. */
    public record PublicNotice(String number, String regionName, String title, String narrative,
            LocalDate occurredOn, String address, LocalDate start, LocalDate end, List<String> proposedNames) {
    }
}

package org.yiyong.leads.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.files.SubmittedFiles;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;

/**
 * Leads from the public portal, where nobody signs in: sending one with its photos and videos, and
 * following it by tracking code. A lead that breaks a rule is not saved at all, files included.
 */
@Service
public class PublicLeads {

    /** Who the audit trail and the attachments name as the sender. */
    public static final String PUBLIC_ACTOR = "public";
    public static final int MAX_FILES = 5;
    /** Staff who register leads for the people who come to them. */
    public static final String REPORTERS = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')";
    public static final int MAX_NARRATIVE = 5000;
    /** Photos as phones take them, and the videos phones record. */
    public static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif",
            "image/webp", "image/heic", "image/avif", "video/mp4", "video/quicktime");

    private static final Logger log = LoggerFactory.getLogger(PublicLeads.class);

    private final Leads leads;
    private final Regions regions;
    private final SubmittedFiles files;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    PublicLeads(Leads leads, Regions regions, SubmittedFiles files, AuditTrail audit, Clock clock,
            YiyongProperties platform) {
        this.leads = leads;
        this.regions = regions;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.zone = platform.zone();
    }

    /** The county-level regions a lead may name, in the order of the region tree. */
    public List<Region> regionChoices() {
        return regions.tree().stream().flatMap(PublicLeads::countyLevel).toList();
    }

    private static java.util.stream.Stream<Region> countyLevel(Region region) {
        if (region.level() == RegionLevel.COUNTY || region.level() == RegionLevel.FUNCTIONAL_AREA) {
            return java.util.stream.Stream.of(region);
        }
        return region.children().stream().flatMap(PublicLeads::countyLevel);
    }

    /**
     * Saves a lead and its files, and returns its tracking code.
     *
     * @throws InvalidField on the field at fault; nothing is saved
     */
    @Transactional
    public Lead submit(NewLead request, List<SubmittedFiles.Incoming> attachments) {
        NewLead lead = checked(request);
        return save(attachments, code -> new Lead(code, lead, clock.instant()), PUBLIC_ACTOR,
                "lead from the public portal");
    }

    /**
     * Registers a lead that someone told a staff member about (at a work station, a county office, on the
     * phone), with the same checks as the portal's form; the lead names who registered it and their
     * organization, whose ledger lists it, and the reporter follows it with the tracking code they are given.
     *
     * @throws InvalidField on the field at fault; nothing is saved
     */
    @Transactional
    @PreAuthorize(REPORTERS)
    public Lead report(CurrentUser me, NewLead request, List<SubmittedFiles.Incoming> attachments) {
        NewLead lead = checked(request);
        return save(attachments, code -> Lead.reportedBy(code, lead, clock.instant(), me.username(),
                me.organizationId()), me.username(), "lead registered by staff for its reporter");
    }

    private Lead save(List<SubmittedFiles.Incoming> attachments, Function<String, Lead> lead, String actor,
            String detail) {
        if (attachments.size() > MAX_FILES) {
            throw new InvalidField("files", "lead.files.too-many", String.valueOf(MAX_FILES));
        }
        String code = TrackingCode.random(random);
        while (leads.existsByTrackingCode(code)) {
            code = TrackingCode.random(random);
        }
        Lead saved = leads.saveAndFlush(lead.apply(code));
        if (!attachments.isEmpty()) {
            files.attach(LeadTriage.ENTITY, saved.getId(), attachments, ACCEPTED_MEDIA_TYPES, "lead.files.refused",
                    actor);
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, LeadTriage.ENTITY, saved.getId())
                .withChanges(Changes.created(saved.snapshot()))
                .withDetail(detail + ", " + attachments.size() + " file(s)")
                .byActor(actor));
        return saved;
    }

    /**
     * A form whose hidden honeypot field was filled in, which people never see: a program sent it.
     * Nothing is saved; the attempt is audited.
     */
    public void refuseAutomatedSubmission() {
        log.info("A lead form with its honeypot filled in was not saved");
        audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, LeadTriage.ENTITY, null)
                .withDetail("public lead form: honeypot filled in, not saved").byActor(PUBLIC_ACTOR));
    }

    /** Where the lead with this code stands; empty for a code that is not one, or not known. */
    @Transactional(readOnly = true)
    public Optional<PublicLeadStatus> status(String typedCode) {
        return TrackingCode.normalize(typedCode)
                .flatMap(leads::findByTrackingCode)
                .map(lead -> new PublicLeadStatus(lead.getTrackingCode(), lead.getStatus(),
                        lead.getReceivedAt().atZone(zone).toLocalDate(),
                        lead.getStatus() == LeadStatus.REJECTED ? lead.getRejectionReason() : null,
                        lead.getDeedId()));
    }

    private NewLead checked(NewLead lead) {
        String narrative = required("narrative", lead.narrative(), MAX_NARRATIVE);
        Inputs.required("occurredOn", lead.occurredOn());
        LocalDateTime now = LocalDateTime.now(clock);
        if (lead.occurredOn().isAfter(now.toLocalDate())) {
            throw new InvalidField("occurredOn", "lead.occurred.future");
        }
        if (lead.occurredTime() != null && lead.occurredOn().atTime(lead.occurredTime()).isAfter(now)) {
            throw new InvalidField("occurredTime", "lead.occurred.future");
        }
        if (lead.regionCode() == null || lead.regionCode().isBlank()) {
            throw new InvalidField("regionCode", "lead.region.required");
        }
        String regionCode = lead.regionCode().strip();
        if (regionChoices().stream().noneMatch(region -> region.code().equals(regionCode))) {
            throw new InvalidField("regionCode", "lead.region.unknown");
        }
        String address = required("address", lead.address(), 200);
        String people = optional("peopleInvolved", lead.peopleInvolved(), 1000);
        String name = optional("reporterName", lead.reporterName(), 60);
        String phone = optional("reporterPhone", lead.reporterPhone(), 40);
        if (phone != null) {
            try {
                phone = PhoneNumber.parse(phone).value();
            } catch (InvalidField wrong) {
                throw new InvalidField("reporterPhone", wrong.messageKey(), wrong.arguments());
            }
        }
        if (lead.smsConsent() && (phone == null || !PhoneNumber.parse(phone).isMobile())) {
            throw new InvalidField("reporterPhone", "lead.sms.mobile-needed");
        }
        return new NewLead(regionCode, lead.occurredOn(), lead.occurredTime(), address, narrative, people, name,
                phone, lead.smsConsent());
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "validation.required");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidField(field, "lead.too-long", String.valueOf(max));
        }
        return text;
    }
}

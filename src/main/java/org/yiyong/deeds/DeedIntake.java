package org.yiyong.deeds;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.deeds.internal.DeadlineProperties;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.DeedNumbers;
import org.yiyong.deeds.internal.Deeds;
import org.yiyong.deeds.internal.Participant;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.ResidentId;

/**
 * Taking cases in: registering a nomination, an application or a police referral, and accepting or
 * refusing it — within the caller's data scope, every step audited and on the deed's timeline.
 */
@Service
public class DeedIntake {

    public static final String ENTITY = "Deed";
    private static final String STAFF = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'INVESTIGATOR', 'STATION_STAFF')";
    private static final String BUREAU = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";

    private final Deeds deeds;
    private final DeedNumbers numbers;
    private final Regions regions;
    private final FieldCipher cipher;
    private final DeadlineProperties rules;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    DeedIntake(Deeds deeds, DeedNumbers numbers, Regions regions, FieldCipher cipher, DeadlineProperties rules,
            JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.deeds = deeds;
        this.numbers = numbers;
        this.regions = regions;
        this.cipher = cipher;
        this.rules = rules;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(STAFF)
    public Deed register(CurrentUser me, NewDeed request) {
        DeedFacts facts = request.facts();
        requireRegion(me, request.regionCode());
        requireFacts(facts);
        List<Participant> participants = participants(request);
        if (!request.notADuplicate()) {
            List<String> duplicates = possibleDuplicates(request.regionCode(), facts.occurredAt(), participants);
            if (!duplicates.isEmpty()) {
                throw new PossibleDuplicates(duplicates);
            }
        }
        Instant now = clock.instant();
        LocalDate receivedOn = request.receivedOn() == null ? LocalDate.now(clock) : request.receivedOn();
        String number = numbers.next(request.regionCode(), facts.occurredAt().getYear());
        Deed deed = deeds.save(new Deed(number, request.regionCode(), facts, participants, receivedOn, me.username(),
                now));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, deed.getId())
                .withChanges(Changes.created(deed.snapshot())));
        return deed;
    }

    /**
     * Puts a deed on file for another module — a public lead taken up — with the same checks as
     * {@link #register}, and answers its id and number.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public FiledDeed file(CurrentUser me, NewDeed request) {
        Deed deed = register(me, request);
        return new FiledDeed(deed.getId(), deed.getNumber());
    }

    @Transactional
    @PreAuthorize(BUREAU)
    public Deed accept(CurrentUser me, long id, LocalDate acceptedOn, String lateFilingApproval) {
        Deed deed = inScope(me, id);
        var before = deed.snapshot();
        LocalDate today = LocalDate.now(clock);
        deed.accept(acceptedOn == null ? today : acceptedOn, today, rules.filingWindow(), lateFilingApproval,
                me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id)
                .withChanges(Changes.between(before, deed.snapshot())).withDetail("accepted"));
        return deed;
    }

    @Transactional
    @PreAuthorize(BUREAU)
    public Deed refuseToAccept(CurrentUser me, long id, String reason) {
        Inputs.requiredText("reason", reason);
        if (reason.length() > 500) {
            throw new InvalidField("reason", "validation.too-long");
        }
        Deed deed = inScope(me, id);
        var before = deed.snapshot();
        deed.refuseToAccept(reason.trim(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id)
                .withChanges(Changes.between(before, deed.snapshot())).withDetail("not accepted: " + reason.trim()));
        return deed;
    }

    @Transactional
    @PreAuthorize(BUREAU)
    public Deed extendDeadline(CurrentUser me, long id, Integer days, String reason, String approvedBy) {
        Inputs.required("days", days);
        requireText("reason", reason, 500);
        requireText("approvedBy", approvedBy, 60);
        Deed deed = inScope(me, id);
        deed.extendDeadline(days, reason.trim(), approvedBy.trim(), rules.rule(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id)
                .withChanges(Changes.between(java.util.Map.of("extensionDays", 0),
                        java.util.Map.of("extensionDays", days)))
                .withDetail("deadline extended: " + reason.trim() + " (approved by " + approvedBy.trim() + ")"));
        return deed;
    }

    @Transactional
    @PreAuthorize(BUREAU)
    public Deed requestDocuments(CurrentUser me, long id, LocalDate on, String documents) {
        requireText("documents", documents, 500);
        Deed deed = inScope(me, id);
        deed.requestDocuments(on == null ? LocalDate.now(clock) : on, documents.trim(), me.username(),
                clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("documents requested: "
                + documents.trim()));
        return deed;
    }

    @Transactional
    @PreAuthorize(BUREAU)
    public Deed documentsArrived(CurrentUser me, long id, LocalDate on) {
        Deed deed = inScope(me, id);
        deed.documentsArrived(on == null ? LocalDate.now(clock) : on, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("requested documents arrived"));
        return deed;
    }

    /** A public lead that reports an act already on file is merged into that deed's timeline. */
    @Transactional
    @PreAuthorize(STAFF)
    public Deed mergeLead(CurrentUser me, long id, String trackingCode) {
        Deed deed = inScope(me, id);
        deed.mergeLead(trackingCode, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("lead merged: " + trackingCode));
        return deed;
    }

    /** A deed in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    public Deed get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    private Deed inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                deeds.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), deeds::existsById);
    }

    private void requireRegion(CurrentUser me, String regionCode) {
        Inputs.requiredText("regionCode", regionCode);
        var region = regions.find(regionCode)
                .orElseThrow(() -> new InvalidField("regionCode", "organization.region.unknown"));
        if (region.level() != RegionLevel.COUNTY && region.level() != RegionLevel.FUNCTIONAL_AREA) {
            throw new InvalidField("regionCode", "deed.region.county-level");
        }
        if (!me.scope().covers(regionCode)) {
            throw new InvalidField("regionCode", "deed.region.outside-scope");
        }
    }

    private void requireFacts(DeedFacts facts) {
        Inputs.required("category", facts.category());
        Inputs.required("source", facts.source());
        if (facts.source() == DeedSource.HISTORICAL_REGISTER) {
            // deeds of the earlier registers come in by import, never as a new case
            throw new InvalidField("source", "deed.source.historical-by-import");
        }
        if (facts.source() == DeedSource.NOMINATION && facts.nominatorKind() == null) {
            throw new InvalidField("nominatorKind", "deed.nominator.required");
        }
        Inputs.required("occurredAt", facts.occurredAt());
        if (facts.occurredAt().isAfter(LocalDateTime.now(clock))) {
            throw new InvalidField("occurredAt", "deed.occurred.future");
        }
        requireText("title", facts.title(), 120);
        requireText("address", facts.address(), 200);
        requireText("narrative", facts.narrative(), 20000);
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "validation.required");
        }
        if (value.length() > max) {
            throw new InvalidField(field, "validation.too-long");
        }
    }

    private List<Participant> participants(NewDeed request) {
        List<Participant> participants = new ArrayList<>();
        boolean applicantWithId = false;
        for (int i = 0; i < request.participants().size(); i++) {
            NewDeed.NewParticipant person = request.participants().get(i);
            if (person.isBlank()) {
                continue;
            }
            String prefix = "participants[" + i + "].";
            if (person.role() == null) {
                throw new InvalidField(prefix + "role", "validation.required");
            }
            if (person.name() == null || person.name().isBlank()) {
                throw new InvalidField(prefix + "name", "validation.required");
            }
            if (person.name().trim().length() > 60) {
                throw new InvalidField(prefix + "name", "validation.too-long");
            }
            Participant.ProtectedId id = null;
            if (person.residentId() != null && !person.residentId().isBlank()) {
                ResidentId parsed;
                try {
                    parsed = ResidentId.parse(person.residentId(), LocalDate.now(clock));
                } catch (InvalidField invalid) {
                    throw new InvalidField(prefix + "residentId", invalid.messageKey(), invalid.arguments());
                }
                id = new Participant.ProtectedId(cipher.encrypt(parsed.value()), cipher.blindIndex(parsed.value()),
                        parsed.masked());
                applicantWithId |= person.role() == ParticipantRole.APPLICANT;
            }
            String phone = person.phone() == null || person.phone().isBlank() ? null : person.phone().trim();
            if (phone != null && phone.length() > 40) {
                throw new InvalidField(prefix + "phone", "validation.too-long");
            }
            if (person.smsConsent()) {
                PhoneNumber mobile = null;
                try {
                    mobile = phone == null ? null : PhoneNumber.parse(phone);
                } catch (InvalidField notAPhone) {
                    // told below
                }
                if (mobile == null || !mobile.isMobile()) {
                    throw new InvalidField(prefix + "phone", "deed.participant.sms.mobile-needed");
                }
                phone = mobile.value();
            }
            Participant participant = new Participant(person.role(), person.name().trim(), id, phone, person.harm(),
                    null);
            if (person.smsConsent()) {
                participant.agreeToSms();
            }
            participants.add(participant);
        }
        if (participants.isEmpty()) {
            throw new InvalidField("participants", "deed.participants.required");
        }
        if (request.facts().source() != null && request.facts().source().isApplication() && !applicantWithId) {
            throw new InvalidField("participants", "deed.applicant.identity-required");
        }
        return participants;
    }

    /** Deeds in the same region within a day either side that share a person by ID number or name. */
    private List<String> possibleDuplicates(String regionCode, LocalDateTime occurredAt, List<Participant> people) {
        Set<String> indexes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Participant person : people) {
            names.add(person.getName());
            if (person.getResidentIdIndex() != null) {
                indexes.add(person.getResidentIdIndex());
            }
        }
        LocalDate day = occurredAt.toLocalDate();
        return jdbc.sql("""
                select distinct d.number from deed d join deed_participant p on p.deed_id = d.id
                where d.region_code = :region and d.occurred_at >= :from and d.occurred_at < :to
                  and (p.name in (:names) or p.resident_id_index in (:indexes))
                order by d.number""")
                .param("region", regionCode)
                .param("from", day.minusDays(1).atStartOfDay())
                .param("to", day.plusDays(2).atStartOfDay())
                .param("names", names)
                .param("indexes", indexes.isEmpty() ? Set.of("-") : indexes)
                .query(String.class)
                .list();
    }
}

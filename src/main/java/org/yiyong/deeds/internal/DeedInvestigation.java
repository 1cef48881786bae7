package org.yiyong.deeds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.People;
import org.yiyong.identity.Role;
import org.yiyong.identity.Users;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.OrganizationView;
import org.yiyong.organization.Regions;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.RecordNotFound;

/**
 * 调查核实: the bureau assigns a police station or association, the investigators record interviews,
 * statements, police reports and medical records, and report with a recommendation per actor.
 */
@Service
public class DeedInvestigation {

    /** Who may investigate: police and the associations. */
    public static final Set<OrgType> INVESTIGATING_TYPES = EnumSet.of(OrgType.POLICE_STATION, OrgType.POLICE_BUREAU,
            OrgType.POLICE_SUB_BUREAU, OrgType.ASSOCIATION);

    private final DeedIntake deeds;
    private final OrganizationManagement organizations;
    private final Regions regions;
    private final AuditTrail audit;
    private final People people;
    private final Users users;
    private final Clock clock;

    DeedInvestigation(DeedIntake deeds, OrganizationManagement organizations, Regions regions, AuditTrail audit,
            People people, Users users, Clock clock) {
        this.deeds = deeds;
        this.people = people;
        this.users = users;
        this.regions = regions;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Deed assign(CurrentUser me, long id, Long organizationId, String investigators) {
        return assign(me, id, organizationId, investigators, null);
    }

    /**
     * Gives the investigation to an organization and, when one is named, to one of its investigators (a
     * user holding the investigator role there): their to-do list then holds it, the others' do not. The
     * names typed may be left out when an investigator is chosen; the investigator's name is kept.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Deed assign(CurrentUser me, long id, Long organizationId, String investigators, String investigator) {
        Inputs.required("organizationId", organizationId);
        People.Person chosen = null;
        if (investigator != null && !investigator.isBlank()) {
            chosen = people.enabled(investigator.trim())
                    .filter(person -> person.organizationId() == organizationId
                            && users.holds(person.username(), Role.INVESTIGATOR))
                    .orElseThrow(() -> new InvalidField("investigator", "deed.investigation.investigator-invalid"));
            if (investigators == null || investigators.isBlank()) {
                investigators = chosen.name();
            }
        }
        Inputs.requiredText("investigators", investigators);
        if (investigators.length() > 200) {
            throw new InvalidField("investigators", "validation.too-long");
        }
        Deed deed = deeds.get(me, id);
        OrganizationView organization;
        try {
            organization = organizations.view(me, organizationId);
        } catch (RecordNotFound outsideScope) {
            throw new InvalidField("organizationId", "deed.investigation.organization-invalid");
        }
        if (!organization.active() || !INVESTIGATING_TYPES.contains(organization.type())) {
            throw new InvalidField("organizationId", "deed.investigation.organization-invalid");
        }
        // police of the deed's own county, or an association whose area covers it
        boolean local = organization.regionCode().equals(deed.getRegionCode())
                || organization.type() == OrgType.ASSOCIATION
                        && regions.scopeOf(organization.regionCode()).covers(deed.getRegionCode());
        if (!local) {
            throw new InvalidField("organizationId", "deed.investigation.organization-elsewhere");
        }
        deed.assignInvestigation(organizationId, investigators.trim(), chosen == null ? null : chosen.username(),
                me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("investigation assigned to " + organization.name() + ": " + investigators.trim()
                        + (chosen == null ? "" : " (investigator " + chosen.username() + ")")));
        return deed;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'INVESTIGATOR', 'STATION_STAFF')")
    public Deed record(CurrentUser me, long id, InvestigationRecord.Kind kind, LocalDate on, String summary) {
        Inputs.required("kind", kind);
        Inputs.requiredText("summary", summary);
        Deed deed = deeds.get(me, id);
        requireAssigned(me, deed);
        LocalDate today = LocalDate.now(clock);
        LocalDate recordedOn = on == null ? today : on;
        // a record is made after the act and by today; any other day is a typing mistake
        if (recordedOn.isAfter(today)) {
            throw new InvalidField("recordedOn", "deed.date.future");
        }
        LocalDate occurredOn = deed.getOccurredAt().toLocalDate();
        if (recordedOn.isBefore(occurredOn)) {
            throw new InvalidField("recordedOn", "deed.investigation.before-occurrence", occurredOn.toString());
        }
        deed.recordInvestigation(kind, recordedOn, summary.trim(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id).withDetail("investigation record: "
                + kind));
        return deed;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'INVESTIGATOR')")
    public Deed report(CurrentUser me, long id, String summary, List<ActorRecommendation> recommendations) {
        Inputs.requiredText("summary", summary);
        Map<Long, Recommendation> outcomes = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        for (ActorRecommendation recommendation : recommendations == null ? List.<ActorRecommendation>of()
                : recommendations) {
            if (recommendation != null && recommendation.participantId() != null && recommendation.outcome() != null) {
                outcomes.put(recommendation.participantId(), recommendation.outcome());
                reasons.put(recommendation.participantId(), recommendation.reason());
            }
        }
        Deed deed = deeds.get(me, id);
        requireAssigned(me, deed);
        deed.submitReport(summary.trim(), outcomes, reasons, LocalDate.now(clock), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("investigation report: " + outcomes));
        return deed;
    }

    /** Bureau staff work on any deed in their scope; investigators only on the ones their organization was given. */
    private static void requireAssigned(CurrentUser me, Deed deed) {
        if (me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
            return;
        }
        Long assigned = deed.getInvestigatingOrganizationId();
        if (assigned == null || assigned != me.organizationId()) {
            throw new NotAllowed("deed.investigation.not-assigned", deed.getNumber());
        }
    }

    /** The recommendation for one actor, by participant id. */
    public record ActorRecommendation(Long participantId, Recommendation outcome, String reason) {
    }
}

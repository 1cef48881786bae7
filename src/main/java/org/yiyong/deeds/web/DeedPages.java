package org.yiyong.deeds.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.deeds.Deadlines;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.DeedDecisions;
import org.yiyong.deeds.internal.DeedInvestigation;
import org.yiyong.deeds.internal.DeliveryMethod;
import org.yiyong.deeds.internal.InvestigationRecord;
import org.yiyong.deeds.internal.NominatorKind;
import org.yiyong.deeds.internal.Outcome;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.deeds.internal.ReviewRequest;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.People;
import org.yiyong.identity.Role;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.web.PageSteps;

/**
 * What the deed page controllers share: the model of the case file and of the intake form, the regions a
 * user may register a deed in, and a step taken on the case file that leads back to it.
 */
@Component
class DeedPages {

    static final String FORM_VIEW = "deeds/form";
    static final String DETAIL_VIEW = "deeds/detail";

    private final Deadlines deadlines;
    private final Regions regions;
    private final Attachments attachments;
    private final OrganizationManagement organizations;
    private final DeedDecisions decisions;
    private final People people;
    private final java.time.Clock clock;

    DeedPages(Deadlines deadlines, Regions regions, Attachments attachments, OrganizationManagement organizations,
            DeedDecisions decisions, People people, java.time.Clock clock) {
        this.clock = clock;
        this.people = people;
        this.deadlines = deadlines;
        this.regions = regions;
        this.attachments = attachments;
        this.organizations = organizations;
        this.decisions = decisions;
    }

    /** Runs a step on deed {@code id} and goes back to its case file with how it went. */
    static String step(RedirectAttributes redirect, long id, String success, Runnable action) {
        return PageSteps.step(redirect, "/deeds/" + id, success, action);
    }

    /** The case file of a deed with the choices of its next steps; returns the view. */
    String detail(CurrentUser me, long id, Deed deed, Model model) {
        model.addAttribute("deed", deed);
        model.addAttribute("regionName", regions.nameOf(deed.getRegionCode()));
        java.time.LocalDate due = deed.decisionClock().flatMap(deadlines::dueDate).orElse(null);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        model.addAttribute("dueDate", due);
        model.addAttribute("today", today);
        model.addAttribute("daysOverdue", due != null && due.isBefore(today)
                ? java.time.temporal.ChronoUnit.DAYS.between(due, today) : 0L);
        model.addAttribute("stages", STAGES);
        model.addAttribute("stage", stageOf(deed.getStatus()));
        model.addAttribute("clockPaused", deed.decisionClock().map(c -> c.isPaused()).orElse(false));
        model.addAttribute("clockRunning", EnumSet.of(DeedStatus.ACCEPTED, DeedStatus.INVESTIGATING,
                DeedStatus.UNDER_REVIEW, DeedStatus.IN_NOTICE, DeedStatus.NOTICE_CLOSED, DeedStatus.HEARING).contains(deed.getStatus()));
        model.addAttribute("maxExtensionDays", deadlines.rule().maxExtensionDays());
        model.addAttribute("attachments", attachments.list(me, "Deed", id));
        model.addAttribute("recordKinds", InvestigationRecord.Kind.values());
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("deliveryMethods", DeliveryMethod.values());
        model.addAttribute("challengeKinds", deed.getStatus() == DeedStatus.CLOSED
                ? List.of(ReviewRequest.Kind.RECONSIDERATION, ReviewRequest.Kind.LITIGATION)
                : List.of(ReviewRequest.Kind.values()));
        model.addAttribute("reviewDeadline", decisions.reviewDeadline(deed));
        // the step is shown to everyone who follows the case; its button only to the confirming bureau
        model.addAttribute("mayDecide", decisions.mayDecide(me, deed));
        model.addAttribute("confirmingBureau", decisions.confirmingBureau(deed.getRegionCode()));
        model.addAttribute("hearingDays", decisions.hearingDays());
        if (deed.getStatus() == DeedStatus.ACCEPTED) {
            var investigating = organizations.parentChoices(me.scope()).stream()
                    .filter(o -> DeedInvestigation.INVESTIGATING_TYPES.contains(o.type()))
                    .filter(o -> o.regionCode().equals(deed.getRegionCode()) || o.type() == OrgType.ASSOCIATION)
                    .toList();
            model.addAttribute("investigatingOrganizations", investigating);
            // the investigators who may be named: those of the organizations that may investigate it
            java.util.Set<Long> ids = investigating.stream().map(o -> o.id()).collect(java.util.stream.Collectors.toSet());
            model.addAttribute("investigatorChoices", people.holding(Role.INVESTIGATOR, me.scope()).stream()
                    .filter(person -> ids.contains(person.organizationId())).toList());
        }
        if (deed.getInvestigatingOrganizationId() != null) {
            model.addAttribute("investigatingOrganization", organizations.find(deed.getInvestigatingOrganizationId())
                    .map(o -> o.name()).orElse(null));
        }
        return DETAIL_VIEW;
    }

    /** The steps a deed goes through, as the step bar shows them. */
    static final List<String> STAGES = List.of("RECEIVED", "ACCEPTED", "INVESTIGATING", "UNDER_REVIEW", "IN_NOTICE",
            "DECIDED", "DELIVERED", "CLOSED");

    /** Where a status stands on the step bar; a deed not accepted stops at the first step. */
    static int stageOf(DeedStatus status) {
        return switch (status) {
            case RECEIVED, NOT_ACCEPTED -> 0;
            case ACCEPTED -> 1;
            case INVESTIGATING -> 2;
            case UNDER_REVIEW -> 3;
            case IN_NOTICE, NOTICE_CLOSED, HEARING -> 4;
            case DECIDED -> 5;
            case DELIVERED -> 6;
            case CLOSED -> 7;
        };
    }

    /** The choices of the intake form (the form itself is already in the model); returns the view. */
    String form(CurrentUser me, Model model) {
        model.addAttribute("regions", countyRegions(me));
        model.addAttribute("categories", DeedCategory.values());
        model.addAttribute("sources", Arrays.stream(DeedSource.values())
                .filter(source -> source != DeedSource.PUBLIC_LEAD && source != DeedSource.HISTORICAL_REGISTER)
                .toList());
        model.addAttribute("nominatorKinds", NominatorKind.values());
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("harms", Harm.values());
        return FORM_VIEW;
    }

    /** The counties and functional areas of the user's scope, where deeds are registered. */
    List<Region> countyRegions(CurrentUser me) {
        return regions.within(me.scope()).stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA)
                .toList();
    }
}

package org.yiyong.deeds.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.deeds.Deadlines;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedFilter;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.DeedNotice;
import org.yiyong.deeds.DeedQueries;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.PossibleDuplicates;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.DeedDecisions;
import org.yiyong.deeds.internal.DeedInvestigation;
import org.yiyong.deeds.internal.DeedReview;
import org.yiyong.deeds.internal.DeliveryMethod;
import org.yiyong.deeds.internal.InvestigationRecord;
import org.yiyong.deeds.internal.NominatorKind;
import org.yiyong.deeds.internal.Outcome;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.deeds.internal.ReviewRequest;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.PageSteps;

/** Deed pages: the list, the intake form, the case file with its acceptance. */
@Controller
@RequestMapping("/deeds")
class DeedController {

    private static final String LIST_VIEW = "deeds/list";
    private static final String FORM_VIEW = "deeds/form";
    private static final String DETAIL_VIEW = "deeds/detail";

    private final DeedIntake intake;
    private final DeedQueries queries;
    private final Deadlines deadlines;
    private final Regions regions;
    private final Attachments attachments;
    private final DeedInvestigation investigation;
    private final DeedReview review;
    private final DeedNotice notice;
    private final OrganizationManagement organizations;
    private final DeedDecisions decisions;

    DeedController(DeedIntake intake, DeedQueries queries, Deadlines deadlines, Regions regions,
            Attachments attachments, DeedInvestigation investigation, DeedReview review, DeedNotice notice,
            OrganizationManagement organizations, DeedDecisions decisions) {
        this.decisions = decisions;
        this.notice = notice;
        this.investigation = investigation;
        this.review = review;
        this.organizations = organizations;
        this.intake = intake;
        this.queries = queries;
        this.deadlines = deadlines;
        this.regions = regions;
        this.attachments = attachments;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) DeedStatus status, @RequestParam(required = false) DeedCategory category,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
            Model model) {
        DeedFilter filter = new DeedFilter(q, status, category, region, from, to, overdue);
        model.addAttribute("filter", filter);
        model.addAttribute("page", queries.search(me.scope(), filter, new PageRequest(page, 20)));
        model.addAttribute("statuses", DeedStatus.values());
        model.addAttribute("categories", DeedCategory.values());
        model.addAttribute("regions", countyRegions(me));
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String initIntake(CurrentUser me, Model model) {
        DeedForm form = new DeedForm();
        form.setRegionCode(countyRegions(me).size() == 1 ? countyRegions(me).get(0).code() : null);
        model.addAttribute("form", form);
        return form(me, model);
    }

    @PostMapping("/new")
    String processIntake(CurrentUser me, @ModelAttribute("form") DeedForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Deed deed = intake.register(me, form.toNewDeed());
                redirect.addFlashAttribute("success", "deed.registered");
                return "redirect:/deeds/" + deed.getId();
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            } catch (PossibleDuplicates duplicates) {
                model.addAttribute("duplicates", duplicates.numbers());
            }
        }
        return form(me, model);
    }

    @GetMapping("/{id}")
    String show(CurrentUser me, @PathVariable long id, Model model) {
        Deed deed = intake.get(me, id);
        model.addAttribute("deed", deed);
        model.addAttribute("regionName", regions.nameOf(deed.getRegionCode()));
        model.addAttribute("dueDate", deed.decisionClock().flatMap(deadlines::dueDate).orElse(null));
        model.addAttribute("clockPaused", deed.decisionClock().map(c -> c.isPaused()).orElse(false));
        model.addAttribute("clockRunning", java.util.EnumSet.of(DeedStatus.ACCEPTED, DeedStatus.INVESTIGATING,
                DeedStatus.UNDER_REVIEW, DeedStatus.IN_NOTICE, DeedStatus.NOTICE_CLOSED, DeedStatus.HEARING).contains(deed.getStatus()));
        model.addAttribute("maxExtensionDays", deadlines.rule().maxExtensionDays());
        model.addAttribute("attachments", attachments.list(me, "Deed", id));
        model.addAttribute("recordKinds", InvestigationRecord.Kind.values());
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("deliveryMethods", DeliveryMethod.values());
        model.addAttribute("challengeKinds", deed.getStatus() == DeedStatus.CLOSED
                ? java.util.List.of(ReviewRequest.Kind.RECONSIDERATION, ReviewRequest.Kind.LITIGATION)
                : java.util.List.of(ReviewRequest.Kind.values()));
        model.addAttribute("reviewDeadline", decisions.reviewDeadline(deed));
        // the step is shown to everyone who follows the case; its button only to the confirming bureau
        model.addAttribute("mayDecide", decisions.mayDecide(me, deed));
        model.addAttribute("confirmingBureau", decisions.confirmingBureau(deed.getRegionCode()));
        model.addAttribute("hearingDays", decisions.hearingDays());
        if (deed.getStatus() == DeedStatus.ACCEPTED) {
            model.addAttribute("investigatingOrganizations", organizations.parentChoices(me.scope()).stream()
                    .filter(o -> DeedInvestigation.INVESTIGATING_TYPES.contains(o.type()))
                    .filter(o -> o.regionCode().equals(deed.getRegionCode()) || o.type() == OrgType.ASSOCIATION)
                    .toList());
        }
        if (deed.getInvestigatingOrganizationId() != null) {
            model.addAttribute("investigatingOrganization", organizations.parentChoices(me.scope()).stream()
                    .filter(o -> o.id() == deed.getInvestigatingOrganizationId()).map(o -> o.name()).findFirst()
                    .orElse(null));
        }
        return DETAIL_VIEW;
    }

    @PostMapping("/{id}/accept")
    String accept(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acceptedOn,
            @RequestParam(required = false) String lateFilingApproval, RedirectAttributes redirect) {
        try {
            intake.accept(me, id, acceptedOn, lateFilingApproval);
            redirect.addFlashAttribute("success", "deed.accepted");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", invalid.messageKey());
            redirect.addFlashAttribute("failureArgs", invalid.arguments());
        }
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/extension")
    String extend(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String approvedBy,
            RedirectAttributes redirect) {
        try {
            intake.extendDeadline(me, id, days, reason, approvedBy);
            redirect.addFlashAttribute("success", "deed.extended");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", invalid.messageKey());
            redirect.addFlashAttribute("failureArgs", invalid.arguments());
        }
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/document-requests")
    String requestDocuments(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
            @RequestParam(required = false) String documents, RedirectAttributes redirect) {
        try {
            intake.requestDocuments(me, id, requestedOn, documents);
            redirect.addFlashAttribute("success", "deed.documents.requested");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", "deed.documents.required");
        }
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/document-requests/arrival")
    String documentsArrived(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn,
            RedirectAttributes redirect) {
        intake.documentsArrived(me, id, arrivedOn);
        redirect.addFlashAttribute("success", "deed.documents.arrived");
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/investigation")
    String assignInvestigation(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) Long organizationId, @RequestParam(required = false) String investigators,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.investigation.assigned",
                () -> investigation.assign(me, id, organizationId, investigators));
    }

    @PostMapping("/{id}/investigation/records")
    String recordInvestigation(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) InvestigationRecord.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
            @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        return step(redirect, id, "deed.investigation.recorded",
                () -> investigation.record(me, id, kind, recordedOn, summary));
    }

    @PostMapping("/{id}/notice")
    String startNotice(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.notice.started", () -> notice.start(me, id, start));
    }

    @PostMapping("/{id}/objections/{objectionId}/resolution")
    String resolveObjection(CurrentUser me, @PathVariable long id, @PathVariable long objectionId,
            @RequestParam(required = false) String resolution, RedirectAttributes redirect) {
        return step(redirect, id, "deed.objection.resolved", () -> notice.resolve(me, id, objectionId, resolution));
    }

    @PostMapping("/{id}/notice/close")
    String closeNotice(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "deed.notice.closed", () -> notice.close(me, id));
    }

    @PostMapping("/{id}/review/opinions")
    String recordOpinion(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String opinion,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.review.opinion-recorded", () -> review.recordOpinion(me, id, opinion));
    }

    @PostMapping("/{id}/review/proposal")
    String propose(CurrentUser me, @PathVariable long id, @RequestParam java.util.Map<String, String> params,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.review.proposed", () -> review.propose(me, id, perActor(params)));
    }

    @PostMapping("/{id}/investigation/report")
    String report(CurrentUser me, @PathVariable long id, @RequestParam java.util.Map<String, String> params,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.investigation.reported",
                () -> investigation.report(me, id, params.get("summary"), perActor(params)));
    }

    @PostMapping("/{id}/hearing")
    String notifyHearing(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notifiedOn,
            @RequestParam(required = false) String grounds, @RequestParam(required = false) String legalBasis,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.hearing.notified",
                () -> decisions.notifyHearing(me, id, notifiedOn, grounds, legalBasis));
    }

    @PostMapping("/{id}/hearing/answer")
    String answerHearing(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
            @RequestParam(required = false) String statement, @RequestParam(defaultValue = "false") boolean waived,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.hearing.answered",
                () -> decisions.answerHearing(me, id, answeredOn, statement, waived));
    }

    @PostMapping("/{id}/decision")
    String decide(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam java.util.Map<String, String> params, RedirectAttributes redirect) {
        java.util.List<DeedDecisions.ActorOutcome> outcomes = new java.util.ArrayList<>();
        params.forEach((name, value) -> {
            if (name.startsWith("outcome_") && !value.isBlank()) {
                String participant = name.substring("outcome_".length());
                try {
                    outcomes.add(new DeedDecisions.ActorOutcome(Long.valueOf(participant), Outcome.valueOf(value),
                            params.get("reason_" + participant)));
                } catch (IllegalArgumentException ignored) {
                    // a tampered field: the actor then counts as without a decision
                }
            }
        });
        return step(redirect, id, "deed.decided", () -> decisions.decide(me, id, decidedOn, outcomes));
    }

    @PostMapping("/{id}/delivery")
    String deliver(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
            @RequestParam(required = false) DeliveryMethod method, @RequestParam(required = false) String recipient,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.delivered", () -> decisions.deliver(me, id, deliveredOn, method, recipient));
    }

    @PostMapping("/{id}/review-requests")
    String requestReview(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) ReviewRequest.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
            @RequestParam(required = false) String requestedBy, @RequestParam(required = false) String grounds,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.challenge.recorded",
                () -> decisions.requestReview(me, id, kind, requestedOn, requestedBy, grounds));
    }

    @PostMapping("/{id}/review-requests/{requestId}/outcome")
    String concludeReview(CurrentUser me, @PathVariable long id, @PathVariable long requestId,
            @RequestParam(required = false) ReviewRequest.Result result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate outcomeOn,
            @RequestParam(required = false) String note, @RequestParam java.util.Map<String, String> params,
            RedirectAttributes redirect) {
        java.util.Set<Long> nowConfirmed = new java.util.HashSet<>();
        params.forEach((name, value) -> {
            if (name.startsWith("confirm_") && "true".equals(value)) {
                try {
                    nowConfirmed.add(Long.valueOf(name.substring("confirm_".length())));
                } catch (NumberFormatException ignored) {
                    // a tampered field name is ignored
                }
            }
        });
        return step(redirect, id, "deed.challenge.concluded",
                () -> decisions.concludeReview(me, id, requestId, result, outcomeOn, note, nowConfirmed));
    }

    @PostMapping("/{id}/close")
    String close(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "deed.closed", () -> decisions.close(me, id));
    }

    /** The outcome_{participant} and reason_{participant} fields of a per-actor form. */
    private static java.util.List<DeedInvestigation.ActorRecommendation> perActor(
            java.util.Map<String, String> params) {
        java.util.List<DeedInvestigation.ActorRecommendation> recommendations = new java.util.ArrayList<>();
        params.forEach((name, value) -> {
            if (name.startsWith("outcome_") && !value.isBlank()) {
                String participant = name.substring("outcome_".length());
                try {
                    recommendations.add(new DeedInvestigation.ActorRecommendation(Long.valueOf(participant),
                            Recommendation.valueOf(value), params.get("reason_" + participant)));
                } catch (IllegalArgumentException ignored) {
                    // a tampered field name or value: the actor then counts as without recommendation
                }
            }
        });
        return recommendations;
    }

    private String step(RedirectAttributes redirect, long id, String success, Runnable action) {
        return PageSteps.step(redirect, "/deeds/" + id, success, action);
    }

    @PostMapping("/{id}/refuse")
    String refuse(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            intake.refuseToAccept(me, id, reason);
            redirect.addFlashAttribute("success", "deed.not-accepted");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", "deed.refuse.reason-required");
        }
        return "redirect:/deeds/" + id;
    }

    private String form(CurrentUser me, Model model) {
        model.addAttribute("regions", countyRegions(me));
        model.addAttribute("categories", DeedCategory.values());
        model.addAttribute("sources", java.util.Arrays.stream(DeedSource.values())
                .filter(source -> source != DeedSource.PUBLIC_LEAD).toList());
        model.addAttribute("nominatorKinds", NominatorKind.values());
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("harms", Harm.values());
        return FORM_VIEW;
    }

    private java.util.List<org.yiyong.organization.Region> countyRegions(CurrentUser me) {
        return regions.within(me.scope()).stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA)
                .toList();
    }
}

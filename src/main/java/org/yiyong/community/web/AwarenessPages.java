package org.yiyong.community.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.community.Awareness;
import org.yiyong.community.AwarenessKind;
import org.yiyong.community.MediaLevel;
import org.yiyong.community.Medium;
import org.yiyong.community.Outreach;
import org.yiyong.community.ThemeParks;
import org.yiyong.community.Volunteering;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DomainException;
import org.yiyong.web.PageSteps;

/** Awareness activities and media reports: the lists, an activity with its reports, the forms. */
@Controller
class AwarenessPages {

    private final Awareness awareness;
    private final Volunteering volunteering;
    private final ThemeParks parks;
    private final Attachments attachments;

    AwarenessPages(Awareness awareness, Volunteering volunteering, ThemeParks parks, Attachments attachments) {
        this.awareness = awareness;
        this.volunteering = volunteering;
        this.parks = parks;
        this.attachments = attachments;
    }

    @GetMapping("/awareness")
    String list(CurrentUser me, Model model) {
        model.addAttribute("events", awareness.events(me));
        model.addAttribute("hosts", volunteering.hosts(me));
        model.addAttribute("kinds", AwarenessKind.values());
        model.addAttribute("outreaches", Outreach.values());
        return "community/awareness";
    }

    @PostMapping("/awareness")
    String create(CurrentUser me, @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) AwarenessKind kind, @RequestParam(required = false) Outreach outreach,
            @RequestParam(required = false) String title, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) Integer audience, RedirectAttributes redirect) {
        try {
            Awareness.Event event = awareness.create(me, new Awareness.NewEvent(organizationId, kind, outreach, title,
                    theme, place, heldOn, audience));
            redirect.addFlashAttribute("success", "awareness.created");
            return "redirect:/awareness/" + event.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/awareness");
        }
    }

    @GetMapping("/awareness/{id}")
    String event(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("event", awareness.event(me, id));
        model.addAttribute("reports", awareness.reportsAbout(me, id));
        model.addAttribute("photos", attachments.list(me, Awareness.EVENT, id));
        model.addAttribute("levels", MediaLevel.values());
        model.addAttribute("media", Medium.values());
        return "community/awareness-event";
    }

    @GetMapping("/awareness/reports")
    String reports(CurrentUser me, Model model) {
        model.addAttribute("reports", awareness.reports(me));
        model.addAttribute("levels", MediaLevel.values());
        model.addAttribute("counties", parks.counties(me));
        model.addAttribute("media", Medium.values());
        return "community/media-reports";
    }

    @PostMapping("/awareness/reports")
    String addReport(CurrentUser me, @RequestParam(required = false) Long eventId,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String outlet,
            @RequestParam(required = false) MediaLevel level, @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
            @RequestParam(required = false) String link, @RequestParam(required = false) Medium medium,
            @RequestParam(required = false) String deedNumber, RedirectAttributes redirect) {
        String back = eventId == null ? "/awareness/reports" : "/awareness/" + eventId;
        return PageSteps.step(redirect, back, "media.saved", () -> awareness.addReport(me,
                new Awareness.NewReport(eventId, regionCode, outlet, level, title, publishedOn, link, medium,
                        deedNumber)));
    }
}

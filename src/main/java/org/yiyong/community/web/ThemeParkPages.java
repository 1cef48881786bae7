package org.yiyong.community.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.community.ParkKind;
import org.yiyong.community.ParkStatus;
import org.yiyong.community.ThemeParks;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DomainException;
import org.yiyong.web.PageSteps;

/** The theme parks and education bases: the list with each county against its target, a park, the forms. */
@Controller
class ThemeParkPages {

    private final ThemeParks parks;
    private final Clock clock;
    private final Attachments attachments;

    ThemeParkPages(ThemeParks parks, Clock clock, Attachments attachments) {
        this.parks = parks;
        this.clock = clock;
        this.attachments = attachments;
    }

    @GetMapping("/theme-parks")
    String list(CurrentUser me, @RequestParam(required = false) Integer year, Model model) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", chosen);
        model.addAttribute("parks", parks.parks(me));
        model.addAttribute("standings", parks.standings(me, chosen));
        model.addAttribute("counties", parks.counties(me));
        model.addAttribute("kinds", ParkKind.values());
        return "community/parks";
    }

    @PostMapping("/theme-parks")
    String create(CurrentUser me, @RequestParam(required = false) String name,
            @RequestParam(required = false) ParkKind kind, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String address, @RequestParam(required = false) BigDecimal latitude,
            @RequestParam(required = false) BigDecimal longitude, RedirectAttributes redirect) {
        try {
            ThemeParks.Park park = parks.create(me, new ThemeParks.NewPark(name, kind, regionCode, address, latitude,
                    longitude));
            redirect.addFlashAttribute("success", "park.created");
            return "redirect:/theme-parks/" + park.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/theme-parks");
        }
    }

    @GetMapping("/theme-parks/{id}")
    String park(CurrentUser me, @PathVariable long id, Model model) {
        ThemeParks.Park park = parks.park(me, id);
        model.addAttribute("park", park);
        model.addAttribute("photos", attachments.list(me, ThemeParks.ENTITY, id));
        model.addAttribute("next", park.status() == ParkStatus.OPEN ? null
                : ParkStatus.values()[park.status().ordinal() + 1]);
        return "community/park";
    }

    @PostMapping("/theme-parks/{id}/status")
    String advance(CurrentUser me, @PathVariable long id, @RequestParam(required = false) ParkStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/theme-parks/" + id, "park.advanced",
                () -> parks.advance(me, id, status, openedOn));
    }

    @PostMapping("/theme-parks/targets")
    String target(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer openParks,
            RedirectAttributes redirect) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        return PageSteps.step(redirect, "/theme-parks?year=" + chosen, "park.target.saved",
                () -> parks.setTarget(me, chosen, regionCode, openParks == null ? -1 : openParks));
    }
}

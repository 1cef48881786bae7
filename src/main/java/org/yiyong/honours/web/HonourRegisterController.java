package org.yiyong.honours.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.honours.internal.ExamBonus;
import org.yiyong.honours.internal.HonourRegister;
import org.yiyong.honours.internal.HonourRegister.Filter;
import org.yiyong.honours.internal.HonourStatus;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.honours.internal.TitleLevel;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.PageRequest;

/**
 * The register of honours (表彰名录) and of exam-bonus certificates issued: pages with filters; the API lists
 * the same in HonourRegisterApiController.
 */
@Controller
class HonourRegisterController {

    private final HonourRegister register;
    private final TitleCatalogue titles;
    private final Regions regions;

    private final ExamBonus examBonus;
    private final Clock clock;

    HonourRegisterController(HonourRegister register, TitleCatalogue titles, Regions regions, ExamBonus examBonus,
            Clock clock) {
        this.examBonus = examBonus;
        this.clock = clock;
        this.register = register;
        this.titles = titles;
        this.regions = regions;
    }

    @GetMapping("/honours")
    String page(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String title, @RequestParam(required = false) TitleLevel level,
            @RequestParam(required = false) HonourStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Filter filter = new Filter(year, title, level, status, region, q);
        model.addAttribute("filter", filter);
        model.addAttribute("page", register.search(me, filter, PageRequest.of(page, PageRequest.DEFAULT_SIZE)));
        model.addAttribute("titles", titles.titles());
        model.addAttribute("levels", List.of(TitleLevel.values()));
        model.addAttribute("statuses", List.of(HonourStatus.values()));
        model.addAttribute("regions", regions.within(me.scope()));
        return "honours/register";
    }

    /** The register of exam-bonus certificates (中考加分证明登记) of a year, this year by default. */
    @GetMapping("/exam-bonus-certificates")
    String examBonus(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String region, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("region", region);
        model.addAttribute("certificates", examBonus.register(me, shown, region));
        model.addAttribute("regions", regions.within(me.scope()));
        return "honours/exam-bonus-register";
    }
}

package org.yiyong.honours.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.honours.internal.HonourRegister;
import org.yiyong.honours.internal.HonourRegister.Filter;
import org.yiyong.honours.internal.HonourStatus;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.honours.internal.TitleLevel;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.PageRequest;

/** The register of honours (表彰名录): a page with filters; the API lists the same in HonourRegisterApiController. */
@Controller
class HonourRegisterController {

    private final HonourRegister register;
    private final TitleCatalogue titles;
    private final Regions regions;

    HonourRegisterController(HonourRegister register, TitleCatalogue titles, Regions regions) {
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
}

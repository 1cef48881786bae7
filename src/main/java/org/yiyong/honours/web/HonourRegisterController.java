package org.yiyong.honours.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.honours.internal.ExamBonus;
import org.yiyong.honours.internal.HonourRegister.Filter;
import org.yiyong.honours.internal.HonourRegister;
import org.yiyong.honours.internal.HonourStatus;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.honours.internal.TitleLevel;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.Registers;

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

    private final Registers registers;

    HonourRegisterController(HonourRegister register, TitleCatalogue titles, Regions regions, ExamBonus examBonus,
            Clock clock, Registers registers) {
        this.registers = registers;
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

    /** The register as shown, all its pages, as a workbook (台账). */
    @GetMapping("/honours/register.xlsx")
    ResponseEntity<Resource> export(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String title, @RequestParam(required = false) TitleLevel level,
            @RequestParam(required = false) HonourStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q) {
        Filter filter = new Filter(year, title, level, status, region, q);
        return registers.download("HonourRegister", "表彰名录", "表彰名录", Arrays.asList(
                Registers.filter("地区", region == null || region.isBlank() ? me.regionName() : regions.nameOf(region)),
                Registers.filter("年度", year), Registers.filter("称号", title == null || title.isBlank() ? null
                        : titles.title(title).getName()),
                Registers.filter("级别", level == null ? null : registers.label("title.level." + level)),
                Registers.filter("状态", status == null ? null : registers.label("honour.status." + status)),
                Registers.filter("查询", q)), me.displayName(), LocalDate.now(clock), HONOUR_COLUMNS,
                out -> register.all(me, filter, Registers.MAX_LINES, r -> out.accept(Arrays.asList(r.recipient(),
                        r.titleName(), registers.label("title.level." + r.level()), r.decidedOn(), r.regionName(),
                        r.rewardAmount(), registers.label("honour.status." + r.status()), r.certificateNumber(),
                        r.deedNumber()))));
    }

    private static final List<Registers.Column> HONOUR_COLUMNS = List.of(new Registers.Column("获表彰者", 24),
            new Registers.Column("称号", 28), new Registers.Column("级别", 8), new Registers.Column("授予日期", 12),
            new Registers.Column("地区", 12), new Registers.Column("奖励金（元）", 14), new Registers.Column("状态", 10),
            new Registers.Column("证书编号", 22), new Registers.Column("案件编号", 22));

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

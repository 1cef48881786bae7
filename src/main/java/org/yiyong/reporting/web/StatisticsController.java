package org.yiyong.reporting.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.reporting.Statistics;
import org.yiyong.reporting.Statistics.StatisticsReport;
import org.yiyong.reporting.internal.StatisticalReturn;
import org.yiyong.web.Downloads;
import org.yiyong.shared.RegionCode;

/** The statistics page (统计) and the list behind each figure. */
@Controller
class StatisticsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Statistics statistics;
    private final Regions regions;
    private final StatisticalReturn statisticalReturn;

    StatisticsController(Statistics statistics, Regions regions, StatisticalReturn statisticalReturn) {
        this.statistics = statistics;
        this.regions = regions;
        this.statisticalReturn = statisticalReturn;
    }

    @GetMapping("/statistics")
    String statistics(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) RegionCode region, Model model) {
        StatisticsReport report = statistics.of(me, year, region);
        model.addAttribute("report", report);
        model.addAttribute("regionChoices", regions.within(me.scope()));
        return "reporting/statistics";
    }

    @GetMapping("/statistics/return.xlsx")
    ResponseEntity<byte[]> statisticalReturn(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) RegionCode region) {
        StatisticsReport report = statistics.of(me, year, region);
        String filename = report.year() + "年" + report.regionName() + "见义勇为工作统计报表.xlsx";
        return Downloads.attachment(XLSX, filename, statisticalReturn.workbook(report));
    }

    @GetMapping("/statistics/{figure}")
    String records(CurrentUser me, @PathVariable String figure, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String part,
            Model model) {
        model.addAttribute("list", statistics.records(me, figure, year, region, part));
        return "reporting/figure-records";
    }
}

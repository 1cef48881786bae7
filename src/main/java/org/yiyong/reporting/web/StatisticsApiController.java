package org.yiyong.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.reporting.Statistics;
import org.yiyong.reporting.Statistics.FigureRecords;
import org.yiyong.reporting.Statistics.StatisticsReport;
import org.yiyong.shared.RegionCode;

/** The statistics of a year for a region, and the records behind each figure. */
@RestController
@RequestMapping(path = "/api/v1/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "statistics")
class StatisticsApiController {

    private final Statistics statistics;

    StatisticsApiController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    @Operation(summary = "Every figure of a year for a region (the caller's own when not given), with its "
            + "definition, the year before, its months, parts and regions directly below")
    StatisticsReport statistics(CurrentUser me,
            @Parameter(description = "the calendar year; this year when not given")
            @RequestParam(required = false) Integer year,
            @Parameter(description = "a region code in the caller's scope; the caller's region when not given",
                    schema = @Schema(type = "string", pattern = "\\d{6}", example = "350582"))
            @RequestParam(required = false) RegionCode region) {
        return statistics.of(me, year, region);
    }

    @GetMapping("/{figure}/records")
    @Operation(summary = "The records one figure counts: as many as the figure (for money, amounts that sum "
            + "to it), most recent first")
    FigureRecords records(CurrentUser me, @PathVariable String figure,
            @RequestParam(required = false) Integer year,
            @Parameter(schema = @Schema(type = "string", pattern = "\\d{6}")) @RequestParam(required = false)
            RegionCode region,
            @Parameter(description = "only the records of this part (a category, a title…)")
            @RequestParam(required = false) String part) {
        return statistics.records(me, figure, year, region, part);
    }
}

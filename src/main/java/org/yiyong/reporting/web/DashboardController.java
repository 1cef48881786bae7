package org.yiyong.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiyong.care.VisitsDue;
import org.yiyong.honours.Guarantees;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.reporting.Statistics;
import org.yiyong.reporting.Statistics.FigureValue;
import org.yiyong.reporting.Statistics.Series;
import org.yiyong.reporting.Statistics.StatisticsReport;
import org.yiyong.reporting.Statistics.Trend;
import org.yiyong.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leaders' dashboard (领导驾驶舱): the year's main figures, ten years of trends, the counties side by
 * side, the categories of deeds and the money in and out by month. Every chart comes with its figures as
 * a table, for people who prefer numbers and for printing; a county's bar opens that county's records.
 */
@Controller
class DashboardController {

    static final List<String> HEADLINE = List.of("samaritans.confirmed", "deeds.received", "honours.granted",
            "honours.granted-above", "honours.rewards-paid", "care.condolences", "care.condolence-amount",
            "funds.donations");
    static final List<String> TREND_COUNTS = List.of("samaritans.confirmed", "deeds.received", "honours.granted");
    static final List<String> TREND_MONEY = List.of("funds.donations", "funds.paid-out");
    static final List<String> COMPARED = List.of("samaritans.confirmed", "deeds.received");
    /** Decisions and reward payments on time and late, for the on-time rates. */
    static final List<String> ON_TIME = List.of("deeds.decided-on-time", "deeds.decided-late",
            "honours.rewards-paid-on-time", "honours.rewards-paid-late");
    static final int TREND_YEARS = 10;

    /**
     * The site's policy with one difference: ECharts positions its canvas and tooltips with style
     * attributes, which {@code style-src 'self'} blocks. Scripts stay as strict as on every page. Spring
     * Security keeps a policy a page has set.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final Statistics statistics;
    private final Regions regions;
    private final Guarantees guarantees;
    private final JsonMapper json;
    private final MessageSource messages;
    private final VisitsDue visitsDue;

    DashboardController(Statistics statistics, Regions regions, Guarantees guarantees, JsonMapper json,
            MessageSource messages, VisitsDue visitsDue) {
        this.visitsDue = visitsDue;
        this.messages = messages;
        this.statistics = statistics;
        this.regions = regions;
        this.guarantees = guarantees;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) RegionCode region, Model model, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        StatisticsReport report = statistics.of(me, year, region);
        List<String> trendKeys = new ArrayList<>(TREND_COUNTS);
        trendKeys.addAll(TREND_MONEY);
        trendKeys.addAll(ON_TIME);
        Trend trend = statistics.trend(me, report.year(), RegionCode.of(report.regionCode()), trendKeys, TREND_YEARS);
        model.addAttribute("report", report);
        model.addAttribute("regionChoices", regions.within(me.scope()));
        model.addAttribute("headline", HEADLINE.stream().map(report::figure).toList());
        model.addAttribute("trend", trend);
        model.addAttribute("trendCounts", series(trend, TREND_COUNTS));
        model.addAttribute("trendMoney", series(trend, TREND_MONEY));
        model.addAttribute("trendCountsChart", json(lineChart(trend, TREND_COUNTS)));
        model.addAttribute("trendMoneyChart", json(lineChart(trend, TREND_MONEY)));
        List<FigureValue> compared = COMPARED.stream().map(report::figure).toList();
        model.addAttribute("compared", compared);
        model.addAttribute("comparedChart", json(countyChart(report, compared)));
        FigureValue categories = report.figure("deeds.received");
        model.addAttribute("categories", categories);
        model.addAttribute("categoriesChart", json(pieChart(report, categories)));
        FigureValue donations = report.figure("funds.donations");
        FigureValue paidOut = report.figure("funds.paid-out");
        model.addAttribute("moneyIn", donations);
        model.addAttribute("moneyOut", paidOut);
        model.addAttribute("moneyChart", json(monthChart(List.of(donations, paidOut))));
        model.addAttribute("openGuarantees", guarantees.count(me));
        model.addAttribute("visitsOverdue", visitsDue.overdue(me));
        List<OnTime> onTime = onTime(trend);
        model.addAttribute("onTime", onTime);
        model.addAttribute("onTimeNow", onTime.get(onTime.size() - 1));
        model.addAttribute("onTimeChart", json(rateChart(onTime, report)));
        return "reporting/dashboard";
    }

    /**
     * A year's decisions and reward payments on time and late, and the on-time rates in percent (one
     * decimal); a rate is {@code null} in a year with none.
     */
    record OnTime(int year, BigDecimal decisionsOnTime, BigDecimal decisionsLate, BigDecimal decisionRate,
            BigDecimal paymentsOnTime, BigDecimal paymentsLate, BigDecimal paymentRate) {
    }

    private static List<OnTime> onTime(Trend trend) {
        Map<String, List<BigDecimal>> values = new LinkedHashMap<>();
        trend.series().forEach(series -> values.put(series.key(), series.values()));
        List<OnTime> years = new ArrayList<>();
        for (int i = 0; i < trend.years().size(); i++) {
            BigDecimal decided = values.get("deeds.decided-on-time").get(i);
            BigDecimal decidedLate = values.get("deeds.decided-late").get(i);
            BigDecimal paid = values.get("honours.rewards-paid-on-time").get(i);
            BigDecimal paidLate = values.get("honours.rewards-paid-late").get(i);
            years.add(new OnTime(trend.years().get(i), decided, decidedLate, rate(decided, decidedLate), paid, paidLate,
                    rate(paid, paidLate)));
        }
        return years;
    }

    static BigDecimal rate(BigDecimal onTime, BigDecimal late) {
        BigDecimal all = onTime.add(late);
        return all.signum() == 0 ? null
                : onTime.multiply(BigDecimal.valueOf(100)).divide(all, 1, java.math.RoundingMode.HALF_UP);
    }

    private Map<String, Object> rateChart(List<OnTime> years, StatisticsReport report) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "line");
        chart.put("unit", "%");
        chart.put("categories", years.stream().map(year -> String.valueOf(year.year())).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (boolean decisions : new boolean[] {true, false}) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", message(decisions ? "dashboard.on-time.decisions" : "dashboard.on-time.payments"));
            // null where a year had nothing to be on time or late
            line.put("data", years.stream().map(year -> decisions ? year.decisionRate() : year.paymentRate())
                    .toList());
            line.put("links", years.stream().map(year -> recordsPath(decisions ? "deeds.decided-late"
                    : "honours.rewards-paid-late", year.year(), report.regionCode(), null)).toList());
            series.add(line);
        }
        chart.put("series", series);
        return chart;
    }

    private static List<Series> series(Trend trend, List<String> keys) {
        return trend.series().stream().filter(series -> keys.contains(series.key())).toList();
    }

    private static Map<String, Object> lineChart(Trend trend, List<String> keys) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "line");
        chart.put("categories", trend.years().stream().map(String::valueOf).toList());
        chart.put("series", series(trend, keys).stream()
                .map(series -> Map.of("name", series.label(), "data", series.values())).toList());
        return chart;
    }

    private static Map<String, Object> countyChart(StatisticsReport report, List<FigureValue> figures) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        List<String> codes = figures.get(0).regions().stream().map(Statistics.RegionValue::code).toList();
        chart.put("categories", figures.get(0).regions().stream().map(Statistics.RegionValue::name).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (FigureValue figure : figures) {
            List<BigDecimal> data = figure.regions().stream().map(Statistics.RegionValue::value).toList();
            List<String> links = codes.stream().map(code -> recordsPath(figure.key(), report.year(), code, null))
                    .toList();
            series.add(Map.of("name", figure.label(), "data", data, "links", links));
        }
        chart.put("series", series);
        return chart;
    }

    private static Map<String, Object> pieChart(StatisticsReport report, FigureValue figure) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "pie");
        chart.put("series", List.of(Map.of("name", figure.label(), "data", figure.parts().stream()
                .map(part -> Map.of("name", part.label(), "value", part.value())).toList(),
                "links", figure.parts().stream()
                        .map(part -> recordsPath(figure.key(), report.year(), report.regionCode(), part.code()))
                        .toList())));
        return chart;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private Map<String, Object> monthChart(List<FigureValue> figures) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        List<String> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(message("dashboard.month-label", month));
        }
        chart.put("categories", months);
        chart.put("series", figures.stream()
                .map(figure -> Map.of("name", figure.label(), "data", figure.months())).toList());
        return chart;
    }

    static String recordsPath(String key, int year, String region, String part) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/statistics/{key}")
                .queryParam("year", year).queryParam("region", region);
        if (part != null) {
            path.queryParam("part", part);
        }
        return path.buildAndExpand(key).encode().toUriString();
    }

    private String json(Object chart) {
        return json.writeValueAsString(chart);
    }
}

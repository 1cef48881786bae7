package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;

/**
 * The statistics count what was entered, each figure opens a list as long as the figure, the counties add
 * up to the city, and a county sees only itself.
 */
class StatisticsTests extends FullStackTest {

    private static final String CITY = "350500";
    private static final String JINJIANG = "350582";

    private String statistics(String user, int year, String region) throws Exception {
        return mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(year)).param("region", region)
                        .with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static BigDecimal total(String report, String key) {
        List<Object> totals = JsonPath.read(report, "$.sections[*].figures[?(@.key == '" + key + "')].total");
        assertThat(totals).as(key).hasSize(1);
        return new BigDecimal(totals.get(0).toString());
    }

    private static BigDecimal inRegion(String report, String key, String region) {
        List<Object> values = JsonPath.read(report, "$.sections[*].figures[?(@.key == '" + key
                + "')].regions[?(@.code == '" + region + "')].value");
        return values.isEmpty() ? BigDecimal.ZERO : new BigDecimal(values.get(0).toString());
    }

    private int yearOf(long deed, String column) {
        return jdbc.sql("select " + column + " from deed where id = :id").param("id", deed)
                .query(LocalDate.class).single().getYear();
    }

    @Test
    void a_confirmed_deed_counts_once_in_each_of_its_figures_in_its_county_and_in_the_city() throws Exception {
        int thisYear = LocalDate.now(clock).getYear();
        Map<Integer, String[]> before = new java.util.HashMap<>();
        for (int year : new int[] {2026, thisYear, thisYear + 1}) {
            before.put(year, new String[] {statistics("city-staff", year, CITY),
                statistics("jinjiang-staff", year, JINJIANG)});
        }

        long[] confirmed = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG,
                "JJ-PS-QY", 2);
        long deed = confirmed[2];

        Map<String, Integer> expected = Map.of("deeds.received", yearOf(deed, "received_on"),
                "deeds.accepted", yearOf(deed, "accepted_on"), "deeds.decided", yearOf(deed, "decided_on"),
                "deeds.confirmations", yearOf(deed, "decided_on"));
        Map<String, Integer> added = Map.of("deeds.received", 1, "deeds.accepted", 1, "deeds.decided", 1,
                "deeds.confirmations", 2);
        for (var figure : expected.entrySet()) {
            int year = figure.getValue();
            String[] was = before.get(year);
            String city = statistics("city-staff", year, CITY);
            String county = statistics("jinjiang-staff", year, JINJIANG);
            BigDecimal more = BigDecimal.valueOf(added.get(figure.getKey()));
            assertThat(total(city, figure.getKey())).as("city " + figure.getKey())
                    .isEqualByComparingTo(total(was[0], figure.getKey()).add(more));
            assertThat(inRegion(city, figure.getKey(), JINJIANG)).as("Jinjiang's row in the city " + figure.getKey())
                    .isEqualByComparingTo(inRegion(was[0], figure.getKey(), JINJIANG).add(more));
            assertThat(total(county, figure.getKey())).as("Jinjiang " + figure.getKey())
                    .isEqualByComparingTo(total(was[1], figure.getKey()).add(more));
        }
        assertThat(total(statistics("city-staff", yearOf(deed, "decided_on"), CITY), "deeds.refusals"))
                .as("nobody was refused")
                .isEqualByComparingTo(total(before.get(yearOf(deed, "decided_on"))[0], "deeds.refusals"));

        String list = mvc.perform(get("/api/v1/statistics/deeds.confirmations/records")
                        .param("year", String.valueOf(yearOf(deed, "decided_on"))).param("region", JINJIANG)
                        .param("part", "RESCUE").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> paths = JsonPath.read(list, "$.records[*].path");
        assertThat(paths).as("both confirmed actors are listed, each opening the deed")
                .filteredOn(path -> path.equals("/deeds/" + deed)).hasSize(2);
    }

    @Test
    void every_figure_is_the_length_of_its_list_and_the_sum_of_its_counties_and_months() throws Exception {
        new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG, "JJ-PS-QY", 1);
        int year = LocalDate.now(clock).getYear();
        String city = statistics("city-staff", year, CITY);
        List<Map<String, Object>> figures = JsonPath.read(city, "$.sections[*].figures[*]");
        assertThat(figures).isNotEmpty();
        for (Map<String, Object> figure : figures) {
            String key = (String) figure.get("key");
            BigDecimal total = new BigDecimal(figure.get("total").toString());
            List<Object> regions = JsonPath.read(figure, "$.regions[*].value");
            assertThat(sum(regions)).as("the counties of " + key + " add up to the city").isEqualByComparingTo(total);
            if (!(Boolean) figure.get("cumulative")) {
                List<Object> months = JsonPath.read(figure, "$.months[*]");
                assertThat(months).hasSize(12);
                assertThat(sum(months)).as("the months of " + key + " add up to the year").isEqualByComparingTo(total);
            }
            String list = mvc.perform(get("/api/v1/statistics/" + key + "/records").param("year", String.valueOf(year))
                            .param("region", CITY).with(as("city-staff")))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<Object> records = JsonPath.read(list, "$.records");
            if ("YUAN".equals(figure.get("unit")) || "HOURS".equals(figure.get("unit"))) {
                List<Object> amounts = JsonPath.read(list, "$.records[*].amount");
                assertThat(sum(amounts)).as("the amounts listed for " + key).isEqualByComparingTo(total);
            } else {
                assertThat(BigDecimal.valueOf(records.size())).as("the records listed for " + key)
                        .isEqualByComparingTo(total);
            }
            assertThat(((String) figure.get("definition"))).as("the definition of " + key).isNotBlank();
        }
        assertThat(total(city, "deeds.received")).as("this year has deeds").isPositive();
    }

    private static BigDecimal sum(List<Object> values) {
        return values.stream().map(value -> new BigDecimal(value.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void a_year_without_records_shows_zeros() throws Exception {
        String report = statistics("city-staff", 1990, CITY);
        List<Object> totals = JsonPath.read(report, "$.sections[*].figures[*].total");
        assertThat(totals).isNotEmpty().allSatisfy(value -> assertThat(new BigDecimal(value.toString())).isZero());
        List<Object> changes = JsonPath.read(report, "$.sections[*].figures[*].previousYear");
        assertThat(changes).allSatisfy(value -> assertThat(new BigDecimal(value.toString())).isZero());
    }

    @Test
    void a_county_sees_its_own_figures_and_no_other_county() throws Exception {
        String own = mvc.perform(get("/api/v1/statistics").param("year", "2026").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(own, "$.regionCode")).isEqualTo(JINJIANG);

        mvc.perform(get("/api/v1/statistics").param("year", "2026").param("region", "350583")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/statistics/deeds.received/records").param("region", CITY)
                        .with(as("jinjiang-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/statistics").param("region", "350583").with(as("jinjiang-staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void bad_requests_get_clear_answers() throws Exception {
        mvc.perform(get("/api/v1/statistics/no.such.figure/records").with(as("city-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statistics").param("year", "20266").with(as("city-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/statistics").param("year", "二〇二六").with(as("city-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/statistics").with(as("investigator-jinjiang")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics").param("region", "35058x").with(as("city-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.errors[0].field").value("region"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.errors[0].message").value("地区代码是 6 位数字，例如晋江市为 350582。"));
        mvc.perform(get("/api/v1/statistics").param("region", "350599").with(as("city-staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_page_shows_each_figure_with_its_definition_and_opens_its_records() throws Exception {
        new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG, "JJ-PS-QY", 1);
        int year = LocalDate.now(clock).getYear();
        String page = mvc.perform(get("/statistics").param("year", String.valueOf(year)).with(as("city-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("确认为见义勇为的人次", "按决定日期计入年度", "晋江市",
                "/statistics/deeds.confirmations?year=" + year + "&amp;region=350500");

        String records = mvc.perform(get("/statistics/deeds.confirmations").param("year", String.valueOf(year))
                        .param("region", JINJIANG).with(as("city-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(records).contains("确认为见义勇为的人次", "抢险救灾救人", "id=\"figure-records\"");
    }

    @Test
    void a_leader_starts_on_the_dashboard_and_a_county_sees_its_own() throws Exception {
        mvc.perform(get("/").with(as("leader")))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/dashboard"));
        mvc.perform(get("/").with(as("city-staff"))).andExpect(status().isOk());

        String county = mvc.perform(get("/dashboard").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(county).contains("晋江市 工作概况", "id=\"chart-counties\"", "id=\"table-trend\"");
        mvc.perform(get("/dashboard").param("region", CITY).with(as("jinjiang-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").with(as("investigator-jinjiang"))).andExpect(status().isForbidden());
    }

    @Test
    void the_dashboard_shows_the_on_time_rate_of_the_decisions_the_statistics_count() throws Exception {
        // accepted on 2 June and decided months later: a late decision in Jinjiang this year
        new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG, "JJ-PS-QY", 1);
        int year = LocalDate.now(clock).getYear();
        String report = statistics("jinjiang-staff", year, JINJIANG);
        BigDecimal onTime = total(report, "deeds.decided-on-time");
        BigDecimal late = total(report, "deeds.decided-late");
        assertThat(late).isPositive();
        String expected = onTime.multiply(BigDecimal.valueOf(100))
                .divide(onTime.add(late), 1, java.math.RoundingMode.HALF_UP) + "%";

        String page = mvc.perform(get("/dashboard").param("year", String.valueOf(year)).param("region", JINJIANG)
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"on-time-decisions\"");
        assertThat(start).isPositive();
        String card = page.substring(page.lastIndexOf("<a", start), page.indexOf("</a>", start));
        assertThat(card).contains(expected, "逾期 " + late.toPlainString() + " 件", "/statistics/deeds.decided-late");
        assertThat(page).contains("id=\"chart-on-time\"", "id=\"table-on-time\"");

        // the households overdue for a visit today, as the visit schedule counts them
        int overdue = JsonPath.read(mvc.perform(get("/api/v1/visits").param("filter", "OVERDUE")
                .with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString(), "$.total");
        int visits = page.indexOf("id=\"visits-overdue\"");
        assertThat(visits).isPositive();
        assertThat(page.substring(visits, page.indexOf("</a>", visits)))
                .containsPattern(">\\s*" + overdue + "\\s*</div>");
    }

    @Test
    void the_statistical_return_has_a_sheet_per_section_whose_counties_add_up_to_the_total() throws Exception {
        new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG, "JJ-PS-QY", 1);
        int year = LocalDate.now(clock).getYear();
        String report = statistics("city-staff", year, CITY);
        byte[] xlsx = mvc.perform(get("/statistics/return.xlsx").param("year", String.valueOf(year))
                        .param("region", CITY).with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> sections = JsonPath.read(report, "$.sections[*].label");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).as("a sheet per section and the definitions")
                    .isEqualTo(sections.size() + 1);
            int checked = 0;
            for (int s = 0; s < sections.size(); s++) {
                var sheet = workbook.getSheetAt(s);
                assertThat(sheet.getSheetName()).contains(sections.get(s));
                var header = sheet.getRow(1);
                int last = sheet.getLastRowNum();
                assertThat(sheet.getRow(last).getCell(0).getStringCellValue()).isEqualTo("泉州市合计");
                for (int c = 1; c < header.getLastCellNum(); c++) {
                    double sum = 0;
                    for (int r = 2; r < last; r++) {
                        sum += sheet.getRow(r).getCell(c).getNumericCellValue();
                    }
                    assertThat(sheet.getRow(last).getCell(c).getNumericCellValue())
                            .as("%s: the counties add up to the city", header.getCell(c).getStringCellValue())
                            .isCloseTo(sum, org.assertj.core.data.Offset.offset(0.001));
                    checked++;
                }
            }
            List<Object> figures = JsonPath.read(report, "$.sections[*].figures[*]");
            assertThat(checked).as("every figure has its column").isEqualTo(figures.size());
            var confirmed = workbook.getSheetAt(0);
            int column = -1;
            for (int c = 1; c < confirmed.getRow(1).getLastCellNum(); c++) {
                if (confirmed.getRow(1).getCell(c).getStringCellValue().startsWith("确认为见义勇为的人次")) {
                    column = c;
                }
            }
            assertThat(column).as("the confirmations' column").isPositive();
            assertThat(BigDecimal.valueOf(confirmed.getRow(confirmed.getLastRowNum()).getCell(column)
                    .getNumericCellValue())).as("the same number as the statistics")
                    .isEqualByComparingTo(total(report, "deeds.confirmations"));
        }
    }
}

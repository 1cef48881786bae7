package org.yiyong.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/**
 * Evaluation rounds: a computed indicator scores the counties exactly by its formula from the records of the year,
 * and a closed round keeps what it was computed from; a scheme whose points do not add up is refused naming the
 * indicator; an objection after the review's last day is refused; a county never reads another county's detail.
 * Each test uses a year of its own, long past, which no other test and no demo record touches.
 */
class EvaluationTests extends FullStackTest {

    private static final String JINJIANG = "350582";
    private static final String NANAN = "350583";

    private ResultActions call(String user, String method, String path, String json) throws Exception {
        var request = method.equals("PUT") ? put(path) : post(path);
        return mvc.perform(request.with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** A deed of a county decided on a day, due on another: just the columns the figures read. */
    private void decided(String region, LocalDate decidedOn, LocalDate dueOn) {
        jdbc.sql("""
                insert into deed (number, region_code, category, source, status, occurred_at, address, title, narrative,
                    received_on, decision_due_on, decided_on, created_by, created_at, updated_at)
                values (:number, :region, 'RESCUE', 'SELF_APPLICATION', 'CLOSED', :occurred, '某地', :title, '经过',
                    :received, :due, :decided, 'city-staff', :now, :now)""")
                .param("number", unique("考评案件")).param("region", region)
                .param("occurred", decidedOn.minusDays(60).atStartOfDay()).param("title", unique("考评"))
                .param("received", decidedOn.minusDays(50)).param("due", dueOn).param("decided", decidedOn)
                .param("now", java.time.OffsetDateTime.now(clock)).update();
    }

    private long scheme(int year, String indicators) throws Exception {
        long scheme = id(call("city-staff", "POST", "/api/v1/evaluation-schemes", """
                {"year": %d, "subject": "COUNTY", "name": "%d年度县级考评", "totalPoints": 100}""".formatted(year, year))
                .andExpect(status().isCreated()));
        call("city-staff", "PUT", "/api/v1/evaluation-schemes/" + scheme + "/indicators", indicators)
                .andExpect(status().isOk());
        return scheme;
    }

    private long open(long scheme, String cutoff, int days) throws Exception {
        return id(call("city-staff", "POST", "/api/v1/evaluations", """
                {"schemeId": %d, "cutoffOn": "%s", "objectionDays": %d}""".formatted(scheme, cutoff, days))
                .andExpect(status().isCreated()));
    }

    /** Every unit of the round by its unit key (the county's code), as the city sees the ranking. */
    private Map<String, Long> units(long round) throws Exception {
        String ranking = mvc.perform(get("/api/v1/evaluations/{id}/ranking", round).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> keys = JsonPath.read(ranking, "$[*].unitKey");
        List<Number> ids = JsonPath.read(ranking, "$[*].id");
        Map<String, Long> units = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            units.put(keys.get(i), ids.get(i).longValue());
        }
        return units;
    }

    private void scoreAll(long round, long indicator, String score) throws Exception {
        for (long unit : units(round).values()) {
            call("city-staff", "PUT", "/api/v1/evaluations/%d/units/%d/scores/%d".formatted(round, unit, indicator),
                    "{\"score\": %s, \"note\": \"材料齐全\"}".formatted(score)).andExpect(status().isOk());
        }
    }

    private long indicatorNamed(long scheme, String name) throws Exception {
        String body = mvc.perform(get("/api/v1/evaluation-schemes/{id}", scheme).with(as("city-staff")))
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.indicators[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    private String sheet(String user, long round, long unit) throws Exception {
        return mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}", round, unit).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void decisions_on_time_score_each_county_by_the_formula_and_a_closed_round_keeps_its_inputs() throws Exception {
        int year = 2011;
        for (int i = 1; i <= 4; i++) {
            decided(JINJIANG, LocalDate.of(year, 3, i), LocalDate.of(year, 3, 10));
        }
        for (int i = 1; i <= 3; i++) {
            decided(NANAN, LocalDate.of(year, 5, i), LocalDate.of(year, 5, 10));
        }
        decided(NANAN, LocalDate.of(year, 6, 20), LocalDate.of(year, 6, 1)); // 19 days late
        decided(NANAN, LocalDate.of(year, 12, 20), LocalDate.of(year, 12, 1)); // late, but after the cut-off
        long scheme = scheme(year, """
                [{"name": "办案时效", "points": 40, "method": "GROUP", "children": [
                    {"name": "按期作出确认决定", "points": 40, "method": "COMPUTED", "metric": "DECIDED_ON_TIME"}]},
                 {"name": "组织领导", "points": 60, "method": "MANUAL", "guidance": "工作方案、会议纪要"}]""");
        long round = open(scheme, year + "-11-30", 7);
        call("city-staff", "PUT", "/api/v1/evaluation-schemes/" + scheme + "/indicators", "[]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scheme"));
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/computation", "").andExpect(status().isOk());

        long onTime = indicatorNamed(scheme, "按期作出确认决定");
        Map<String, Long> units = units(round);
        String jinjiang = sheet("city-staff", round, units.get(JINJIANG));
        assertThat(JsonPath.<Number>read(jinjiang, "$.scoresByIndicator['" + onTime + "'].score").doubleValue())
                .isEqualTo(40.0);
        String nanan = sheet("city-staff", round, units.get(NANAN));
        // 3 of the 4 decided by the end of November were on time: 40 × 3 / 4
        assertThat(JsonPath.<Number>read(nanan, "$.scoresByIndicator['" + onTime + "'].score").doubleValue())
                .isEqualTo(30.0);
        assertThat(JsonPath.<String>read(nanan, "$.scoresByIndicator['" + onTime + "'].inputs")).isEqualTo("3 / 4");
        long nananScore = JsonPath.<Number>read(nanan, "$.scoresByIndicator['" + onTime + "'].id").longValue();
        String records = mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}/scores/{score}/records", round,
                        units.get(NANAN), nananScore).with(as("nanan-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(records, "$[*].date")).containsExactly(year + "-06-20");

        long manual = indicatorNamed(scheme, "组织领导");
        call("city-staff", "PUT", "/api/v1/evaluations/%d/units/%d/scores/%d".formatted(round, units.get(NANAN),
                manual), "{\"score\": 61}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        scoreAll(round, manual, "50");
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/review", "").andExpect(status().isOk());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/approval", "").andExpect(status().isOk());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/publication", "").andExpect(status().isOk());
        assertThat(JsonPath.<Number>read(sheet("city-staff", round, units.get(NANAN)), "$.unit.total").doubleValue())
                .isEqualTo(80.0);

        // records changed after the round: one more late decision in Jinjiang, Nan'an's late one corrected
        decided(JINJIANG, LocalDate.of(year, 4, 1), LocalDate.of(year, 3, 1));
        jdbc.sql("update deed set decision_due_on = decided_on where region_code = :region and decided_on = :day")
                .param("region", NANAN).param("day", LocalDate.of(year, 6, 20)).update();
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/computation", "")
                .andExpect(status().isBadRequest());
        String after = sheet("city-staff", round, units.get(NANAN));
        assertThat(JsonPath.<Number>read(after, "$.scoresByIndicator['" + onTime + "'].score").doubleValue())
                .isEqualTo(30.0);
        assertThat(JsonPath.<Number>read(sheet("city-staff", round, units.get(JINJIANG)),
                "$.scoresByIndicator['" + onTime + "'].score").doubleValue()).isEqualTo(40.0);
        assertThat(auditedActions("city-staff", "EvaluationRound", round)).contains("CREATE", "UPDATE");

        // the pages: the lists, the scheme, the round with its chart, the sheet, the records, the workbooks
        for (String page : List.of("/evaluations", "/evaluation-schemes/" + scheme, "/evaluations/" + round)) {
            mvc.perform(get(page).with(as("city-staff"))).andExpect(status().isOk());
        }
        assertThat(page("nanan-staff", "/evaluations/" + round + "/units/" + units.get(NANAN)))
                .contains("3 / 4", "30.00", "查看明细（1 条）");
        assertThat(page("nanan-staff", "/evaluations/%d/units/%d/scores/%d".formatted(round, units.get(NANAN),
                nananScore))).contains(year + "-06-20");
        mvc.perform(get("/evaluations/{r}/units/{u}", round, units.get(JINJIANG)).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        for (String workbook : List.of("/evaluations/" + round + "/ranking.xlsx",
                "/evaluations/" + round + "/units/" + units.get(NANAN) + "/sheet.xlsx")) {
            byte[] xlsx = mvc.perform(get(workbook).with(as("city-staff"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThan(3);
            }
        }
        byte[] pdf = mvc.perform(get("/evaluations/{r}/units/{u}/sheet.pdf", round, units.get(NANAN))
                .with(as("nanan-staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                    .contains("南安市得分表", "按期作出确认决定", "3/4", "30.00");
        }
        mvc.perform(get("/evaluations/{r}/units/{u}/sheet.pdf", round, units.get(JINJIANG)).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        byte[] ranking = mvc.perform(get("/evaluations/{r}/ranking.pdf", round).with(as("nanan-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(ranking)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("晋江市", "南安市");
        }
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void a_scheme_whose_points_do_not_add_up_is_refused_naming_the_indicator() throws Exception {
        int year = 2015;
        long scheme = id(call("city-staff", "POST", "/api/v1/evaluation-schemes", """
                {"year": %d, "subject": "COUNTY", "name": "分值不对的方案", "totalPoints": 100}""".formatted(year))
                .andExpect(status().isCreated()));
        call("city-staff", "PUT", "/api/v1/evaluation-schemes/" + scheme + "/indicators", """
                [{"name": "办案时效", "points": 40, "method": "GROUP", "children": [
                    {"name": "按期作出确认决定", "points": 35, "method": "COMPUTED", "metric": "DECIDED_ON_TIME"}]},
                 {"name": "组织领导", "points": 60, "method": "MANUAL"}]""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("indicators"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("“办案时效”下各项指标分值合计 35 分，应为 40 分")));
        assertThat(jdbc.sql("select count(*) from evaluation_indicator where scheme_id = :id").param("id", scheme)
                .query(Long.class).single()).isZero();
        // built one by one, it can be opened only once it adds up
        call("city-staff", "POST", "/api/v1/evaluation-schemes/" + scheme + "/indicators",
                "{\"name\": \"组织领导\", \"points\": 60, \"method\": \"MANUAL\"}").andExpect(status().isCreated());
        call("city-staff", "POST", "/api/v1/evaluations", "{\"schemeId\": %d}".formatted(scheme))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("合计 60 分，应为总分 100 分")));
        call("city-staff", "POST", "/api/v1/evaluation-schemes/" + scheme + "/indicators",
                "{\"name\": \"年末漏奖\", \"points\": 40, \"method\": \"COMPUTED\", \"metric\": \"AWARD_GAPS_AT_YEAR_END\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("target"));
        call("city-staff", "POST", "/api/v1/evaluation-schemes/" + scheme + "/indicators",
                "{\"name\": \"站点验收\", \"points\": 40, \"method\": \"COMPUTED\", \"metric\": \"STATION_ACCEPTED\", \"target\": 1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("metric"));
        call("city-staff", "POST", "/api/v1/evaluation-schemes/" + scheme + "/indicators",
                "{\"name\": \"宣传活动\", \"points\": 40, \"method\": \"COMPUTED\", \"metric\": \"AWARENESS_EVENTS\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("target"));
        call("jinjiang-staff", "POST", "/api/v1/evaluation-schemes/" + scheme + "/indicators",
                "{\"name\": \"组织领导\", \"points\": 40, \"method\": \"MANUAL\"}").andExpect(status().isForbidden());
        assertThat(auditedActions("city-staff", "EvaluationScheme", scheme)).containsExactly("CREATE");

        // changed on its page until it adds up, then copied into the next year with its indicators
        long leadership = indicatorNamed(scheme, "组织领导");
        mvc.perform(post("/evaluation-schemes/{id}/indicators/{i}", scheme, leadership).with(as("city-staff"))
                        .with(csrf()).param("name", "组织领导").param("points", "100").param("method", "MANUAL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("success", "evaluation.indicator.saved"));
        assertThat(mvc.perform(get("/evaluation-schemes/{id}", scheme).with(as("city-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("各级分值都已对上");
        call("city-staff", "POST", "/api/v1/evaluation-schemes", """
                {"year": %d, "subject": "STATION", "name": "没有上一年", "totalPoints": 100, "copyPrevious": true}"""
                .formatted(year - 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("copyPrevious"));
        long copy = id(call("city-staff", "POST", "/api/v1/evaluation-schemes", """
                {"year": %d, "subject": "COUNTY", "name": "复制的方案", "totalPoints": 100, "copyPrevious": true}"""
                .formatted(year + 1)).andExpect(status().isCreated()));
        assertThat(indicatorNamed(copy, "组织领导")).isNotEqualTo(leadership);
    }

    @Test
    void an_objection_after_the_review_is_refused_and_a_county_reads_only_its_own_detail() throws Exception {
        int year = 2013;
        long scheme = scheme(year, "[{\"name\": \"综合工作\", \"points\": 100, \"method\": \"MANUAL\"}]");
        long round = open(scheme, year + "-12-31", 3);
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/computation", "").andExpect(status().isOk());
        long item = indicatorNamed(scheme, "综合工作");
        scoreAll(round, item, "90");
        Map<String, Long> units = units(round);
        long jinjiang = units.get(JINJIANG);
        call("jinjiang-staff", "POST", "/api/v1/evaluations/%d/units/%d/objections".formatted(round, jinjiang),
                "{\"indicatorId\": %d, \"reason\": \"还没到异议期\"}".formatted(item)).andExpect(status().isBadRequest());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/review", "").andExpect(status().isOk());

        mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}", round, jinjiang).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        call("nanan-staff", "POST", "/api/v1/evaluations/%d/units/%d/objections".formatted(round, jinjiang),
                "{\"indicatorId\": %d, \"reason\": \"替别县提异议\"}".formatted(item)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluations/{id}/ranking", round).with(as("nanan-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].unitKey").value(NANAN));
        long objection = id(call("jinjiang-staff", "POST", "/api/v1/evaluations/%d/units/%d/objections"
                        .formatted(round, jinjiang), "{\"indicatorId\": %d, \"reason\": \"安海工作站材料已补交\"}"
                        .formatted(item)).andExpect(status().isCreated()));

        clock.advance(Duration.ofDays(4));
        call("jinjiang-staff", "POST", "/api/v1/evaluations/%d/units/%d/objections".formatted(round, jinjiang),
                "{\"indicatorId\": %d, \"reason\": \"又想起一条\"}".formatted(item)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("截止")));
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/approval", "").andExpect(status().isBadRequest());
        call("city-staff", "POST", "/api/v1/evaluations/%d/objections/%d/reply".formatted(round, objection),
                "{\"reply\": \"经复核，补交材料已计入，得分调整为 95 分。\"}").andExpect(status().isOk());
        call("city-staff", "PUT", "/api/v1/evaluations/%d/units/%d/scores/%d".formatted(round, jinjiang, item),
                "{\"score\": 95, \"note\": \"补交材料后复核\"}").andExpect(status().isOk());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/approval", "").andExpect(status().isOk());
        // approved, not yet published: a county learns its place only with everyone else
        mvc.perform(get("/api/v1/evaluations/{id}/ranking", round).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].ranking").doesNotExist());
        mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}", round, jinjiang).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.unit.ranking").doesNotExist());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/approval", "").andExpect(status().isBadRequest());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/publication", "").andExpect(status().isOk());

        mvc.perform(get("/api/v1/evaluations/{id}/ranking", round).with(as("nanan-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(units.size()))
                .andExpect(jsonPath("$[0].unitKey").value(JINJIANG)).andExpect(jsonPath("$[0].ranking").value(1));
        mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}", round, jinjiang).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        assertThat(sheet("jinjiang-staff", round, jinjiang)).contains("经复核，补交材料已计入");

        // the annual report of the year states the published result: the county its own place, the city the first
        for (String[] report : new String[][] {{"jinjiang-staff", JINJIANG, "晋江市得分95分", "排名第1位"},
                {"city-staff", "350500", "共考评" + units.size() + "个县（市、区）", "晋江市"}}) {
            jdbc.sql("delete from annual_report_section where report_id in (select id from annual_report"
                    + " where report_year = :year and region_code = :region)").param("year", year)
                    .param("region", report[1]).update();
            jdbc.sql("delete from annual_report where report_year = :year and region_code = :region")
                    .param("year", year).param("region", report[1]).update();
            String created = call(report[0], "POST", "/api/v1/annual-reports",
                    "{\"year\": %d, \"region\": \"%s\"}".formatted(year, report[1]))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<String>>read(created, "$.sections[?(@.key == 'EVALUATION')].sentences[*]"))
                    .anySatisfy(sentence -> assertThat(sentence).contains(report[2], report[3]));
        }
    }

    @Test
    void a_station_round_scores_what_each_station_did_and_a_station_sees_only_itself() throws Exception {
        // a year of its own, ahead of the demo's station evaluations (last year's and this year's)
        clock.setTo(java.time.LocalDateTime.of(2031, 3, 16, 10, 0));
        int year = clock.today().getYear();
        long stationId = id(mvc.perform(post("/api/v1/organizations").with(as("sysadmin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "%s", "type": "WORK_STATION", "regionCode": "350582", "parentId": %d}"""
                        .formatted(unique("晋江市内坑镇见义勇为工作站"), organizationId("JJ-ASSOC"))))
                .andExpect(status().isCreated()));
        String station = jdbc.sql("select code from organization where id = :id").param("id", stationId)
                .query(String.class).single();
        String staff = staffOf(station, "STATION_STAFF");
        long team = id(call(staff, "POST", "/api/v1/volunteer-teams", """
                {"name": "%s", "kind": "SECURITY", "organizationId": %d}""".formatted(unique("内坑巡逻队"), stationId))
                .andExpect(status().isCreated()));
        long member = id(call(staff, "POST", "/api/v1/volunteer-teams/" + team + "/volunteers", """
                {"name": "许志明", "residentId": "%s", "consent": true}""".formatted(uniqueResidentId("35058219850101")))
                .andExpect(status().isCreated()));
        var start = clock.nowToTheMinute().minusDays(2);
        long patrol = id(call(staff, "POST", "/api/v1/volunteer-teams/" + team + "/activities", """
                {"kind": "PATROL", "title": "内坑夜间巡逻", "place": "内坑镇区", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(start, start.plusHours(3))).andExpect(status().isCreated()));
        call(staff, "POST", "/api/v1/activities/" + patrol + "/sign-in",
                "{\"lines\": [{\"volunteerId\": %d, \"hours\": 3}]}".formatted(member)).andExpect(status().isOk());
        call(staff, "POST", "/api/v1/trainings", """
                {"organizationId": %d, "topic": "溺水救援", "trainer": "市红十字会", "heldOn": "%s", "hours": 2}"""
                .formatted(stationId, clock.today().minusDays(1))).andExpect(status().isCreated());

        long scheme = id(call("city-staff", "POST", "/api/v1/evaluation-schemes", """
                {"year": %d, "subject": "STATION", "name": "%d年度工作站考评", "totalPoints": 100}""".formatted(year, year))
                .andExpect(status().isCreated()));
        call("city-staff", "PUT", "/api/v1/evaluation-schemes/" + scheme + "/indicators", """
                [{"name": "志愿活动", "points": 10, "method": "COMPUTED", "metric": "STATION_ACTIVITIES", "target": 2},
                 {"name": "举办培训", "points": 10, "method": "COMPUTED", "metric": "STATION_TRAININGS", "target": 1},
                 {"name": "通过验收", "points": 10, "method": "COMPUTED", "metric": "STATION_ACCEPTED", "target": 1},
                 {"name": "阵地建设", "points": 70, "method": "MANUAL"}]""").andExpect(status().isOk());
        call("city-staff", "PUT", "/api/v1/evaluation-schemes/" + scheme + "/indicators", """
                [{"name": "按期决定", "points": 100, "method": "COMPUTED", "metric": "DECIDED_ON_TIME"}]""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("metric"));
        long round = open(scheme, year + "-12-31", 5);
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/computation", "").andExpect(status().isOk());
        long unit = units(round).get(String.valueOf(stationId));
        String sheet = sheet(staff, round, unit);
        long activities = indicatorNamed(scheme, "志愿活动");
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + activities + "'].score").doubleValue())
                .isEqualTo(5.0);
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + indicatorNamed(scheme, "举办培训")
                + "'].score").doubleValue()).isEqualTo(10.0);
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + indicatorNamed(scheme, "通过验收")
                + "'].score").doubleValue()).isEqualTo(0.0);
        long score = JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + activities + "'].id").longValue();
        assertThat(mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}/scores/{score}/records", round, unit, score)
                .with(as(staff))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("内坑夜间巡逻");
        mvc.perform(get("/api/v1/evaluations/{id}/ranking", round).with(as(staff))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        long anhai = units(round).get(String.valueOf(organizationId("JJ-WS-AH")));
        mvc.perform(get("/api/v1/evaluations/{id}/units/{unit}", round, anhai).with(as(staff)))
                .andExpect(status().isNotFound());
        // the material sent for a score is the station's own: not another station's of the same county
        long anhaiScore = JsonPath.<Number>read(sheet("city-staff", round, anhai),
                "$.scoresByIndicator['" + activities + "'].id").longValue();
        mvc.perform(get("/api/v1/attachments").param("ownerType", "EvaluationScore")
                .param("ownerId", String.valueOf(anhaiScore)).with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments").param("ownerType", "EvaluationScore")
                .param("ownerId", String.valueOf(score)).with(as(staff))).andExpect(status().isOk());

        // the best stations go to the honour round as 先进工作站 candidates, once
        scoreAll(round, indicatorNamed(scheme, "阵地建设"), "60");
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/review", "").andExpect(status().isOk());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/proposals", "{\"honourRoundId\": 1}")
                .andExpect(status().isBadRequest());
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/approval", "").andExpect(status().isOk());
        LocalDate from = clock.today().minusYears(1);
        long honourRound = id(call("city-staff", "POST", "/api/v1/honour-rounds", """
                {"name": "%s", "windowFrom": "%s", "windowTo": "%s",
                 "criteria": {"工作实绩": 60, "社会影响": 40}, "members": ["committee-1", "committee-2"]}"""
                .formatted(unique("先进工作站评选"), from, from.plusDays(30))).andExpect(status().isCreated()));
        String name = jdbc.sql("select name from organization where id = :id").param("id", stationId)
                .query(String.class).single();
        String proposal = "{\"honourRoundId\": %d, \"count\": 50}".formatted(honourRound);
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/proposals", proposal).andExpect(status().isOk())
                .andExpect(jsonPath("$").value(org.hamcrest.Matchers.hasItem(name)));
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/proposals", proposal).andExpect(status().isOk())
                .andExpect(jsonPath("$").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(name))));
        mvc.perform(get("/api/v1/honour-rounds/{id}", honourRound).with(as("city-staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void awards_to_put_right_and_households_overdue_for_a_visit_when_computed_cost_their_points() throws Exception {
        clock.setTo(java.time.LocalDateTime.of(2033, 1, 10, 9, 0)); // after the year's end, ahead of every demo record
        int year = 2032;
        long scheme = scheme(year, """
                [{"name": "不漏奖、不迟奖、不错奖", "points": 20, "method": "COMPUTED", "metric": "AWARD_GAPS_AT_YEAR_END",
                  "target": 0.5},
                 {"name": "按期走访", "points": 10, "method": "COMPUTED", "metric": "VISITS_ON_SCHEDULE"},
                 {"name": "组织领导", "points": 70, "method": "MANUAL"}]""");
        long round = open(scheme, year + "-12-31", 7);
        List<Object> open = JsonPath.read(mvc.perform(get("/api/v1/guarantees").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*]");
        int households = JsonPath.read(mvc.perform(get("/api/v1/visits").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.total");
        int overdue = JsonPath.read(mvc.perform(get("/api/v1/visits").param("filter", "OVERDUE")
                .with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.total");
        call("city-staff", "POST", "/api/v1/evaluations/" + round + "/computation", "").andExpect(status().isOk());
        long gaps = indicatorNamed(scheme, "不漏奖、不迟奖、不错奖");
        String sheet = sheet("jinjiang-staff", round, units(round).get(JINJIANG));
        double expected = Math.max(0, 20 - 0.5 * open.size());
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + gaps + "'].score").doubleValue())
                .isEqualTo(expected);
        assertThat(JsonPath.<String>read(sheet, "$.scoresByIndicator['" + gaps + "'].inputs"))
                .isEqualTo(open.size() + " × 0.5");
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + gaps + "'].records").intValue())
                .isEqualTo(Math.min(open.size(), Evaluations.MAX_RECORDS));
        long visits = indicatorNamed(scheme, "按期走访");
        assertThat(JsonPath.<String>read(sheet, "$.scoresByIndicator['" + visits + "'].inputs"))
                .isEqualTo((households - overdue) + " / " + households);
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + visits + "'].score").doubleValue())
                .isEqualTo(households == 0 ? 10.0 : java.math.BigDecimal.TEN.multiply(java.math.BigDecimal.valueOf(
                        households - overdue)).divide(java.math.BigDecimal.valueOf(households), 2,
                        java.math.RoundingMode.HALF_UP).doubleValue());
        assertThat(JsonPath.<Number>read(sheet, "$.scoresByIndicator['" + visits + "'].records").intValue())
                .isEqualTo(Math.min(overdue, Evaluations.MAX_RECORDS));
    }
}

package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;
import org.yiyong.reporting.internal.AnnualReportText;
import org.yiyong.shared.FigureSource.Unit;

/**
 * The annual work report: a draft states the statistics' figures with the year before, staff narratives are
 * saved as counted drafts at the version read, an issued report is numbered and locked, the .docx and the PDF
 * hold every figure and the narratives, a county sees only its own reports, and every change is audited.
 */
class AnnualReportTests extends FullStackTest {

    private static final String CITY = "350500";
    private static final String JINJIANG = "350582";
    private static final String NANAN = "350583";

    /**
     * A new draft for the year and region. A report another test made for the same year and region (the
     * bad-input battery posts valid bodies too) is removed first: this test owns its report.
     */
    private String create(String user, int year, String region) throws Exception {
        removeReport(year, region);
        return mvc.perform(post("/api/v1/annual-reports").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + ", \"region\": \"" + region + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
    }

    private void removeReport(int year, String region) {
        String existing = "select id from annual_report where report_year = :year and region_code = :region";
        jdbc.sql("delete from annual_report_section where report_id in (" + existing + ")")
                .param("year", year).param("region", region).update();
        jdbc.sql("delete from annual_report where report_year = :year and region_code = :region")
                .param("year", year).param("region", region).update();
    }

    private String statistics(String user, int year, String region) throws Exception {
        return mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(year)).param("region", region)
                        .with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static BigDecimal total(String report, String key) {
        List<Object> totals = JsonPath.read(report, "$.sections[*].figures[?(@.key == '" + key + "')].total");
        return new BigDecimal(totals.get(0).toString());
    }

    private static String sentences(String report, String section) {
        List<List<String>> sentences = JsonPath.read(report, "$.sections[?(@.key == '" + section + "')].sentences");
        return String.join("", sentences.get(0));
    }

    private byte[] download(String user, long id, String format) throws Exception {
        return mvc.perform(get("/api/v1/annual-reports/" + id + "/report." + format).with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void a_draft_states_the_figures_is_edited_issued_and_locked_and_its_files_hold_every_figure() throws Exception {
        new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG, "JJ-PS-QY", 1);
        int year = LocalDate.now(clock).getYear();
        String created = create("city-staff", year, CITY);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat((Integer) JsonPath.read(created, "$.draftNumber")).isZero();
        assertThat((String) JsonPath.read(created, "$.status")).isEqualTo("DRAFT");

        String figures = statistics("city-staff", year, CITY);
        BigDecimal confirmed = total(figures, "samaritans.confirmed");
        assertThat(confirmed).as("this year has people confirmed").isPositive();
        String confirmedSentence = "全年共确认见义勇为人员" + confirmed.toPlainString() + "人";
        String honours = sentences(created, "HONOURS");
        assertThat(honours).contains(confirmedSentence + "，");
        assertThat(honours.split("。")).as("every figure is compared with the year before")
                .allSatisfy(sentence -> assertThat(sentence).containsAnyOf("同比增长", "同比减少", "与上年持平", "上年无数据"));
        assertThat(sentences(created, "FUNDS")).contains("全年共收到善款").contains("元");
        assertThat(sentences(created, "COMMUNITY")).contains("志愿服务活动").contains("志愿服务时长");
        assertThat(sentences(created, "NEXT_YEAR")).isEmpty();

        String paragraph = "全年坚持不迟奖、不漏奖、不错奖，" + unique("编辑段落").replace("-", "");
        mvc.perform(put("/api/v1/annual-reports/" + id + "/sections").with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"narratives\": {\"HONOURS\": \"" + paragraph + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.draftNumber").value(1))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.sections[?(@.key == 'HONOURS')].narrative").value(paragraph));
        mvc.perform(put("/api/v1/annual-reports/" + id + "/sections").with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"narratives\": {\"HONOURS\": \"晚了一步\"}}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        byte[] draftDocx = download("city-staff", id, "docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(draftDocx))) {
            String text = docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains(confirmedSentence).contains(paragraph).contains("一、").contains("六、")
                    .contains("（第1稿，未印发）");
            var page = docx.getDocument().getBody().getSectPr();
            assertThat(page.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(page.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(docx.getFooterList()).isNotEmpty();
            String footer = docx.getFooterList().get(0)._getHdrFtr().xmlText();
            assertThat(footer).contains("PAGE").contains("fldChar").contains("—");
            assertThat(docx.getDocument().xmlText()).contains("仿宋_GB2312").contains("黑体").contains("方正小标宋简体");
        }

        String issued = mvc.perform(post("/api/v1/annual-reports/" + id + "/issue").with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(issued, "$.documentNumber");
        assertThat(number).matches("泉见协〔\\d{4}〕\\d+号");
        assertThat(sentences(issued, "HONOURS")).as("the issued report keeps its sentences").isEqualTo(honours);
        mvc.perform(put("/api/v1/annual-reports/" + id + "/sections").with(as("city-staff"))
                        .locale(Locale.SIMPLIFIED_CHINESE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 2, \"narratives\": {\"HONOURS\": \"改一改\"}}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("这份报告已经印发（" + number + "），不能再修改。"));
        mvc.perform(post("/api/v1/annual-reports/" + id + "/issue").with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 2}"))
                .andExpect(status().isConflict());

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(download("city-staff", id, "docx")))) {
            String text = docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains(number).contains(confirmedSentence).contains(paragraph);
        }
        try (PDDocument pdf = Loader.loadPDF(download("leader", id, "pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("—1—");
            // a sentence may run over a page break, where the extracted text has the page number (—2—) inside it
            String flowing = text.replaceAll("—\\d+—", "");
            assertThat(flowing).contains(confirmedSentence).contains(paragraph).contains(number)
                    .contains("见义勇为协会" + year + "年度工作报告");
        }

        assertThat(auditedActions("city-staff", "AnnualReport", id))
                .containsSubsequence("CREATE", "UPDATE", "UPDATE");
        List<String> changes = jdbc.sql("""
                select changes from audit_entry where entity_type = 'AnnualReport' and entity_id = :id
                and action = 'UPDATE' order by id""").param("id", String.valueOf(id)).query(String.class).list();
        assertThat(changes.get(0)).as("the save, before and after").contains(paragraph).contains("draftNumber");
        assertThat(changes.get(1)).as("the issue").contains(number).contains("ISSUED");
    }

    @Autowired
    private AnnualReportText text;

    private static Statistics.FigureValue figure(String key, Unit unit, String total,
            String before, List<Statistics.PartValue> parts) {
        return new Statistics.FigureValue(key, key, "", unit, "", false, new BigDecimal(total), new BigDecimal(before),
                List.of(), List.of(), parts);
    }

    @Test
    void a_sentence_compares_with_the_year_before_shows_money_in_wan_and_lists_the_titles() {
        var people = Unit.PEOPLE;
        assertThat(text.sentence(figure("samaritans.confirmed", people, "85", "75", List.of())))
                .isEqualTo("全年共确认见义勇为人员85人，同比增长13.3%（上年75人）。");
        assertThat(text.sentence(figure("samaritans.confirmed", people, "60", "75", List.of())))
                .isEqualTo("全年共确认见义勇为人员60人，同比减少20.0%（上年75人）。");
        assertThat(text.sentence(figure("samaritans.confirmed", people, "75", "75", List.of())))
                .isEqualTo("全年共确认见义勇为人员75人，与上年持平（上年75人）。");
        assertThat(text.sentence(figure("samaritans.confirmed", people, "3", "0", List.of())))
                .isEqualTo("全年共确认见义勇为人员3人，上年无数据。");
        assertThat(text.sentence(figure("funds.donations", Unit.YUAN, "8500000.00",
                "8000000.00", List.of()))).isEqualTo("全年共收到善款850万元，同比增长6.3%（上年800万元）。");
        assertThat(text.sentence(figure("honours.granted", Unit.HONOUREES, "34", "30",
                List.of(new Statistics.PartValue("CITY_MODEL", "泉州市见义勇为模范", new BigDecimal("12")),
                        new Statistics.PartValue("CITY_ADVANCED", "泉州市见义勇为先进个人", new BigDecimal("22"))))))
                .isEqualTo("授予见义勇为荣誉称号34人（群体），同比增长13.3%（上年30人（群体））；"
                        + "其中泉州市见义勇为模范12人（群体）、泉州市见义勇为先进个人22人（群体）。");
    }

    @Test
    void a_county_sees_only_its_own_reports_and_a_leader_reads_but_does_not_write() throws Exception {
        int year = LocalDate.now(clock).getYear() - 1;
        String created = create("nanan-staff", year, NANAN);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(get("/api/v1/annual-reports/" + id).with(as("jinjiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/annual-reports/" + id + "/report.docx").with(as("jinjiang-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/annual-reports/" + id).with(as("jinjiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/annual-reports").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + ", \"region\": \"" + NANAN + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/annual-reports").with(as("nanan-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": " + year + ", \"region\": \"" + NANAN + "\"}"))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/v1/annual-reports/" + id).with(as("city-staff"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/annual-reports/" + id).with(as("leader"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/annual-reports/" + id + "/sections").with(as("leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"narratives\": {\"CARE\": \"领导不写\"}}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/annual-reports").param("region", NANAN).with(as("nanan-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].year").value(year));
    }

    @Test
    void staff_write_and_issue_a_report_from_its_pages() throws Exception {
        int year = LocalDate.now(clock).getYear() - 2;
        removeReport(year, JINJIANG);
        mvc.perform(get("/statistics").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/annual-reports?region=" + JINJIANG)));
        mvc.perform(post("/annual-reports").with(as("jinjiang-staff")).with(csrf())
                        .param("year", String.valueOf(year)).param("region", JINJIANG))
                .andExpect(redirectedUrlPattern("/annual-reports/*"));
        long id = jdbc.sql("select id from annual_report where report_year = :year and region_code = :region")
                .param("year", year).param("region", JINJIANG).query(Long.class).single();
        mvc.perform(get("/annual-reports").param("region", JINJIANG).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/annual-reports/" + id)));

        mvc.perform(post("/annual-reports/" + id).with(as("jinjiang-staff")).with(csrf())
                        .param("version", "0").param("narrative.NEXT_YEAR", "一是加快主题公园建设。\n二是加强志愿者培训。"))
                .andExpect(flash().attribute("success", "annual-report.saved"));
        var refused = mvc.perform(post("/annual-reports/" + id).with(as("jinjiang-staff")).with(csrf())
                        .param("version", "0").param("narrative.NEXT_YEAR", "过期的稿子"))
                .andExpect(flash().attribute("failure", "error.stale")).andReturn();
        // what was typed in the refused save comes back in its box, with a word that it was not saved
        String kept = mvc.perform(get("/annual-reports/" + id).with(as("jinjiang-staff"))
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attributeExists("typed"))
                .andReturn().getResponse().getContentAsString();
        assertThat(kept).contains("id=\"typed-kept\"");
        int box = kept.indexOf("id=\"narrative-NEXT_YEAR\"");
        assertThat(box).isPositive();
        assertThat(kept.substring(box, kept.indexOf("</textarea>", box))).endsWith(">过期的稿子");
        mvc.perform(get("/annual-reports/" + id).with(as("jinjiang-staff")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("一是加快主题公园建设。")))
                .andExpect(content().string(containsString("全年共确认见义勇为人员")));

        mvc.perform(post("/annual-reports/" + id + "/issue").with(as("jinjiang-staff")).with(csrf())
                        .param("version", "1"))
                .andExpect(flash().attribute("success", "annual-report.issued"));
        mvc.perform(post("/annual-reports/" + id).with(as("jinjiang-staff")).with(csrf())
                        .param("version", "2").param("narrative.NEXT_YEAR", "印发后再改"))
                .andExpect(flash().attribute("failure", "annual-report.locked"));
        String number = jdbc.sql("select document_number from annual_report where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(number).startsWith("晋见协〔");
        assertThat(auditedActions("jinjiang-staff", "AnnualReport", id)).containsSubsequence("CREATE", "UPDATE",
                "UPDATE");
    }
}

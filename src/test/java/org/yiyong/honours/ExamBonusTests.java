package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** 中考加分证明: the child's name and the points of the parent's highest honour. */
class ExamBonusTests extends HonoursTestBase {

    @Test
    void a_child_of_a_samaritan_with_only_a_county_honour_gets_two_points() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        String child = unique("洪小雅");
        String family = call("jinjiang-staff", "/api/v1/samaritans/" + confirmed[0] + "/family",
                "{\"relation\": \"CHILD\", \"name\": \"" + child + "\", \"birthDate\": \"2011-09-01\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(family, "$.family[*].id");
        String certificate = "/api/v1/samaritans/" + confirmed[0] + "/family/" + ids.get(0) + "/exam-bonus-certificate";
        mvc.perform(get(certificate).with(as("jinjiang-staff"))).andExpect(status().isBadRequest());

        String body = call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "COUNTY_COMMENDATION", "reason": "一事一奖"}"""
                .formatted(confirmed[0], confirmed[1])).andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(body, "$.id")).longValue();
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"晋见协〔2026〕9号\"}")
                .andExpect(status().isOk());

        byte[] pdf = mvc.perform(get(certificate).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains(child, "加2分", "见义勇为嘉奖（县级）", "中考加分证明");
        }
        mvc.perform(get(certificate).with(as("nanan-staff"))).andExpect(status().isNotFound());

        // printed again the same year: the same certificate, one line of the register
        byte[] again = mvc.perform(get(certificate).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String number;
        try (PDDocument first = Loader.loadPDF(pdf); PDDocument second = Loader.loadPDF(again)) {
            String text = new PDFTextStripper().getText(first).replaceAll("\\s+", "");
            assertThat(new PDFTextStripper().getText(second).replaceAll("\\s+", "")).isEqualTo(text);
        }
        int year = clock.today().getYear();
        String register = mvc.perform(get("/api/v1/exam-bonus-certificates").param("year", String.valueOf(year))
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> numbers = JsonPath.read(register, "$[?(@.childName == '%s')].number".formatted(child));
        assertThat(numbers).hasSize(1);
        number = numbers.get(0);
        assertThat(JsonPath.<List<Integer>>read(register, "$[?(@.childName == '%s')].points".formatted(child)))
                .containsExactly(2);
        String nanan = mvc.perform(get("/api/v1/exam-bonus-certificates").param("year", String.valueOf(year))
                        .with(as("nanan-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nanan).doesNotContain(child);
        mvc.perform(get("/api/v1/exam-bonus-certificates").param("year", String.valueOf(year))
                .param("region", "350583").with(as("jinjiang-staff"))).andExpect(status().isNotFound());
        String page = mvc.perform(get("/exam-bonus-certificates").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(number, child);

        // the statistics count it once, by the level of the title it rests on, and list it
        String records = mvc.perform(get("/api/v1/statistics/honours.exam-bonus/records")
                        .param("year", String.valueOf(year)).param("region", "350582").param("part", "COUNTY")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(records, "$.records[*].reference")).containsOnlyOnce(number);

        byte[] confirmation = mvc.perform(get("/api/v1/samaritans/{id}/deeds/{deed}/confirmation-certificate",
                        confirmed[0], confirmed[1]).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(confirmation)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("见义勇为确认证书", "确认为见义勇为行为", "晋公见确");
            // the decision's number and the person's place in it, never an internal id
            assertThat(text).containsPattern("证书编号：晋公见确〔\\d{4}〕\\d+号-1(?!\\d)");
            assertThat(document.getNumberOfPages()).as("one page, frame and all").isEqualTo(1);
        }
    }
}

package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.honours.internal.Honour;
import org.yiyong.honours.internal.Title;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.shared.Money;

/** Instant commendation from proposal to certificate, rewards by the standard in force, revocation. */
class HonourGrantsTests extends FullStackTest {

    @Autowired
    TitleCatalogue catalogue;

    /** The registry id and deed id of a demo samaritan confirmed by a demo deed. */
    private Map<String, Object> demoSamaritan(String name) throws Exception {
        awaitEvents();
        return jdbc.sql("""
                select s.id as samaritan, d.deed_id as deed from samaritan s join samaritan_deed d on d.samaritan_id = s.id
                where s.name = :name""").param("name", name).query().singleRow();
    }

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long proposed(String user, String name, String title) throws Exception {
        Map<String, Object> who = demoSamaritan(name);
        String body = call(user, "/api/v1/honours", """
                {"samaritanId": %s, "deedId": %s, "titleCode": "%s", "reason": "深夜扑救火灾，疏散十余户居民"}"""
                .formatted(who.get("samaritan"), who.get("deed"), title))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PROPOSED"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The QR code on the first page, as a phone would read it: tried at a few resolutions, as a phone tries angles. */
    /**
     * The text of the certificate's QR code: read from the image embedded in the page (exactly as
     * printed, whatever else is on the page), else from the rendered page.
     */
    static String readQr(PDDocument document) throws Exception {
        java.util.List<java.awt.image.BufferedImage> images = new java.util.ArrayList<>();
        var resources = document.getPage(0).getResources();
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject embedded) {
                images.add(embedded.getImage());
            }
        }
        for (int dpi : new int[] {200, 300, 150}) {
            images.add(new PDFRenderer(document).renderImageWithDPI(0, dpi));
        }
        Exception last = null;
        for (var image : images) {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                        .getText();
            } catch (com.google.zxing.ReaderException unreadable) {
                last = unreadable;
            }
        }
        throw last;
    }

    @Test
    void an_instant_commendation_is_proposed_approved_by_another_and_granted_with_a_certificate_that_checks_out()
            throws Exception {
        long id = proposed("jinjiang-staff", "丁国梁", "CITY_ACTIVIST");
        call("jinjiang-staff", "/api/v1/honours/" + id + "/approval", "{}").andExpect(status().isForbidden());
        call("city-staff", "/api/v1/honours/" + id + "/approval", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        call("city-staff", "/api/v1/honours/" + id + "/grant", "{\"documentNumber\": \"\"}")
                .andExpect(status().isBadRequest());
        String granted = call("city-staff", "/api/v1/honours/" + id + "/grant",
                        "{\"documentNumber\": \"泉见协〔2026〕18号\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.rewardAmount").value(5000.00))
                .andExpect(jsonPath("$.certificateNumber").value(matchesPattern("泉见证〔\\d{4}〕\\d{4}号")))
                .andExpect(jsonPath("$.rewards[0].kind").value("PAYMENT"))
                .andExpect(jsonPath("$.rewards[0].status").value("REQUESTED"))
                .andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(granted, "$.verificationCode");

        byte[] pdf = mvc.perform(get("/api/v1/honours/{id}/certificate", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // kept for a look, as CI keeps the decision letter
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "honour-certificate.pdf"), pdf);
        String qr;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("丁国梁", "泉州市见义勇为积极分子", "荣誉证书");
            assertThat(document.getNumberOfPages()).as("one page, frame and all").isEqualTo(1);
            qr = readQr(document);
        }
        assertThat(qr).endsWith("/public/certificates/" + code);

        mvc.perform(get("/public/certificates/{code}", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("证书真实有效")))
                .andExpect(content().string(containsString("丁国梁")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("350582"))));
        mvc.perform(get("/public/certificates/{code}", "NOTACODE22")).andExpect(status().isOk())
                .andExpect(content().string(containsString("查无此证书")));

        call("city-staff", "/api/v1/honours/" + id + "/revocation", "{\"reason\": \"经查系冒领\", \"document\": \"\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/honours/" + id + "/revocation",
                        "{\"reason\": \"经查举荐材料系伪造\", \"document\": \"泉见协〔2026〕31号\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.rewards[0].status").value("CANCELLED"));
        mvc.perform(get("/public/certificates/{code}", code))
                .andExpect(content().string(containsString("被撤销，证书作废")));
        assertThat(auditedActions("city-staff", "Honour", id)).contains("UPDATE");
        mvc.perform(get("/api/v1/honours/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
    }

    @Test
    void nobody_approves_their_own_proposal_and_a_title_is_held_once_per_deed() throws Exception {
        long id = proposed("city-staff", "丁国梁", "COUNTY_COMMENDATION");
        call("city-staff", "/api/v1/honours/" + id + "/approval", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("自己提出")));
        Map<String, Object> who = demoSamaritan("丁国梁");
        call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %s, "deedId": %s, "titleCode": "COUNTY_COMMENDATION", "reason": "再报"}"""
                .formatted(who.get("samaritan"), who.get("deed"))).andExpect(status().isConflict());
        call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %s, "deedId": %s, "titleCode": "CITY_MODEL", "reason": "模范"}"""
                .formatted(who.get("samaritan"), who.get("deed"))).andExpect(status().isBadRequest());
    }

    @Test
    void two_requests_at_once_create_one_honour() throws Exception {
        Map<String, Object> who = demoSamaritan("庄文彬");
        String body = """
                {"samaritanId": %s, "deedId": %s, "titleCode": "CITY_ACTIVIST", "reason": "跳入溪中救起母子"}"""
                .formatted(who.get("samaritan"), who.get("deed"));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return call("jinjiang-staff", "/api/v1/honours", body).andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from honour h join title t on t.id = h.title_id "
                + "where h.samaritan_id = :s and t.code = 'CITY_ACTIVIST'").param("s", who.get("samaritan"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_grant_takes_the_standard_in_force_on_its_decision_date() throws Exception {
        Title advanced = catalogue.title("CITY_ADVANCED");
        assertThat(catalogue.rewardOn(advanced, LocalDate.of(2022, 12, 31))).isEqualTo(Money.of(10000));
        assertThat(catalogue.rewardOn(advanced, LocalDate.of(2023, 1, 1))).isEqualTo(Money.of(20000));
        assertThat(catalogue.rewardOn(advanced, LocalDate.of(2023, 12, 21))).isEqualTo(Money.of(20000));

        Title county = catalogue.title("COUNTY_COMMENDATION");
        String standard = "{\"effectiveFrom\": \"2024-03-01\", \"amount\": 6000, \"note\": \"县级嘉奖提标\"}";
        call("jinjiang-staff", "/api/v1/titles/" + county.getId() + "/standards", standard)
                .andExpect(status().isForbidden());
        call("city-staff", "/api/v1/titles/" + county.getId() + "/standards",
                "{\"effectiveFrom\": \"2024-03-01\", \"amount\": -1}").andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/titles/" + county.getId() + "/standards", standard)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.standards[0].amount").value(6000.00))
                .andExpect(jsonPath("$.standards[1].amount").value(5000.00));
        call("city-staff", "/api/v1/titles/" + county.getId() + "/standards", standard)
                .andExpect(status().isConflict());
        assertThat(catalogue.rewardOn(county, LocalDate.of(2024, 2, 29))).isEqualTo(Money.of(5000));
        assertThat(catalogue.rewardOn(county, LocalDate.of(2024, 3, 1))).isEqualTo(Money.of(6000));
        mvc.perform(get("/api/v1/titles").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'CITY_ADVANCED')].standards[0].amount").value(20000.00));
    }
}

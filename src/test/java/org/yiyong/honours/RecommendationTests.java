package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.yiyong.honours.internal.Recommending;

/** Recommending upward: the package with the summary and the evidence, and a granted outcome as an honour. */
class RecommendationTests extends HonoursTestBase {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I',
            'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};

    @Test
    void a_recommendation_packs_the_evidence_and_a_granted_outcome_becomes_a_provincial_honour() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        mvc.perform(multipart("/files").file(new MockMultipartFile("file", "现场照片.jpg", "image/jpeg", JPEG))
                .param("ownerType", "Deed").param("ownerId", String.valueOf(confirmed[1]))
                .param("returnTo", "/deeds/" + confirmed[1]).with(as("jinjiang-staff")).with(csrf()));
        call("jinjiang-staff", "/api/v1/recommendations", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "CITY_MODEL", "recommendedTo": "省", "reason": "事迹突出"}"""
                .formatted(confirmed[0], confirmed[1])).andExpect(status().isBadRequest());
        String body = call("jinjiang-staff", "/api/v1/recommendations", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "PROVINCIAL_ADVANCED", "recommendedTo": "福建省见义勇为基金会",
                 "reason": "只身跳入深水救起落水儿童，事迹突出"}""".formatted(confirmed[0], confirmed[1]))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        byte[] zip = mvc.perform(get("/api/v1/recommendations/{id}/package", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).anyMatch(name -> name.startsWith("推荐材料-") && name.endsWith(".pdf"));
        assertThat(entries).contains("证据材料/现场照片.jpg");

        call("jinjiang-staff", "/api/v1/recommendations/" + id + "/outcome", "{\"granted\": true}")
                .andExpect(status().isBadRequest());
        String concluded = call("jinjiang-staff", "/api/v1/recommendations/" + id + "/outcome",
                        "{\"granted\": true, \"documentNumber\": \"闽见工委〔2026〕12号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"))
                .andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(concluded, "$.honourId")).longValue();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.mode").value("UPWARD"))
                .andExpect(jsonPath("$.titleCode").value("PROVINCIAL_ADVANCED"))
                .andExpect(jsonPath("$.status").value("GRANTED"));
        call("jinjiang-staff", "/api/v1/recommendations/" + id + "/outcome", "{\"granted\": false}")
                .andExpect(status().isConflict());
        String issues = mvc.perform(get("/api/v1/guarantees").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(issues).as("an honour granted above is not a wrong amount here").doesNotContain("honour-" + honour + "\"");
        mvc.perform(get("/api/v1/recommendations/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());

        // the register lists it with its outcome, within the scope; the statistics count it once
        String year = String.valueOf(clock.today().getYear());
        String register = mvc.perform(get("/api/v1/recommendations").param("year", year).param("status", "GRANTED")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(register, "$[?(@.id == %d)].honourId".formatted(id)))
                .containsExactly((int) honour);
        assertThat(JsonPath.<List<String>>read(register, "$[?(@.id == %d)].recommendedTo".formatted(id)))
                .containsExactly("福建省见义勇为基金会");
        assertThat(mvc.perform(get("/api/v1/recommendations").param("year", year).with(as("nanan-staff")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("\"id\":" + id + ",");
        assertThat(mvc.perform(get("/api/v1/recommendations").param("year", year).param("status", "SUBMITTED")
                .with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("\"id\":" + id + ",");
        mvc.perform(get("/recommendations").param("year", year).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("福建省见义勇为基金会")));
        String records = mvc.perform(get("/api/v1/statistics/honours.recommended/records").param("year", year)
                        .param("region", "350582").param("part", "GRANTED").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(records, "$.records[*].path"))
                .containsOnlyOnce("/samaritans/" + confirmed[0]);
    }

    @Test
    void a_group_is_recommended_once_and_its_honour_above_is_held_by_every_member() throws Exception {
        long[] alone = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        call("jinjiang-staff", "/api/v1/recommendations", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "PROVINCIAL_MODEL_GROUP", "recommendedTo": "福建省人民政府",
                 "reason": "群体救人"}""".formatted(alone[0], alone[1])).andExpect(status().isBadRequest());

        long[] together = confirmedTogether("jinjiang-police", "350582", "JJ-PS-QY", 2);
        String body = call("jinjiang-staff", "/api/v1/recommendations", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "PROVINCIAL_MODEL_GROUP", "recommendedTo": "福建省人民政府",
                 "reason": "两名渔民接力救起落水游客"}""".formatted(together[0], together[2]))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.groupName").value(
                        org.hamcrest.Matchers.endsWith("群体"))).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        // the same group from the other member's profile is the same recommendation
        call("jinjiang-staff", "/api/v1/recommendations", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "PROVINCIAL_MODEL_GROUP", "recommendedTo": "福建省人民政府",
                 "reason": "重复"}""".formatted(together[1], together[2])).andExpect(status().isConflict());

        String concluded = call("jinjiang-staff", "/api/v1/recommendations/" + id + "/outcome",
                        "{\"granted\": true, \"documentNumber\": \"闽政文〔2026〕30号\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(concluded, "$.honourId")).longValue();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.recipient").value("GROUP"))
                .andExpect(jsonPath("$.mode").value("UPWARD"))
                .andExpect(jsonPath("$.memberIds.length()").value(2));
        for (long member : new long[] {together[0], together[1]}) {
            mvc.perform(get("/samaritans/{id}", member).with(as("jinjiang-staff"))).andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("福建省见义勇为模范群体")));
        }
    }
}

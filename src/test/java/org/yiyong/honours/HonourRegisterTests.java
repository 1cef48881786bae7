package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register of honours lists who was honoured, filtered in SQL, within the reader's scope. */
class HonourRegisterTests extends HonoursTestBase {

    private String register(String user, String query) throws Exception {
        return mvc.perform(get("/api/v1/honours?" + query).with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_granted_honour_is_listed_by_its_title_level_year_and_name_and_only_within_scope() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        String name = jdbc.sql("select name from samaritan where id = :id").param("id", confirmed[0])
                .query(String.class).single();
        String proposal = call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "CITY_ACTIVIST", "reason": "救起落水儿童"}"""
                .formatted(confirmed[0], confirmed[1]))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(proposal, "$.id")).longValue();
        call("city-staff", "/api/v1/honours/" + id + "/approval", "{}").andExpect(status().isOk());
        String granted = call("city-staff", "/api/v1/honours/" + id + "/grant",
                "{\"documentNumber\": \"泉见协〔2026〕31号\"}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String decidedOn = JsonPath.read(granted, "$.decidedOn");
        String year = decidedOn.substring(0, 4);

        String found = register("city-staff", "q=" + name + "&year=" + year + "&title=CITY_ACTIVIST&level=CITY"
                + "&status=GRANTED&region=350582");
        assertThat((Integer) JsonPath.read(found, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(found, "$.items[0].recipient")).isEqualTo(name);
        assertThat((String) JsonPath.read(found, "$.items[0].titleName")).isEqualTo("泉州市见义勇为积极分子");
        assertThat((String) JsonPath.read(found, "$.items[0].path")).isEqualTo("/samaritans/" + confirmed[0]);
        assertThat(((Number) JsonPath.read(found, "$.items[0].rewardAmount")).doubleValue()).isEqualTo(5000.0);

        assertThat((Integer) JsonPath.read(register("city-staff", "q=" + name + "&level=PROVINCIAL"), "$.total"))
                .as("another level").isZero();
        assertThat((Integer) JsonPath.read(register("city-staff", "q=" + name + "&year=1999"), "$.total"))
                .as("another year").isZero();
        assertThat((Integer) JsonPath.read(register("jinjiang-staff", "q=" + name), "$.total"))
                .as("Jinjiang's own").isEqualTo(1);
        assertThat((Integer) JsonPath.read(register("nanan-staff", "q=" + name), "$.total"))
                .as("outside Nan'an's scope").isZero();

        String page = mvc.perform(get("/honours").param("q", name).with(as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("表彰名录", name, "泉州市见义勇为积极分子", "5,000.00");
    }

    @Test
    void the_register_answers_bad_filters_and_unauthorised_readers_clearly() throws Exception {
        mvc.perform(get("/api/v1/honours").param("level", "GALACTIC").with(as("city-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/honours").param("year", "30000").with(as("city-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/honours").with(as("cashier")))
                .andExpect(status().isForbidden());
        List<Object> items = JsonPath.read(register("city-staff", "size=5"), "$.items");
        assertThat(items).hasSizeLessThanOrEqualTo(5);
    }
}

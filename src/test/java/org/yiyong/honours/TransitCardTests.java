package org.yiyong.honours;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

/** 见义勇为卡 for holders of city-government or higher honours and martyrs' families; the labour-model treatment. */
class TransitCardTests extends HonoursTestBase {

    @Test
    void a_city_model_holds_one_card_and_is_treated_as_a_city_labour_model() throws Exception {
        long cai = jdbc.sql("select id from samaritan where name = '蔡文龙' order by id").query(Long.class).list().get(0);
        mvc.perform(get("/api/v1/honours/transit-cards").param("samaritanId", String.valueOf(cai)).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible[0].basis").value("泉州市见义勇为模范"))
                .andExpect(jsonPath("$.labourModelTreatment[0]").value("市级劳动模范"));
        String issued = call("jinjiang-staff", "/api/v1/honours/transit-cards", "{\"samaritanId\": " + cai + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.number").value(
                        org.hamcrest.Matchers.matchesPattern("泉见卡\\d{9}")))
                .andReturn().getResponse().getContentAsString();
        long card = ((Number) JsonPath.read(issued, "$.id")).longValue();
        call("jinjiang-staff", "/api/v1/honours/transit-cards", "{\"samaritanId\": " + cai + "}")
                .andExpect(status().isConflict());
        call("nanan-staff", "/api/v1/honours/transit-cards/" + card + "/return", "{\"reason\": \"迁居外地\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/samaritans/{id}", cai).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("按规定享受同级劳动模范待遇：市级劳动模范")))
                .andExpect(content().string(containsString("见义勇为卡")));
        call("jinjiang-staff", "/api/v1/honours/transit-cards/" + card + "/return", "{\"reason\": \"\"}")
                .andExpect(status().isBadRequest());
        call("jinjiang-staff", "/api/v1/honours/transit-cards/" + card + "/return", "{\"reason\": \"卡片损坏，换发新卡\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.returnReason").value("卡片损坏，换发新卡"));
        call("jinjiang-staff", "/api/v1/honours/transit-cards", "{\"samaritanId\": " + cai + "}")
                .andExpect(status().isCreated());
    }

    @Test
    void an_activist_alone_gets_no_card_but_a_martyrs_family_does() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        String body = call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "CITY_ACTIVIST", "reason": "一案一奖"}"""
                .formatted(confirmed[0], confirmed[1])).andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(body, "$.id")).longValue();
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"泉见协〔2026〕91号\"}")
                .andExpect(status().isOk());
        call("jinjiang-staff", "/api/v1/honours/transit-cards", "{\"samaritanId\": " + confirmed[0] + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("烈士遗属")));

        String registered = call("jinjiang-staff", "/api/v1/samaritans", """
                {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2016 年追授决定"}"""
                .formatted(unique("陈"), uniqueResidentId("35058219700101"))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long martyr = ((Number) JsonPath.read(registered, "$.id")).longValue();
        String spouse = call("jinjiang-staff", "/api/v1/samaritans/" + martyr + "/family",
                "{\"relation\": \"SPOUSE\", \"name\": \"" + unique("林") + "\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long spouseId = ((Number) JsonPath.read(spouse, "$.family[0].id")).longValue();
        call("jinjiang-staff", "/api/v1/samaritans/" + martyr + "/death",
                "{\"diedOn\": \"2016-05-01\", \"determination\": \"MARTYR_APPLICATION\"}").andExpect(status().isCreated());
        call("jinjiang-staff", "/api/v1/honours/transit-cards",
                "{\"samaritanId\": " + martyr + ", \"relativeId\": " + spouseId + "}").andExpect(status().isBadRequest());
        call("jinjiang-staff", "/api/v1/samaritans/" + martyr + "/death/martyr-decision",
                "{\"approved\": true, \"documentNumber\": \"闽政文〔2016〕120号\"}")
                .andExpect(status().isOk());
        call("jinjiang-staff", "/api/v1/honours/transit-cards",
                "{\"samaritanId\": " + martyr + ", \"relativeId\": " + spouseId + "}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.basis").value("烈士遗属"));
        call("jinjiang-staff", "/api/v1/honours/transit-cards", "{\"samaritanId\": " + martyr + "}")
                .andExpect(status().isBadRequest());
    }
}

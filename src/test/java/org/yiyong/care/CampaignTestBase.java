package org.yiyong.care;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.care.internal.Campaign;

/**
 * Campaign tests register their own people in 永春 (350525), a county no other test builds campaigns for,
 * through the registry, protection, deeds and honours APIs, and assert on the lines of those people only.
 */
abstract class CampaignTestBase extends FullStackTest {

    static final String YONGCHUN = "350525";

    protected ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** A person entered from the records of 永春. */
    protected long registered(String name) throws Exception {
        return id(call("city-staff", "/api/v1/samaritans", """
                {"regionCode": "%s", "name": "%s", "residentId": "%s", "sourceDocument": "永春县见义勇为人员名册（2012）"}"""
                .formatted(YONGCHUN, name, uniqueResidentId("35052519700101")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    protected void relative(long samaritan, String relation, String name, String birthDate) throws Exception {
        call("city-staff", "/api/v1/samaritans/" + samaritan + "/family", """
                {"relation": "%s", "name": "%s"%s}""".formatted(relation, name,
                birthDate == null ? "" : ", \"birthDate\": \"" + birthDate + "\""))
                .andExpect(status().isCreated());
    }

    /** The id of the relative of a person with this name. */
    protected long relativeId(long samaritan, String name) {
        return jdbc.sql("select id from relative where samaritan_id = :s and name = :n").param("s", samaritan)
                .param("n", name).query(Long.class).single();
    }

    protected void diedOnDuty(long samaritan, String on) throws Exception {
        call("city-staff", "/api/v1/samaritans/" + samaritan + "/death", """
                {"diedOn": "%s", "determination": "DEATH_ON_DUTY", "documentNumber": "永政〔2019〕8号"}"""
                .formatted(on)).andExpect(status().isCreated());
    }

    protected void lostContact(long samaritan) throws Exception {
        call("city-staff", "/api/v1/samaritans/" + samaritan + "/lost-contact", "{\"note\": \"电话停机，原址已拆迁\"}")
                .andExpect(status().isOk());
    }

    /**
     * A person confirmed by a deed in 永春 (the clock moves 7 days for the public notice) and commended at
     * county level; returns the registry id and the honour id.
     */
    protected long[] commended(String name) throws Exception {
        String body = call("city-police", "/api/v1/deeds", """
                {"regionCode": "%s", "category": "RESCUE", "source": "POLICE_REFERRAL",
                 "occurredAt": "2026-06-01T10:00:00", "address": "桃城镇", "title": "%s", "narrative": "桃溪救起落水儿童",
                 "participants": [{"role": "ACTOR", "name": "%s", "residentId": "%s"}], "notADuplicate": true}"""
                .formatted(YONGCHUN, unique("救人"), name, uniqueResidentId("35052519880101")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long deed = id(body);
        int participant = JsonPath.read(body, "$.participants[0].id");
        String confirm = "{\"participantId\": " + participant + ", \"outcome\": \"CONFIRM\"}";
        String[][] steps = {
            {"accept", "{\"acceptedOn\": \"2026-06-02\"}"},
            {"investigation", "{\"organizationId\": " + organizationId("YC-PSB") + ", \"investigators\": \"民警\"}"},
            {"investigation/report", "{\"summary\": \"查实\", \"recommendations\": [" + confirm + "]}"},
            {"review/proposal", "{\"proposals\": [" + confirm + "]}"},
            {"notice", "{}"}};
        // the county bureau of the place proposes and decides (Art. 6)
        String bureau = staffOf("YC-PSB", "COUNTY_STAFF");
        for (String[] step : steps) {
            call(bureau, "/api/v1/deeds/" + deed + "/" + step[0], step[1]).andExpect(status().isOk());
        }
        clock.advance(Duration.ofDays(7));
        call(bureau, "/api/v1/deeds/" + deed + "/notice/close", "{}").andExpect(status().isOk());
        call(bureau, "/api/v1/deeds/" + deed + "/decision", "{\"outcomes\": [" + confirm.replace("\"CONFIRM\"",
                "\"CONFIRMED\"") + "]}").andExpect(status().isOk());
        awaitEvents();
        long samaritan = jdbc.sql("select samaritan_id from samaritan_deed where participant_id = :p")
                .param("p", participant).query(Long.class).single();
        long honour = id(call("city-police", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "COUNTY_COMMENDATION", "reason": "桃溪救起落水儿童"}"""
                .formatted(samaritan, deed)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString());
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"永见协〔2026〕5号\"}")
                .andExpect(status().isOk());
        return new long[] {samaritan, honour};
    }

    /** A campaign of 永春 built by city staff; returns its id. */
    protected long campaign(String festival, java.time.LocalDate day) throws Exception {
        return id(call("city-staff", "/api/v1/campaigns", """
                {"festival": "%s", "regionCode": "%s", "festivalDate": "%s"}""".formatted(festival, YONGCHUN, day))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    /** The roster's lines by registry id, read page after page. */
    protected Map<Long, Map<String, Object>> lines(long campaign) throws Exception {
        Map<Long, Map<String, Object>> bySamaritan = new HashMap<>();
        pages("/api/v1/campaigns/" + campaign + "/lines", null)
                .forEach(line -> bySamaritan.put(((Number) line.get("samaritanId")).longValue(), line));
        return bySamaritan;
    }

    /** Every line of a paged list of lines (of one status, when given), page after page. */
    protected List<Map<String, Object>> pages(String path, String status) throws Exception {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var request = get(path).param("page", String.valueOf(page)).param("size", "200");
            if (status != null) {
                request.param("status", status);
            }
            String body = mvc.perform(request.with(as("city-staff"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            all.addAll(JsonPath.read(body, "$.items"));
            if ((page + 1) * 200 >= JsonPath.<Integer>read(body, "$.total")) {
                return all;
            }
        }
    }
}

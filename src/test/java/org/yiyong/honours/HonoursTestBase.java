package org.yiyong.honours;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** Honours need confirmed people: this walks a fresh deed to its confirmation through the API. */
abstract class HonoursTestBase extends FullStackTest {

    protected ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /**
     * A deed of the region confirmed today (the clock moves 7 days for the public notice), investigated by
     * the given organization; returns the registry id of the confirmed person and the deed id.
     */
    protected long[] confirmed(String user, String region, String station) throws Exception {
        String body = call(user, "/api/v1/deeds", """
                {"regionCode": "%s", "category": "RESCUE", "source": "POLICE_REFERRAL",
                 "occurredAt": "2026-06-01T10:00:00", "address": "官桥镇", "title": "%s", "narrative": "救人",
                 "participants": [{"role": "ACTOR", "name": "%s", "residentId": "%s"}], "notADuplicate": true}"""
                .formatted(region, unique("救人"), unique("洪"), uniqueResidentId(region + "19880101")))
                .andReturn().getResponse().getContentAsString();
        long deed = ((Number) JsonPath.read(body, "$.id")).longValue();
        int actor = JsonPath.read(body, "$.participants[0].id");
        String[][] steps = {
            {"accept", "{\"acceptedOn\": \"2026-06-02\"}"},
            {"investigation", "{\"organizationId\": " + organizationId(station) + ", \"investigators\": \"民警\"}"},
            {"investigation/report", "{\"summary\": \"查实\", \"recommendations\": [{\"participantId\": " + actor
                    + ", \"outcome\": \"CONFIRM\"}]}"},
            {"review/proposal", "{\"proposals\": [{\"participantId\": " + actor + ", \"outcome\": \"CONFIRM\"}]}"},
            {"notice", "{}"}};
        for (String[] step : steps) {
            call(user, "/api/v1/deeds/" + deed + "/" + step[0], step[1]).andExpect(status().isOk());
        }
        clock.advance(Duration.ofDays(7));
        call(user, "/api/v1/deeds/" + deed + "/notice/close", "{}").andExpect(status().isOk());
        call(user, "/api/v1/deeds/" + deed + "/decision",
                "{\"outcomes\": [{\"participantId\": " + actor + ", \"outcome\": \"CONFIRMED\"}]}")
                .andExpect(status().isOk());
        awaitEvents();
        long samaritan = jdbc.sql("select samaritan_id from samaritan_deed where participant_id = :p")
                .param("p", actor).query(Long.class).single();
        return new long[] {samaritan, deed};
    }
}

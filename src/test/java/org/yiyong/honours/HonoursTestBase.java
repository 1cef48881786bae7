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

    /** The text of a PDF without white space, as a reader would search it. */
    protected static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    /**
     * A deed of the region confirmed today (the clock moves 7 days for the public notice), investigated by
     * the given organization; returns the registry id of the confirmed person and the deed id.
     */
    protected long[] confirmed(String user, String region, String station) throws Exception {
        return confirmedTogether(user, region, station, 1);
    }

    /** A deed of several actors, all confirmed: their registry ids in order, then the deed id. */
    protected long[] confirmedTogether(String user, String region, String station, int actors) throws Exception {
        StringBuilder participants = new StringBuilder();
        for (int i = 0; i < actors; i++) {
            participants.append(i == 0 ? "" : ", ").append("""
                    {"role": "ACTOR", "name": "%s", "residentId": "%s"}""".formatted(unique("洪"),
                    uniqueResidentId(region + "19880101")));
        }
        String body = call(user, "/api/v1/deeds", """
                {"regionCode": "%s", "category": "RESCUE", "source": "POLICE_REFERRAL",
                 "occurredAt": "2026-06-01T10:00:00", "address": "官桥镇", "title": "%s", "narrative": "救人",
                 "participants": [%s], "notADuplicate": true}"""
                .formatted(region, unique("救人"), participants))
                .andReturn().getResponse().getContentAsString();
        long deed = ((Number) JsonPath.read(body, "$.id")).longValue();
        java.util.List<Integer> ids = JsonPath.read(body, "$.participants[*].id");
        String confirm = ids.stream().map(id -> "{\"participantId\": " + id + ", \"outcome\": \"CONFIRM\"}")
                .collect(java.util.stream.Collectors.joining(", "));
        String[][] steps = {
            {"accept", "{\"acceptedOn\": \"2026-06-02\"}"},
            {"investigation", "{\"organizationId\": " + organizationId(station) + ", \"investigators\": \"民警\"}"},
            {"investigation/report", "{\"summary\": \"查实\", \"recommendations\": [" + confirm + "]}"},
            {"review/proposal", "{\"proposals\": [" + confirm + "]}"},
            {"notice", "{}"}};
        for (String[] step : steps) {
            call(user, "/api/v1/deeds/" + deed + "/" + step[0], step[1]).andExpect(status().isOk());
        }
        clock.advance(Duration.ofDays(7));
        call(user, "/api/v1/deeds/" + deed + "/notice/close", "{}").andExpect(status().isOk());
        call(user, "/api/v1/deeds/" + deed + "/decision", "{\"outcomes\": [" + confirm.replace("\"CONFIRM\"",
                "\"CONFIRMED\"") + "]}").andExpect(status().isOk());
        awaitEvents();
        long[] result = new long[ids.size() + 1];
        for (int i = 0; i < ids.size(); i++) {
            result[i] = jdbc.sql("select samaritan_id from samaritan_deed where participant_id = :p")
                    .param("p", ids.get(i)).query(Long.class).single();
        }
        result[ids.size()] = deed;
        return result;
    }
}

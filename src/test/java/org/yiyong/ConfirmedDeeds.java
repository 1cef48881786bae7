package org.yiyong;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Walks a fresh deed through the API to the confirmation of its actors, so that a test needing
 * confirmed people makes its own instead of looking for some that another test left behind.
 */
public final class ConfirmedDeeds {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestClock clock;
    private final Function<String, RequestPostProcessor> as;

    public ConfirmedDeeds(MockMvc mvc, JdbcClient jdbc, TestClock clock, Function<String, RequestPostProcessor> as) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.clock = clock;
        this.as = as;
    }

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as.apply(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /**
     * A deed of the region with several actors, investigated by the organization with the given code,
     * confirmed today (the clock moves 7 days for the public notice and is left there): the registry
     * ids of the confirmed people in order, then the deed id.
     */
    public long[] confirm(String user, String region, String stationCode, int actors) throws Exception {
        StringBuilder participants = new StringBuilder();
        for (int i = 0; i < actors; i++) {
            participants.append(i == 0 ? "" : ", ").append("""
                    {"role": "ACTOR", "name": "%s", "residentId": "%s"}""".formatted(FullStackTest.unique("洪"),
                    FullStackTest.uniqueResidentId(region + "19880101")));
        }
        String body = call(user, "/api/v1/deeds", """
                {"regionCode": "%s", "category": "RESCUE", "source": "POLICE_REFERRAL",
                 "occurredAt": "2026-06-01T10:00:00", "address": "官桥镇", "title": "%s", "narrative": "救人",
                 "participants": [%s], "notADuplicate": true}"""
                .formatted(region, FullStackTest.unique("救人"), participants))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long deed = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<Integer> ids = JsonPath.read(body, "$.participants[*].id");
        String confirm = ids.stream().map(id -> "{\"participantId\": " + id + ", \"outcome\": \"CONFIRM\"}")
                .collect(Collectors.joining(", "));
        long station = jdbc.sql("select id from organization where code = :code").param("code", stationCode)
                .query(Long.class).single();
        String[][] steps = {
            {"accept", "{\"acceptedOn\": \"2026-06-02\"}"},
            {"investigation", "{\"organizationId\": " + station + ", \"investigators\": \"民警\"}"},
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

    /**
     * Waits (up to 10 seconds) until every event published to another module has been handled: the
     * listeners run after the commit, on their own thread.
     */
    public void awaitEvents() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long open = jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class).single();
            if (open == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("events still unhandled after 10 seconds");
    }
}

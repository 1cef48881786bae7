package org.yiyong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyong.FullStackTest;
import org.yiyong.care.internal.TargetedAidApplication;
import org.yiyong.care.internal.TargetedAidReminders;
import org.yiyong.identity.CurrentUser;

/**
 * Targeted aid: an application on behalf of a household to the provincial foundation or the city, its
 * outcome and the money received — in order, within the caller's scope, audited, and followed up when
 * no outcome came for 60 days.
 */
class TargetedAidTests extends FullStackTest {

    @Autowired
    TargetedAidReminders reminders;

    @Autowired
    UserDetailsService accounts;

    private long samaritan;
    private String household;

    private ResultActions call(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void registered() throws Exception {
        household = unique("洪");
        String body = call("nanan-staff", post("/api/v1/samaritans"), """
                {"regionCode": "350583", "name": "%s", "residentId": "%s", "sourceDocument": "2017 年南安市表彰决定"}"""
                .formatted(household, uniqueResidentId("35058319690214")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        samaritan = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions apply(String user, String to, String reason, String amount) throws Exception {
        return call(user, post("/api/v1/targeted-aid"), """
                {"samaritanId": %d, "appliedTo": "%s", "reason": "%s", "amountAsked": %s,
                 "narrative": "入户走访发现本人患尿毒症需长期透析，家庭负担沉重"}""".formatted(samaritan, to, reason, amount));
    }

    private long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void an_application_is_granted_and_the_money_received_in_order() throws Exception {
        registered();
        LocalDate today = LocalDate.now(clock);
        long provincial = id(apply("nanan-staff", "PROVINCIAL_FOUNDATION", "SERIOUS_ILLNESS", "30000")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.household").value(household))
                .andExpect(jsonPath("$.appliedOn").value(today.toString())));
        // one open application per household and body
        apply("nanan-staff", "PROVINCIAL_FOUNDATION", "HOUSING", "20000").andExpect(status().isConflict());

        mvc.perform(get("/api/v1/targeted-aid/{id}", provincial).with(as("jinjiang-staff")))
                .andExpect(status().isNotFound());
        call("nanan-staff", post("/api/v1/targeted-aid/{id}/receipt", provincial),
                "{\"amountReceived\": 30000}").andExpect(status().isConflict());
        call("nanan-staff", post("/api/v1/targeted-aid/{id}/grant", provincial), "{\"amountGranted\": 0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amountGranted"));
        call("nanan-staff", post("/api/v1/targeted-aid/{id}/grant", provincial), """
                {"amountGranted": 30000, "decidedOn": "%s", "decisionDocument": "闽见基金〔2026〕20号"}"""
                .formatted(today)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.amountGranted").value(30000.0));
        call("nanan-staff", post("/api/v1/targeted-aid/{id}/receipt", provincial),
                "{\"amountReceived\": 35000}").andExpect(status().isConflict());
        call("nanan-staff", post("/api/v1/targeted-aid/{id}/receipt", provincial),
                "{\"amountReceived\": 30000, \"receivedOn\": \"%s\"}".formatted(today.plusDays(1)))
                .andExpect(status().isBadRequest());
        call("nanan-staff", post("/api/v1/targeted-aid/{id}/receipt", provincial),
                "{\"amountReceived\": 30000, \"note\": \"省基金会拨付到户\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.amountReceived").value(30000.0))
                .andExpect(jsonPath("$.receivedOn").value(today.toString()));
        assertThat(auditedActions("nanan-staff", "TargetedAidApplication", provincial))
                .containsExactly("CREATE", "UPDATE", "UPDATE");

        // the city's own targeted aid, not granted
        long city = id(apply("nanan-staff", "CITY", "HARDSHIP", "10000").andExpect(status().isCreated()));
        call("city-staff", post("/api/v1/targeted-aid/{id}/refusal", city),
                "{\"reason\": \"已享受最低生活保障，不重复帮扶\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_GRANTED"));
        call("city-staff", post("/api/v1/targeted-aid/{id}/grant", city), "{\"amountGranted\": 5000}")
                .andExpect(status().isConflict());

        String list = mvc.perform(get("/api/v1/targeted-aid").with(as("leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> statuses = JsonPath.read(list, "$[?(@.samaritanId == %d)].status".formatted(samaritan));
        assertThat(statuses).containsExactlyInAnyOrder("RECEIVED", "NOT_GRANTED");
        mvc.perform(get("/api/v1/targeted-aid/statistics").with(as("nanan-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.appliedTo == 'PROVINCIAL_FOUNDATION')].households").isNotEmpty());
        mvc.perform(get("/targeted-aid").with(as("nanan-staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(household)));
    }

    @Test
    void bad_input_is_refused_and_readers_do_not_change_anything() throws Exception {
        registered();
        call("nanan-staff", post("/api/v1/targeted-aid"), """
                {"samaritanId": %d, "appliedTo": "CITY", "amountAsked": 5000, "narrative": "住房困难"}"""
                .formatted(samaritan)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        apply("nanan-staff", "CITY", "HOUSING", "-1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amountAsked"));
        apply("jinjiang-staff", "CITY", "HOUSING", "5000").andExpect(status().isNotFound());
        apply("leader", "CITY", "HOUSING", "5000").andExpect(status().isForbidden());
    }

    @Test
    void an_application_without_an_outcome_for_60_days_is_a_reminder() throws Exception {
        registered();
        long application = id(apply("nanan-staff", "PROVINCIAL_FOUNDATION", "HOUSING", "30000")
                .andExpect(status().isCreated()));
        assertThat(reminders.reminders(user("nanan-staff"))).noneMatch(r -> r.link().endsWith("targeted-aid-" + application));
        clock.advance(Duration.ofDays(61));
        assertThat(reminders.reminders(user("nanan-staff"))).anySatisfy(r -> {
            assertThat(r.link()).endsWith("targeted-aid-" + application);
            assertThat(r.kind()).isEqualTo("targeted-aid.awaiting-outcome");
            assertThat(r.subject()).isEqualTo(household);
        });
        assertThat(reminders.reminders(user("jinjiang-staff"))).noneMatch(r -> r.link().endsWith("targeted-aid-" + application));
    }

    private CurrentUser user(String username) {
        UserDetails details = accounts.loadUserByUsername(username);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(details, null, details.getAuthorities()));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            return org.yiyong.identity.SignedIn.user().orElseThrow();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}

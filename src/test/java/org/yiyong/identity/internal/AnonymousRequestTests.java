package org.yiyong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyong.FullStackTest;
import org.yiyong.identity.internal.IdentityProperties;

/** Calls to the API without signing in: 401 whatever the method, and no flood on the audit trail. */
class AnonymousRequestTests extends FullStackTest {

    private static final AtomicInteger HOSTS = new AtomicInteger();

    @Autowired
    DeniedRequests denied;

    @Autowired
    IdentityProperties properties;

    /** A client address no other test uses, so that its tally starts empty. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String freshAddress() {
        return "10.77." + (HOSTS.incrementAndGet() / 250) + "." + (HOSTS.get() % 250 + 1);
    }

    private List<String> auditedFrom(String address) {
        return jdbc.sql("select detail from audit_entry where ip = :ip and action = 'ACCESS_DENIED' order by id")
                .param("ip", address).query(String.class).list();
    }

    @Test
    void an_anonymous_api_call_is_unauthenticated_whatever_the_method() throws Exception {
        String address = freshAddress();
        for (MockHttpServletRequestBuilder call : List.of(get("/api/v1/samaritans"),
                delete("/api/v1/samaritans/1"), patch("/api/v1/samaritans/1"),
                post("/api/v1/samaritans").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("name", "x"),
                post("/api/v1/samaritans").contentType(MediaType.APPLICATION_JSON).content("{}"))) {
            mvc.perform(call.with(from(address)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(401));
        }
    }

    @Test
    void repeated_anonymous_refusals_from_one_address_are_summarised_with_their_count() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(delete("/api/v1/samaritans/{id}", i).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(auditedFrom(address)).containsExactly("DELETE /api/v1/samaritans/0");

        String other = freshAddress();
        mvc.perform(delete("/api/v1/samaritans/9").with(from(other))).andExpect(status().isUnauthorized());
        assertThat(auditedFrom(other)).as("each address has its own tally").hasSize(1);

        clock.advance(properties.addressWindow().plus(Duration.ofSeconds(1)));
        denied.summariseEndedWindows();
        List<String> entries = auditedFrom(address);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).contains("4 more refused requests from " + address)
                .contains("DELETE /api/v1/samaritans/4");
        assertThat(auditedFrom(other)).as("nothing to summarise after a single refusal").hasSize(1);
        assertThat(jdbc.sql("select distinct actor from audit_entry where ip = :ip").param("ip", address)
                .query(String.class).list()).containsExactly("anonymous");
    }
}

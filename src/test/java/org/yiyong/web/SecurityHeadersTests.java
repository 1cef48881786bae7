package org.yiyong.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/** Headers every answer carries, so that browsers hold pages to what they need. */
class SecurityHeadersTests extends FullStackTest {

    @Test
    void pages_turn_off_the_camera_microphone_and_location() throws Exception {
        for (String page : new String[] {"/login", "/public/notices"}) {
            mvc.perform(get(page))
                    .andExpect(header().string("Permissions-Policy", allOf(containsString("camera=()"),
                            containsString("microphone=()"), containsString("geolocation=()"))));
        }
        // the visit form takes photos through a file input, which needs no permission
        mvc.perform(get("/api/v1/me").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Permissions-Policy", containsString("camera=()")));
    }

    @Test
    void https_answers_tell_the_browser_to_keep_to_https_and_plain_http_ones_do_not() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security",
                        allOf(containsString("max-age=31536000"), containsString("includeSubDomains"))));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }
}

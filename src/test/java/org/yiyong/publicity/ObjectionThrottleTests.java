package org.yiyong.publicity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.web.PublicThrottleProperties;

/** Objections to a public notice need no sign-in, so one client address may send only so many. */
class ObjectionThrottleTests extends FullStackTest {

    @Autowired
    PublicThrottleProperties limits;

    private ResultActions object(String address, String content) throws Exception {
        return mvc.perform(post("/public/notices/{number}/objections", "350582-2026-9999").with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("content", content));
    }

    @Test
    void a_burst_of_objections_from_one_address_is_refused_with_429_and_another_address_still_gets_through()
            throws Exception {
        for (int i = 0; i < limits.objections(); i++) {
            object("10.78.0.1", "").andExpect(status().isBadRequest());
        }
        object("10.78.0.1", "异议")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("提交异议过于频繁，请稍后再试。")));
        object("10.78.0.2", "").andExpect(status().isBadRequest());
    }
}

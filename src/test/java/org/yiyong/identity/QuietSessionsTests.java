package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;
import org.yiyong.Statements;

/**
 * A page read by a signed-in person writes nothing to their session while the session's recorded time of the last
 * request is less than a minute old; once it is older, the next request records its own, so that the session
 * lives on while it is used.
 */
class QuietSessionsTests extends FullStackTest {

    private static boolean writesSession(String sql) {
        return sql.trim().toUpperCase(Locale.ROOT).startsWith("UPDATE SPRING_SESSION");
    }

    private long lastAccess(String id) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void pages_read_within_a_minute_write_nothing_to_the_session_and_one_after_it_records_its_time() throws Exception {
        Cookie session = mvc.perform(post("/login").param("username", "city-staff").param("password", "Yiyong@2024")
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr("127.0.0.58");
                            return request;
                        }))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("signed in with a session").isNotNull();
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);

        List<String> read = Statements.listed(() -> mvc.perform(get("/deeds").cookie(session))
                .andExpect(status().isOk()));
        assertThat(read).as("a page a moment after signing in").noneMatch(QuietSessionsTests::writesSession);

        // the recorded time of the last request made a minute and a half old
        jdbc.sql("""
                update spring_session set last_access_time = last_access_time - 90000, expiry_time = expiry_time - 90000
                where session_id = :id""").param("id", id).update();
        long before = lastAccess(id);
        List<String> later = Statements.listed(() -> mvc.perform(get("/deeds").cookie(session))
                .andExpect(status().isOk()));
        assertThat(later).as("a page after a minute").anyMatch(QuietSessionsTests::writesSession);
        assertThat(lastAccess(id)).isGreaterThanOrEqualTo(before + 90_000);
        mvc.perform(get("/samaritans").cookie(session)).andExpect(status().isOk());
    }
}

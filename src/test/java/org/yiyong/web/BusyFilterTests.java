package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** A request that finds every database connection busy is told to come back shortly, not shown a fault. */
class BusyFilterTests {

    private final BusyFilter filter = new BusyFilter();

    private static FilterChain failing(RuntimeException failure) {
        return (request, response) -> {
            throw failure;
        };
    }

    private static RuntimeException poolExhausted() {
        return new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
    }

    @Test
    void a_page_gets_503_in_words_with_when_to_try_again() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/deeds"), response, failing(poolExhausted()));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("系统繁忙").contains("10 秒后")
                .doesNotContain("Exception").doesNotContain("Hikari");
    }

    @Test
    void an_api_call_gets_problem_json() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/deeds"), response, failing(poolExhausted()));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":503")
                .contains("服务繁忙");
    }

    @Test
    void any_other_failure_goes_on_to_the_error_handling() {
        RuntimeException other = new DataIntegrityViolationException("duplicate key");
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/deeds"),
                new MockHttpServletResponse(), failing(other))).isSameAs(other);
    }
}

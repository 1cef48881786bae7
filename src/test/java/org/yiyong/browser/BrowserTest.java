package org.yiyong.browser;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.TestClock;

/**
 * The whole application on a real port with the test clock, for a real browser. Every browser test
 * shares this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.TestClock;
import org.yiyong.identity.SignedIn;
import org.yiyong.identity.internal.AccessTokenService;

/**
 * Requests the servlet container itself cannot make sense of, sent to the real server (MockMvc never
 * parses a multipart body): answered with Yiyong's own messages, never a bare container page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the test clock, as every context that may be the first to start and seed the demo data
@Import(TestClock.Config.class)
class UnreadableRequestTests {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    AccessTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void an_attachment_whose_name_has_a_nul_byte_is_refused_with_400_problem_json_and_nothing_is_kept()
            throws Exception {
        String token = SignedIn.as(accounts.loadUserByUsername("jinjiang-staff"),
                me -> tokens.issue(me, "NUL upload " + System.nanoTime(), 1)).token();
        long organization = jdbc.sql("select id from organization where code = 'JJ-ASSOC'").query(Long.class)
                .single();
        long before = jdbc.sql("select count(*) from attachment").query(Long.class).single();

        String boundary = "----yiyong" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(part(boundary, "ownerType", "Organization"));
        body.write(part(boundary, "ownerId", String.valueOf(organization)));
        body.write(file(boundary, "file", "现场\0照片.png"));
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"field\":\"file\"").contains("文件名里有不允许的字符");
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void the_error_path_asked_for_directly_is_a_page_that_does_not_exist() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base() + "/error"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("找不到页面或记录").doesNotContain("999");

        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base() + "/error"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("999");
    }

    static byte[] part(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a PNG under a file name as the client sends it, byte for byte. */
    static byte[] file(String boundary, String name, String fileName) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        part.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D',
                'R'});
        part.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return part.toByteArray();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

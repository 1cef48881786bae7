package org.yiyong.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * Files above the upload limit, sent to the real server: the sender is taken back to the lead form
 * with a message that says so, not to a page about missing permission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yiyong.TestClock.Config.class) // the browser tests' context
class LeadUploadLimitTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size}")
    DataSize limit;

    @Test
    void files_above_the_limit_send_the_reporter_back_to_the_form_with_a_message() throws Exception {
        String boundary = "----yiyong" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"narrative\"\r\n\r\n有人救人\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"video.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[(int) limit.toBytes() + 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base() + "/public/leads/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/public/leads/new?too-large"));

        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base()
                + "/public/leads/new?too-large")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("照片和视频加起来太大了");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

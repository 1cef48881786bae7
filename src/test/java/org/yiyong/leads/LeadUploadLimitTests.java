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
        HttpResponse<String> refused = sendLead("video.mp4", "video/mp4", new byte[(int) limit.toBytes() + 1024]);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/public/leads/new?too-large"));

        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base()
                + "/public/leads/new?too-large")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("照片和视频加起来太大了");
    }

    @Test
    void a_file_name_with_a_nul_byte_gets_the_form_again_with_400_and_a_message() throws Exception {
        HttpResponse<String> refused = sendLead("现场\0照片.jpg", "image/jpeg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0});

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("没能收下您选的照片或视频").contains("action=\"/public/leads/new\"")
                .doesNotContain("HTTP Status");
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The public lead form posted to the real server as a browser would, with one file. */
    private HttpResponse<String> sendLead(String fileName, String contentType, byte[] content) throws Exception {
        String boundary = "----yiyong" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"narrative\"\r\n\r\n有人救人\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base() + "/public/leads/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

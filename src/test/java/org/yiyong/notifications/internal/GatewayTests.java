package org.yiyong.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.MessageGateway;
import org.yiyong.notifications.NotificationProperties;

/**
 * The gateways that come with Yiyong speak to real servers: an SMS provider is reached over HTTP exactly as
 * configured (number and text filled in, encoded for the body's kind, the configured headers sent), and a
 * refusal — an error status or a reply without the success marker — is a failure to retry; e-mails reach an
 * SMTP server as UTF-8 text with the configured sender.
 */
class GatewayTests {

    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private record Received(String method, String path, String contentType, String authorization, String body) {
    }

    /** A provider that keeps what it received and answers with the given status and reply. */
    private String provider(AtomicReference<Received> received, int status, String reply) throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Test
    void an_sms_provider_taking_a_form_gets_the_number_and_the_signed_text() throws Exception {
        AtomicReference<Received> received = new AtomicReference<>();
        String url = provider(received, 200, "{\"code\":\"OK\"}") + "/sms/send";
        new HttpSmsGateway(new NotificationProperties.Sms(url, "POST", "application/x-www-form-urlencoded",
                "mobile={mobile}&content={text}", Map.of("Authorization", "Bearer k1"), "\"OK\"", "【泉州市见义勇为协会】", 5))
                .send(Channel.SMS, "13905951234", "决定已作出", "您反映的见义勇为事迹已作出决定：确认。");
        Received request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sms/send");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.authorization()).isEqualTo("Bearer k1");
        assertThat(URLDecoder.decode(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("mobile=13905951234&content=【泉州市见义勇为协会】您反映的见义勇为事迹已作出决定：确认。");
    }

    @Test
    void an_sms_provider_taking_json_or_a_query_string_is_configured_the_same_way() throws Exception {
        AtomicReference<Received> received = new AtomicReference<>();
        String base = provider(received, 200, "ok");
        new HttpSmsGateway(new NotificationProperties.Sms(base + "/v2", "POST", "application/json",
                "{\"to\":\"{mobile}\",\"msg\":\"{text}\"}", Map.of(), "", "", 5))
                .send(Channel.SMS, "13905951234", "s", "第一行\n引号\"在内");
        assertThat(received.get().body()).isEqualTo("{\"to\":\"13905951234\",\"msg\":\"第一行\\n引号\\\"在内\"}");
        new HttpSmsGateway(new NotificationProperties.Sms(base + "/send?phone={mobile}&text={text}", "GET", "", "",
                Map.of(), "", "", 5)).send(Channel.SMS, "13905951234", "s", "奖励已发放 & 到账");
        assertThat(received.get().method()).isEqualTo("GET");
        assertThat(URLDecoder.decode(received.get().path(), StandardCharsets.UTF_8))
                .isEqualTo("/send?phone=13905951234&text=奖励已发放 & 到账");
    }

    @Test
    void an_error_status_or_a_reply_without_the_success_marker_is_a_failure() throws Exception {
        AtomicReference<Received> received = new AtomicReference<>();
        String url = provider(received, 200, "{\"code\":\"isv.BUSINESS_LIMIT_CONTROL\"}");
        MessageGateway marked = new HttpSmsGateway(new NotificationProperties.Sms(url, "POST",
                "application/x-www-form-urlencoded", "m={mobile}&t={text}", Map.of(), "\"OK\"", "", 5));
        assertThatThrownBy(() -> marked.send(Channel.SMS, "13905951234", "s", "t"))
                .isInstanceOf(MessageGateway.GatewayFailure.class).hasMessageContaining("BUSINESS_LIMIT_CONTROL");
        http.stop(0);
        url = provider(received, 503, "busy");
        MessageGateway down = new HttpSmsGateway(new NotificationProperties.Sms(url, "POST",
                "application/x-www-form-urlencoded", "m={mobile}&t={text}", Map.of(), "", "", 5));
        assertThatThrownBy(() -> down.send(Channel.SMS, "13905951234", "s", "t"))
                .isInstanceOf(MessageGateway.GatewayFailure.class).hasMessageContaining("503");
        http.stop(0);
        http = null;
        assertThatThrownBy(() -> down.send(Channel.SMS, "13905951234", "s", "t"))
                .as("nobody answering").isInstanceOf(MessageGateway.GatewayFailure.class);
    }

    @Test
    void an_e_mail_reaches_the_smtp_server_in_utf_8_from_the_configured_sender() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<List<String>> conversation = CompletableFuture.supplyAsync(() -> smtp(server));
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(server.getLocalPort());
            mail.setJavaMailProperties(new Properties());
            new MailGateway(mail, "noreply@qzjyyw.org.cn").send(Channel.EMAIL, "wanglihua@qzjyyw.org.cn",
                    "今日待办 3 项", "您好：\n\n受理事迹 晋江-2026-0012");
            List<String> lines = conversation.get(10, TimeUnit.SECONDS);
            assertThat(lines).contains("MAIL FROM:<noreply@qzjyyw.org.cn>", "RCPT TO:<wanglihua@qzjyyw.org.cn>");
            String data = String.join("\n", lines);
            assertThat(data).contains("charset=UTF-8").contains("Subject: =?UTF-8?");
            assertThat(new String(java.util.Base64.getMimeDecoder().decode(body(lines)), StandardCharsets.UTF_8)
                    .replace("\r", "")).isEqualTo("您好：\n\n受理事迹 晋江-2026-0012");
        }
    }

    /** The message text as it came, base64 (the encoding JavaMail picks for mostly non-ASCII text). */
    private static String body(List<String> lines) {
        int start = lines.indexOf("") + 1;
        int end = lines.lastIndexOf(".");
        assertThat(lines).contains("Content-Transfer-Encoding: base64");
        return String.join("", lines.subList(start, end));
    }

    /** Just enough of an SMTP server to take one message; answers every line it received. */
    private static List<String> smtp(ServerSocket server) {
        List<String> lines = new ArrayList<>();
        try (Socket client = server.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            out.print("220 mail.test ESMTP\r\n");
            out.flush();
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        out.print("250 queued\r\n");
                        out.flush();
                    }
                    continue;
                }
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    out.print("250 mail.test\r\n");
                } else if (command.startsWith("DATA")) {
                    data = true;
                    out.print("354 go on\r\n");
                } else if (command.startsWith("QUIT")) {
                    out.print("221 bye\r\n");
                    out.flush();
                    break;
                } else {
                    out.print("250 ok\r\n");
                }
                out.flush();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}

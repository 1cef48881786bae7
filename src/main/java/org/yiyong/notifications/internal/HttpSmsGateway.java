package org.yiyong.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.MessageGateway;
import org.yiyong.notifications.NotificationProperties;

/**
 * Text messages through an SMS provider's HTTP interface, as configured ({@link NotificationProperties.Sms}):
 * any provider that takes a number and a text over HTTP plugs in without code.
 */
class HttpSmsGateway implements MessageGateway {

    private final NotificationProperties.Sms provider;
    private final HttpClient http;

    HttpSmsGateway(NotificationProperties.Sms provider) {
        this.provider = provider;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(provider.timeoutSeconds())).build();
    }

    @Override
    public void send(Channel channel, String address, String subject, String body) throws GatewayFailure {
        String text = provider.signature() + body;
        String url = provider.url().replace("{mobile}", urlEncoded(address)).replace("{text}", urlEncoded(text));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(provider.timeoutSeconds()));
        provider.headers().forEach(request::header);
        String method = provider.method().toUpperCase(Locale.ROOT);
        if (method.equals("GET")) {
            request.GET();
        } else {
            boolean json = provider.contentType().toLowerCase(Locale.ROOT).contains("json");
            String content = provider.body().replace("{mobile}", json ? jsonEscaped(address) : urlEncoded(address))
                    .replace("{text}", json ? jsonEscaped(text) : urlEncoded(text));
            request.header("Content-Type", provider.contentType() + (provider.contentType().contains("charset")
                    ? "" : "; charset=UTF-8"));
            request.method(method, HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8));
        }
        HttpResponse<String> reply;
        try {
            reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            throw new GatewayFailure("SMS provider not reached: " + unreachable.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GatewayFailure("SMS sending interrupted");
        }
        if (reply.statusCode() / 100 != 2) {
            throw new GatewayFailure("SMS provider answered " + reply.statusCode() + ": " + shortened(reply.body()));
        }
        if (!provider.successContains().isEmpty() && !reply.body().contains(provider.successContains())) {
            throw new GatewayFailure("SMS provider refused: " + shortened(reply.body()));
        }
    }

    private static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The text as it stands inside a JSON string (the body template supplies the quotes). */
    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String shortened(String text) {
        String one = text == null ? "" : text.strip();
        return one.length() > 200 ? one.substring(0, 200) : one;
    }
}

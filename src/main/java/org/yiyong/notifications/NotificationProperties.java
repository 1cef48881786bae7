package org.yiyong.notifications;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dailyLimit the most messages sent out to one address in a day; more are kept as skipped
 * @param maxAttempts the tries of a message before it is failed
 * @param firstRetryMinutes the wait before the second try; each later wait is twice the one before
 * @param warnDays the morning digest names the tasks due within these days as due soon
 * @param publicUrl where links in messages sent out point
 * @param mailFrom the sender of e-mails, when a mail server is configured ({@code spring.mail.host})
 * @param sms the SMS provider, when one is configured
 */
@ConfigurationProperties("yiyong.notifications")
public record NotificationProperties(@DefaultValue("5") int dailyLimit, @DefaultValue("5") int maxAttempts,
        @DefaultValue("1") int firstRetryMinutes, @DefaultValue("3") int warnDays,
        @DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("") String mailFrom,
        @DefaultValue Sms sms) {

    /**
     * An SMS provider reached over HTTP, configured rather than coded: the request goes to {@code url} with
     * {@code method}, the headers and the body; in the URL and body, {@code {mobile}} and {@code {text}}
     * stand for the number and the text (URL-encoded in the URL and in a form body, escaped in a JSON body).
     * A reply with a 2xx status counts as sent, unless {@code successContains} is set and the reply does
     * not contain it.
     *
     * @param url the provider's address; empty: no provider, messages by SMS are written to the log
     * @param signature the sign-off the provider requires before the text, such as 【泉州市见义勇为协会】
     */
    public record Sms(@DefaultValue("") String url, @DefaultValue("POST") String method,
            @DefaultValue("application/x-www-form-urlencoded") String contentType,
            @DefaultValue("mobile={mobile}&content={text}") String body, Map<String, String> headers,
            @DefaultValue("") String successContains, @DefaultValue("") String signature,
            @DefaultValue("10") int timeoutSeconds) {

        public Sms {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}

package org.yiyong.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dailyLimit the most messages sent out to one address in a day; more are kept as skipped
 * @param maxAttempts the tries of a message before it is failed
 * @param firstRetryMinutes the wait before the second try; each later wait is twice the one before
 */
@ConfigurationProperties("yiyong.notifications")
public record NotificationProperties(@DefaultValue("5") int dailyLimit, @DefaultValue("5") int maxAttempts,
        @DefaultValue("1") int firstRetryMinutes) {
}

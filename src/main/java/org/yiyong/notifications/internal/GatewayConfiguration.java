package org.yiyong.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.MessageGateway;
import org.yiyong.notifications.NotificationProperties;

/**
 * Where messages leave Yiyong, as the installation configures it: e-mails through the mail server when
 * {@code spring.mail.host} is set, SMS through the provider at {@code yiyong.notifications.sms.url} when set.
 * A channel without either is written to the log and counts as sent. An installation may instead supply its
 * own {@link MessageGateway} bean.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(MessageGateway.class)
    MessageGateway messageGateway(ObjectProvider<JavaMailSender> mailServer, NotificationProperties properties) {
        MessageGateway logOnly = (channel, address, subject, body) -> log.info("{} to {}: {} — {}", channel, address,
                subject, body);
        JavaMailSender mail = mailServer.getIfAvailable();
        MessageGateway email = mail == null ? logOnly
                : new MailGateway(mail, StringUtils.hasText(properties.mailFrom()) ? properties.mailFrom() : null);
        MessageGateway sms = properties.sms().configured() ? new HttpSmsGateway(properties.sms()) : logOnly;
        log.info("Messages by e-mail: {}; by SMS: {}", mail == null ? "log only" : "mail server",
                properties.sms().configured() ? "provider at " + properties.sms().url().replaceAll("\\?.*", "")
                        : "log only");
        return (channel, address, subject, body) -> (channel == Channel.EMAIL ? email : sms).send(channel, address,
                subject, body);
    }
}

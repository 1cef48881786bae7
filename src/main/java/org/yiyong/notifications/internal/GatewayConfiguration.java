package org.yiyong.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiyong.notifications.MessageGateway;

/** Without a gateway configured, a message sent out is written to the log and counts as sent. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(MessageGateway.class)
    MessageGateway logOnlyGateway() {
        return (channel, address, subject, body) -> log.info("{} to {}: {} — {}", channel, address, subject, body);
    }
}

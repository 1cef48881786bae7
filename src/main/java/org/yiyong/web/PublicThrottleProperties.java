package org.yiyong.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one client address may use the forms of the public portal within {@code window}. Every
 * submission counts, also one sent back for correction.
 *
 * @param leadSubmissions lead forms sent
 * @param leadLookups tracking codes looked up
 * @param objections objections to a public notice sent
 * @param trustForwardedFor take the client address from the last entry of {@code X-Forwarded-For}
 *     (the one the load balancer added) instead of the connection's address. Only behind a load
 *     balancer that always sets that header; otherwise anyone can pick their own address. Setting
 *     {@code server.forward-headers-strategy=native} does the same for the whole application.
 */
@ConfigurationProperties("yiyong.public.throttle")
public record PublicThrottleProperties(@DefaultValue("10m") Duration window, @DefaultValue("10") int leadSubmissions,
        @DefaultValue("30") int leadLookups, @DefaultValue("5") int objections,
        @DefaultValue("false") boolean trustForwardedFor) {
}

package org.yiyong.honours;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where the public reaches Yiyong; certificates' QR codes point at its verification page
 * @param missedAfterDays a confirmed actor with no honour decision this many days after confirmation is a missed award (漏奖)
 * @param lateAfterDays a granted reward not paid this many days after the decision is a late award (迟奖)
 */
@ConfigurationProperties("yiyong.honours")
public record HonourProperties(@DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("60") int missedAfterDays, @DefaultValue("30") int lateAfterDays) {

    public String verificationUrl(String code) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/public/certificates/" + code;
    }
}

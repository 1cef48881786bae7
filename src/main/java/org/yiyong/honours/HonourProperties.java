package org.yiyong.honours;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where the public reaches Yiyong; certificates' QR codes point at its verification page
 */
@ConfigurationProperties("yiyong.honours")
public record HonourProperties(@DefaultValue("http://localhost:8080") String publicUrl) {

    public String verificationUrl(String code) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/public/certificates/" + code;
    }
}

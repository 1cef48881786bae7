package org.yiyong.honours.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where the public reaches Yiyong; certificates' QR codes point at its verification page
 * @param missedAfterDays a confirmed actor with no honour decision this many days after confirmation is a missed award (漏奖)
 * @param lateAfterDays a granted reward not paid this many days after the decision is a late award (迟奖)
 * @param examBonus the points a child of an honoured samaritan gets in the senior-high entrance exam (中考加分),
 *     by the level of the parent's highest honour
 */
@ConfigurationProperties("yiyong.honours")
public record HonourProperties(@DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("60") int missedAfterDays, @DefaultValue("30") int lateAfterDays,
        java.util.Map<TitleLevel, Integer> examBonus) {

    public HonourProperties {
        java.util.Map<TitleLevel, Integer> points = new java.util.EnumMap<>(java.util.Map.of(TitleLevel.NATIONAL, 5,
                TitleLevel.PROVINCIAL, 5, TitleLevel.CITY, 3, TitleLevel.COUNTY, 2));
        if (examBonus != null) {
            points.putAll(examBonus);
        }
        examBonus = java.util.Map.copyOf(points);
    }


    public String verificationUrl(String code) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/public/certificates/" + code;
    }
}

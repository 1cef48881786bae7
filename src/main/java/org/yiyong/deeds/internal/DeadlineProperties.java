package org.yiyong.deeds.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yiyong.deeds.internal.DeadlineRule.Counting;

/**
 * How the decision deadline is counted in this installation (DOMAIN.md §2: Zhejiang counts 30
 * calendar days, Jilin 30 working days), and the other periods of the procedure: the public notice, the
 * time to answer before a refusal (陈述申辩) and the time to ask for a review (复核) after delivery.
 */
@ConfigurationProperties("yiyong.deeds.deadline")
public record DeadlineProperties(@DefaultValue("CALENDAR_DAYS") Counting counting, @DefaultValue("30") int days,
        @DefaultValue("30") int maxExtensionDays, @DefaultValue("1") int filingYears,
        @DefaultValue("2") int extendedFilingYears, @DefaultValue("7") int noticeDays,
        @DefaultValue("3") int hearingDays, @DefaultValue("15") int reviewDays) {

    public FilingWindow filingWindow() {
        return new FilingWindow(filingYears, extendedFilingYears);
    }

    public DeadlineRule rule() {
        return new DeadlineRule(counting, days, maxExtensionDays);
    }
}

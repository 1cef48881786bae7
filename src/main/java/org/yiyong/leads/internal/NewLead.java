package org.yiyong.leads.internal;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A lead as the public types it in. Only what happened, when and where are required; the reporter
 * may stay anonymous.
 *
 * @param smsConsent the reporter agrees to be told by SMS how the lead goes on (needs a mobile number)
 */
public record NewLead(String regionCode, LocalDate occurredOn, LocalTime occurredTime, String address,
        String narrative, String peopleInvolved, String reporterName, String reporterPhone,
        boolean smsConsent) {
}

package org.yiyong.care;

import org.springframework.stereotype.Component;
import org.yiyong.shared.PaymentReturned;
import org.yiyong.shared.PaymentSettled;

/** What the funds report about condolence payments ({@code campaign-<campaignId>-<lineId>}): lines paid or returned. */
@Component
class CampaignPayments implements CarePaymentHandler {

    static final String PREFIX = "campaign-";

    private final CampaignRoster roster;

    CampaignPayments(CampaignRoster roster) {
        this.roster = roster;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void paid(PaymentSettled paid) {
        Long line = lineOf(paid.sourceRef());
        if (line != null) {
            roster.linePaid(line, paid.paidOn(), paid.orderNumber());
        }
    }

    @Override
    public void returned(PaymentReturned returned) {
        Long line = lineOf(returned.sourceRef());
        if (line != null) {
            roster.lineReturned(line, returned.reason());
        }
    }

    /** The line id of {@code campaign-<campaignId>-<lineId>}, or null for anything else. */
    static Long lineOf(String sourceRef) {
        if (sourceRef == null || !sourceRef.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = sourceRef.substring(PREFIX.length()).split("-");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(parts[1]);
    }
}

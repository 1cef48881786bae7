package org.yiyong.care.internal;

import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;

/** What the funds report about condolence payments (one per line of a campaign): lines paid or returned. */
@Component
class CampaignPayments implements CarePaymentHandler {

    static final String KIND = "campaign";

    private final CampaignCommands commands;

    CampaignPayments(CampaignCommands commands) {
        this.commands = commands;
    }

    /** How the funds name one line of a campaign. */
    static PaymentSource source(long campaignId, long lineId) {
        return PaymentSource.of(MODULE, KIND, campaignId, lineId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void paid(PaymentSettled paid) {
        if (paid.source().lineId() != null) {
            commands.linePaid(paid.source().lineId(), paid.paidOn(), paid.orderNumber());
        }
    }

    @Override
    public void paidAll(java.util.List<PaymentSettled> paid) {
        commands.linesPaid(paid.stream().filter(each -> each.source().lineId() != null).toList());
    }

    @Override
    public void returned(PaymentReturned returned) {
        if (returned.source().lineId() != null) {
            commands.lineReturned(returned.source().lineId(), returned.reason());
        }
    }
}

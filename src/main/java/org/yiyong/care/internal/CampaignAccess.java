package org.yiyong.care.internal;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/**
 * What the campaign commands and the roster queries share: who may read and who may change campaigns, a
 * campaign found in the caller's scope (or a line of it), and the checks of typed-in text and amounts.
 */
@Component
class CampaignAccess {

    static final String ENTITY = "Campaign";
    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";

    private final Campaigns campaigns;
    private final CampaignLines lines;
    private final AuditTrail audit;

    CampaignAccess(Campaigns campaigns, CampaignLines lines, AuditTrail audit) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.audit = audit;
    }

    Campaign inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                campaigns.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), campaigns::existsById);
    }

    CampaignLine lineOf(long campaignId, long lineId) {
        return lines.findByIdAndCampaignId(lineId, campaignId)
                .orElseThrow(() -> new RecordNotFound("CampaignLine", lineId));
    }

    static String text(String field, String value, int max, boolean required) {
        return Inputs.text(field, value, max, required);
    }

    static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidField(field, "validation.required");
        }
        if (value.signum() <= 0 || value.scale() > 2 || value.compareTo(new BigDecimal("1000000")) >= 0) {
            throw new InvalidField(field, "campaign.amount.invalid");
        }
        return value.setScale(2);
    }
}

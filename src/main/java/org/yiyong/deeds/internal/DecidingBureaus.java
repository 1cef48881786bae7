package org.yiyong.deeds.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.OrganizationView;
import org.yiyong.organization.Region;
import org.yiyong.organization.Regions;
import org.yiyong.shared.NotAllowed;

/**
 * Who may propose, decide and sign (Fujian regulation, Art. 6): the county police bureau of the place of
 * the act — or, in a district or functional area, its police sub-bureau — confirms a deed; the city
 * bureau above it decides a review (复核). The rule follows the organizations as recorded: a user acts
 * for the bureau their own organization is, so an association's clerk with the same role does not.
 */
@Component
public class DecidingBureaus {

    private final OrganizationManagement organizations;
    private final Regions regions;
    private final DecisionLetters letters;

    DecidingBureaus(OrganizationManagement organizations, Regions regions, DecisionLetters letters) {
        this.organizations = organizations;
        this.regions = regions;
        this.letters = letters;
    }

    /** Whether the user belongs to the bureau that confirms the deeds of the region. */
    boolean confirms(CurrentUser me, String regionCode) {
        return bureauOf(me).filter(bureau -> bureau.regionCode().equals(regionCode)).isPresent();
    }

    /** Refuses, naming the bureau, unless the user belongs to the bureau that confirms the region's deeds. */
    void requireConfirming(CurrentUser me, String regionCode) {
        if (!confirms(me, regionCode)) {
            throw new NotAllowed("deed.decision.bureau-only", letters.bureauOf(regionCode));
        }
    }

    /** The region whose deeds the user's bureau confirms; empty when the user does not act for a bureau. */
    public Optional<String> confirmingRegion(CurrentUser me) {
        return bureauOf(me).map(OrganizationView::regionCode);
    }

    /** Whether the user belongs to the city bureau that decides reviews of the region's deeds. */
    boolean decidesReviews(CurrentUser me, String regionCode) {
        String city = regions.find(regionCode).map(Region::parentCode).orElse(null);
        return bureauOf(me).filter(bureau -> bureau.type() == OrgType.POLICE_BUREAU)
                .filter(bureau -> bureau.regionCode().equals(city)).isPresent();
    }

    private Optional<OrganizationView> bureauOf(CurrentUser me) {
        return organizations.find(me.organizationId())
                .filter(OrganizationView::active)
                .filter(org -> org.type() == OrgType.POLICE_BUREAU || org.type() == OrgType.POLICE_SUB_BUREAU);
    }
}

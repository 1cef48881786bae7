package org.yiyong.organization;

/** Narrows the organization list; every criterion is optional. */
public record OrganizationFilter(String q, OrgType type, String regionCode, Boolean active) {

    public static OrganizationFilter none() {
        return new OrganizationFilter(null, null, null, null);
    }
}

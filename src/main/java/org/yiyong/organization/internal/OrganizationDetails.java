package org.yiyong.organization.internal;

import org.yiyong.organization.OrgType;

/** What a person fills in about an organization. */
public record OrganizationDetails(String name, String shortName, OrgType type, String regionCode, Long parentId,
        String address, String phone) {

    public OrganizationDetails {
        name = trim(name);
        shortName = blankToNull(shortName);
        regionCode = trim(regionCode);
        address = blankToNull(address);
        phone = blankToNull(phone);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

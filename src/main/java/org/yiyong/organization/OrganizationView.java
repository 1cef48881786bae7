package org.yiyong.organization;

import java.time.Instant;

/** An organization as lists and the API show it, with the names of its region and parent. */
public record OrganizationView(long id, String code, String name, String shortName, OrgType type,
        String regionCode, String regionName, Long parentId, String parentName, String address, String phone,
        boolean active, long version, Instant updatedAt) {
}

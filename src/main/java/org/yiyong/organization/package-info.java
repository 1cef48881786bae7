/**
 * Organization: regions (GB/T 2260) and the organizations that do the work in them — the committee
 * and its member units, the city and county associations, police bureaus, sub-bureaus and stations,
 * and work stations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization",
        allowedDependencies = {"audit", "files", "identity", "platform", "shared"})
package org.yiyong.organization;

import org.yiyong.organization.internal.Organization;

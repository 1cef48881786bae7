package org.yiyong.identity;

import java.util.List;
import java.util.Optional;
import org.yiyong.shared.DataScope;

/**
 * What identity needs to know about organizations, provided by the organization module. Kept as an
 * interface here so that identity does not depend on organization while organization depends on
 * identity for the current user.
 */
public interface OrganizationDirectory {

    /** Where an organization sits, and the data scope its members get; empty if it does not exist. */
    Optional<Placement> placementOf(long organizationId);

    /** Looks an organization up by its unique code. */
    Optional<Placement> placementOf(String organizationCode);

    /** Organizations a user in the given scope may attach people to, for choosing in forms. */
    List<Placement> activeOrganizationsIn(DataScope scope);

    /**
     * Makes sure at least one organization exists for the first administrator, and returns the
     * city-level one to place them in.
     */
    Placement ensureCityOrganization();

    /** An organization's place: its region and the regions its members see. */
    record Placement(long organizationId, String code, String name, String regionCode, String regionName,
            DataScope scope, boolean active) {
    }
}

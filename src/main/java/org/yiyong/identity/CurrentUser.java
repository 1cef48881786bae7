package org.yiyong.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import org.yiyong.shared.DataScope;

/**
 * The signed-in user as every module sees it: who, in which organization and region, with which
 * roles, and the data scope their queries are filtered by. Controllers take it as a parameter.
 */
public record CurrentUser(long id, String username, String displayName, long organizationId,
        String organizationName, String regionCode, String regionName, DataScope scope, Set<Role> roles)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** For templates: {@code me.hasRole('AUDIT_ADMIN')}. */
    public boolean hasRole(String role) {
        return roles.stream().anyMatch(r -> r.name().equals(role));
    }
}

package org.yiyong.identity.internal;

import org.yiyong.shared.DomainException;

/** The three administrators (三员) are kept apart: one person holds at most one of them, and no other role. */
public class AdministratorRolesCombined extends DomainException {

    public AdministratorRolesCombined() {
        super(Kind.INVALID, "user.roles.administrators-combined");
    }
}

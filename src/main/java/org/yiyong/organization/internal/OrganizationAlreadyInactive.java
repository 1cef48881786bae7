package org.yiyong.organization.internal;

import org.yiyong.shared.DomainException;

/** Deactivating an organization that is already inactive. */
public class OrganizationAlreadyInactive extends DomainException {

    public OrganizationAlreadyInactive(Long id) {
        super(Kind.CONFLICT, "organization.already-inactive", id);
    }
}

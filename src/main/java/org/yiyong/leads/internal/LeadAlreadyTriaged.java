package org.yiyong.leads.internal;

import org.yiyong.shared.DomainException;

/** A lead was decided on already (taken up, merged or not taken up); it is decided only once. */
public class LeadAlreadyTriaged extends DomainException {

    public LeadAlreadyTriaged(String trackingCode) {
        super(Kind.CONFLICT, "lead.already-triaged", trackingCode);
    }
}

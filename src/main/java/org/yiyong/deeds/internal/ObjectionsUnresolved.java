package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/** Every objection must be resolved before the notice closes and a decision is issued. */
public class ObjectionsUnresolved extends DomainException {

    public ObjectionsUnresolved(String number) {
        super(Kind.CONFLICT, "deed.notice.objections-unresolved", number);
    }
}

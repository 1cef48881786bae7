package org.yiyong.publicity;

import org.yiyong.shared.DomainException;

/** A step refused by a rule of publication: the wrong status, one's own article, a person who did not consent. */
public class PublicationRuleBroken extends DomainException {

    public PublicationRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}

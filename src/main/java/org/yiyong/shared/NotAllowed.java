package org.yiyong.shared;

/** The caller's roles do not allow this action. */
public class NotAllowed extends DomainException {

    public NotAllowed(String messageKey, Object... arguments) {
        super(Kind.FORBIDDEN, messageKey, arguments);
    }
}

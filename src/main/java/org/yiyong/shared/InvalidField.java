package org.yiyong.shared;

/** A value the caller gave breaks a rule; {@code field} names it so that the form can show it there. */
public class InvalidField extends DomainException {

    private final String field;

    public InvalidField(String field, String messageKey, Object... arguments) {
        super(Kind.INVALID, messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

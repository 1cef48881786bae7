package org.yiyong.shared;

import java.util.List;

/**
 * A rule of the domain refused what was asked. Subclasses are named as facts
 * ({@code OrganizationNotFound}); the message key says it in the user's language.
 */
public abstract class DomainException extends RuntimeException {

    /** How the refusal is answered: maps to an HTTP status in the web layer. */
    public enum Kind {
        /** the record does not exist, or is outside the caller's data scope */
        NOT_FOUND,
        /** the request conflicts with the current state (stale version, duplicate, wrong status) */
        CONFLICT,
        /** the request breaks a rule about its content */
        INVALID,
        /** the caller may not do this */
        FORBIDDEN
    }

    private final Kind kind;
    private final String messageKey;
    private final transient List<Object> arguments;

    protected DomainException(Kind kind, String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}

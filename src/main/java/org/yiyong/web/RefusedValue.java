package org.yiyong.web;

import org.yiyong.shared.InvalidField;

/**
 * A bound value that breaks a rule of {@link org.yiyong.shared.Inputs#check}. It is an
 * {@link IllegalArgumentException} so that Spring reports it as a type mismatch with the name of the
 * field, which the editor that refused it does not know.
 */
final class RefusedValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient InvalidField refusal;

    RefusedValue(InvalidField refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    /** The refusal on the named field. */
    InvalidField at(String field) {
        return new InvalidField(field, refusal.messageKey(), refusal.arguments());
    }

    /** The refusal in the chain of causes of a binding failure, or {@code null}. */
    static RefusedValue in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedValue refused) {
                return refused;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}

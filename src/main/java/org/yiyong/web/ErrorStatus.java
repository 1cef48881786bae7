package org.yiyong.web;

import org.springframework.http.HttpStatus;
import org.yiyong.shared.DomainException;

/** The HTTP status that answers each kind of domain refusal. */
final class ErrorStatus {

    private ErrorStatus() {
    }

    static HttpStatus of(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}

package org.yiyong.shared;

/** The record does not exist or lies outside the caller's data scope; both answer 404. */
public class RecordNotFound extends DomainException {

    public RecordNotFound(String entityType, Object id) {
        super(Kind.NOT_FOUND, "error.not-found", entityType, String.valueOf(id));
    }
}

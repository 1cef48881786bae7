package org.yiyong.audit.internal;

/** One field of a record, before and after a change ({@code null} where it had or has no value). */
public record FieldChange(String field, String before, String after) {
}

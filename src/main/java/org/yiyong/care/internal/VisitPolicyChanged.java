package org.yiyong.care.internal;

/** How often a category of household is visited changed: every household's due date is worked out again. */
public record VisitPolicyChanged(String category, int intervalMonths) {
}

package org.yiyong.care.internal;

/** Why a household is visited as often as it is. Stored by name in {@code visit_policy}. */
public enum HouseholdCategory {
    /** every household */
    DEFAULT,
    /** 困难: on 低保, or found in hardship at the last visit */
    HARDSHIP,
    /** 伤残 */
    DISABLED,
    /** 遗属: the family of a samaritan who died */
    BEREAVED
}

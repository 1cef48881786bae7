package org.yiyong.samaritans.internal;

/** What ends an entitlement. Stored by name. */
public enum EndCondition {
    /** the relative's 18th birthday */
    AGE_18,
    /** the recorded end of the relative's schooling */
    END_OF_SCHOOLING,
    /** the relative's remarriage (a surviving spouse) */
    REMARRIAGE,
    /** only the relative's death */
    DEATH,
    /** nothing: it is ended by hand */
    NONE
}

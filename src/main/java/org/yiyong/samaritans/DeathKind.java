package org.yiyong.samaritans;

/** How a samaritan's death is determined. Stored by name. */
public enum DeathKind {
    /** 烈士 (评烈, approved by the provincial government) */
    MARTYR,
    /** 因公牺牲 */
    DEATH_ON_DUTY,
    /** other: the one-time compensation applies */
    OTHER
}

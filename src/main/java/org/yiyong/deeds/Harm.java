package org.yiyong.deeds;

/** What the act cost the person. Stored by name. */
public enum Harm {
    /** 未受伤 */
    NONE,
    /** 受伤 */
    INJURED,
    /** 牺牲 */
    DIED
}

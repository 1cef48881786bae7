package org.yiyong.deeds.internal;

/** What the investigation recommends for one actor. Stored by name. */
public enum Recommendation {
    /** 建议确认 */
    CONFIRM,
    /** 建议不予确认 (with the reason) */
    REFUSE
}

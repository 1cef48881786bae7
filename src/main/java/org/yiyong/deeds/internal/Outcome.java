package org.yiyong.deeds.internal;

/** The decision about one actor. Stored by name. */
public enum Outcome {
    /** 确认为见义勇为 */
    CONFIRMED,
    /** 不予确认 */
    REFUSED
}

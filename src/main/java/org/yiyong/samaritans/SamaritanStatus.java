package org.yiyong.samaritans;

/** Where a samaritan stands today. Stored by name. */
public enum SamaritanStatus {
    /** 健在 */
    ACTIVE,
    /** 负伤（治疗中） */
    INJURED,
    /** 伤残 (a disability grade on record) */
    DISABLED,
    /** 牺牲 / 死亡 (see {@link DeathKind}) */
    DECEASED
}

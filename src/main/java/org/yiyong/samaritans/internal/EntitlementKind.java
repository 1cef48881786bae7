package org.yiyong.samaritans.internal;

/** What the city owes a relative. Stored by name. */
public enum EntitlementKind {
    /** 遗属抚恤 */
    SURVIVOR_PENSION,
    /** 生活补助 */
    LIVING_ALLOWANCE,
    /** 助学 */
    STUDENT_AID,
    /** 入学优待（就近入学、公办幼儿园优先） */
    SCHOOL_PRIORITY,
    /** 中考加分 */
    EXAM_BONUS,
    /** 医疗优待 */
    MEDICAL_CARE,
    /** 其他 */
    OTHER
}

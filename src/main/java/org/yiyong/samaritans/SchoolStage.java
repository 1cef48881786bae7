package org.yiyong.samaritans;

/** Where a child is in school. Stored by name. */
public enum SchoolStage {
    /** 未入学 / 已离校 */
    NONE,
    /** 学前 */
    PRESCHOOL,
    /** 小学 */
    PRIMARY,
    /** 初中 */
    JUNIOR,
    /** 高中 */
    SENIOR,
    /** 中职 */
    VOCATIONAL,
    /** 大学 */
    UNIVERSITY,
    /** 研究生 */
    POSTGRADUATE
}

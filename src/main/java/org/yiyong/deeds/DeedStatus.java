package org.yiyong.deeds;

/** Where a deed stands. Stored by name. */
public enum DeedStatus {
    /** 已登记: received, not yet accepted */
    RECEIVED,
    /** 已受理: accepted, the decision clock runs */
    ACCEPTED,
    /** 不予受理: refused at intake (for example filed too late); final */
    NOT_ACCEPTED,
    /** 调查核实中 */
    INVESTIGATING,
    /** 审核中: committee or bureau review */
    UNDER_REVIEW,
    /** 公示中 */
    IN_NOTICE,
    /** 公示期满: objections resolved, the decision can be issued */
    NOTICE_CLOSED,
    /** 陈述申辩: the applicant is heard before a refusal */
    HEARING,
    /** 已决定 */
    DECIDED,
    /** 已送达 */
    DELIVERED,
    /** 已办结 */
    CLOSED
}

package org.yiyong.samaritans.internal;

/** Where one year's disability pension stands. Stored by name. */
public enum PensionStatus {
    /** 待发放: on the year's schedule, not yet paid by the paying department */
    SCHEDULED,
    /** 已发放: the paying department paid it, as recorded here */
    PAID,
    /** 停发: not paid this year, with the reason */
    CANCELLED
}

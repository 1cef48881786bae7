package org.yiyong.samaritans.internal;

/** Where a disability case (评残) stands. Stored by name. */
public enum DisabilityStatus {
    /** 已申请: the application is on file, the assessment has not proposed a grade yet */
    APPLIED,
    /** 公示中: the proposed grade is publicly posted */
    POSTED,
    /** 已批准: the province approved the grade and issued the certificate */
    APPROVED,
    /** 不予评定: refused, with the reason */
    REJECTED,
    /** 已重新评定: a later re-assessment was approved and replaces this grade */
    SUPERSEDED
}

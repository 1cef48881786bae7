package org.yiyong.funds;

/** What a payment is for; each purpose is its own expense category in the journal. Stored by name. */
public enum PaymentPurpose {
    /** 奖励金 */
    REWARD,
    /** 慰问金 */
    CONDOLENCE,
    /** 助学金 */
    STUDENT_AID,
    /** 困难救助 */
    HARDSHIP,
    /** 医疗补助 */
    MEDICAL,
    /** 其他 */
    OTHER
}

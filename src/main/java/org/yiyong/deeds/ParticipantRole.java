package org.yiyong.deeds;

/** A person's part in a deed. Stored by name. */
public enum ParticipantRole {
    /** 行为人: the one who acted; a group act has several */
    ACTOR,
    /** 受益人 */
    BENEFICIARY,
    /** 证人 */
    WITNESS,
    /** 嫌疑人 */
    SUSPECT,
    /** 举荐人 */
    NOMINATOR,
    /** 申请人 */
    APPLICANT
}

package org.yiyong.deeds.internal;

/** How the decision letter reached the applicant (送达方式). Stored by name. */
public enum DeliveryMethod {
    /** 直接送达 */
    IN_PERSON,
    /** 邮寄送达 */
    POST,
    /** 电子送达 */
    ELECTRONIC,
    /** 委托送达 */
    ENTRUSTED,
    /** 公告送达, when the applicant cannot be reached */
    PUBLIC_ANNOUNCEMENT
}

package org.yiyong.honours.internal;

/** Who a title is granted to. Stored by name. */
public enum Recipient {
    /** a person (or each member of a group act) */
    PERSON,
    /** 群体 */
    GROUP,
    /** 先进单位 */
    UNIT,
    /** 先进工作站 */
    STATION
}

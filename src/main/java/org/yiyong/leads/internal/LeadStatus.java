package org.yiyong.leads.internal;

/** Where a lead stands. Stored by name. */
public enum LeadStatus {
    /** 已收到: sent by the public, nobody has looked at it yet */
    NEW,
    /** 处理中: staff are checking it */
    IN_TRIAGE,
    /** 已受理立案: taken up as a new deed; final */
    ACCEPTED,
    /** 已并入已有案件: the act is already on file, the lead joined that deed; final */
    MERGED,
    /** 不予采纳: not taken up, with a reason the reporter is told; final */
    REJECTED;

    /** Whether staff may still decide on it. */
    public boolean isOpen() {
        return this == NEW || this == IN_TRIAGE;
    }
}

package org.yiyong.deeds;

/** How a case reached the bureau. Stored by name. */
public enum DeedSource {
    /** 举荐 by a beneficiary, witness, unit at the scene, community committee or the media */
    NOMINATION,
    /** 本人申请 */
    SELF_APPLICATION,
    /** 近亲属申请 */
    RELATIVE_APPLICATION,
    /** 公安主动发现 */
    POLICE_REFERRAL,
    /** 群众线索, accepted from the public portal */
    PUBLIC_LEAD,
    /** 历史台账: confirmed before Yiyong, brought in from the city's earlier registers */
    HISTORICAL_REGISTER;

    public boolean isApplication() {
        return this == SELF_APPLICATION || this == RELATIVE_APPLICATION;
    }
}

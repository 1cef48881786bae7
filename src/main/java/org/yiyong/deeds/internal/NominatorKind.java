package org.yiyong.deeds.internal;

/** Who nominated (举荐). Stored by name. */
public enum NominatorKind {
    /** 受益人 */
    BENEFICIARY_PERSON,
    /** 受益单位 */
    BENEFICIARY_UNIT,
    /** 现场目击证人 */
    WITNESS,
    /** 现场单位 */
    UNIT_AT_SCENE,
    /** 村（居）民委员会 */
    COMMUNITY_COMMITTEE,
    /** 新闻媒体 */
    MEDIA
}

package org.yiyong.deeds;

/** The five categories of a brave act (Quanzhou PSB notice, 2017). Stored by name. */
public enum DeedCategory {
    /** 同危害国家安全、公共安全或者妨害社会管理秩序的违法犯罪行为作斗争 */
    STATE_SECURITY_OFFENCE,
    /** 同侵害国家、集体财产或者他人人身、财产安全的违法犯罪行为作斗争 */
    OFFENCE_AGAINST_PERSONS,
    /** 积极协助公安机关等抓获犯罪嫌疑人或者侦破重大案件 */
    CATCHING_SUSPECTS,
    /** 抢险救灾救人 */
    RESCUE,
    /** 其他见义勇为行为 */
    OTHER
}

package org.yiyong.organization;

/** The kinds of organization. Stored by name. */
public enum OrgType {
    /** 见义勇为人员奖励和保护工作委员会 (工委会) */
    COMMITTEE,
    /** 工委会成员单位 */
    MEMBER_UNIT,
    /** 见义勇为协会, city or county by its region */
    ASSOCIATION,
    /** 公安局 */
    POLICE_BUREAU,
    /** 公安分局 */
    POLICE_SUB_BUREAU,
    /** 派出所 */
    POLICE_STATION,
    /** 见义勇为工作站(室) */
    WORK_STATION
}

package org.yiyong.community;

/** Where the 七进 outreach goes (进学校、进社区、进企业、进农村、进家庭、进机关、进场所). Stored by name. */
public enum Outreach {
    SCHOOL, COMMUNITY, ENTERPRISE, VILLAGE, FAMILY, INSTITUTION, PUBLIC_PLACE
}

package org.yiyong.community;

/** Where a work station is hosted (派出所, 乡镇（街道）, 社区（村）, 学校, 企业, 交通枢纽, other). Stored by name. */
public enum HostKind {
    POLICE_STATION, TOWNSHIP, COMMUNITY, SCHOOL, ENTERPRISE, TRANSPORT_HUB, OTHER
}

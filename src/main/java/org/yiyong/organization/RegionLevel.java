package org.yiyong.organization;

/** Where a region sits in the hierarchy. Stored by name. */
public enum RegionLevel {
    /** 省 */
    PROVINCE,
    /** 地级市 */
    CITY,
    /** 县、县级市、市辖区 */
    COUNTY,
    /** 功能区 (台商投资区, 经济技术开发区): county level, with a local code */
    FUNCTIONAL_AREA
}

package org.yiyong.community;

/** The kinds of volunteer activity (治安巡逻, 邻里守望, 宣传, 救援演练, 走访协助, other). Stored by name. */
public enum ActivityKind {
    PATROL, WATCH, PUBLICITY, DRILL, VISIT_SUPPORT, OTHER
}

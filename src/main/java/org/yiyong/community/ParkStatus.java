package org.yiyong.community;

/** How far a theme park has come (规划中 → 建设中 → 已开放). Stored by name. */
public enum ParkStatus {
    PLANNED, BUILDING, OPEN
}

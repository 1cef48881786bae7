package org.yiyong.community;

/** How far a work station has come (规划 → 建成 → 验收 → 撤销). Stored by name. */
public enum StationStatus {
    PLANNED, BUILT, ACCEPTED, CLOSED
}

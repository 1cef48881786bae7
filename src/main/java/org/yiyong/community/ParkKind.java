package org.yiyong.community;

/** The kinds of place that teach about brave acts (主题公园 / 教育基地). Stored by name. */
public enum ParkKind {
    THEME_PARK, EDUCATION_BASE
}

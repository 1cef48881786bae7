package org.yiyong.community;

/** The kinds of awareness activity (宣传日, 七进, other). Stored by name. */
public enum AwarenessKind {
    AWARENESS_DAY, OUTREACH, OTHER
}

package org.yiyong.honours.internal;

/** How an honour came about. Stored by name. */
public enum HonourMode {
    /** 即时表彰: one deed, one award */
    INSTANT,
    /** 集中表彰: an annual honour round */
    ROUND,
    /** granted above (province, nation) after a recommendation */
    UPWARD,
    /** granted before Yiyong, entered from the records */
    HISTORICAL
}

package org.yiyong.honours.internal;

/** The level an honour is granted at. Stored by name. */
public enum TitleLevel {
    NATIONAL,
    PROVINCIAL,
    CITY,
    COUNTY
}

package org.yiyong.samaritans.internal;

/** From the resident ID number's 17th digit. Stored by name. */
public enum Gender {
    MALE,
    FEMALE
}

package org.yiyong.community;

/** Where a volunteer stands (active, paused, left). Stored by name. */
public enum VolunteerStatus {
    ACTIVE, PAUSED, LEFT
}

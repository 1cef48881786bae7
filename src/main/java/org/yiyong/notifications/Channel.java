package org.yiyong.notifications;

/** How a message goes out of Yiyong. Stored by name. */
public enum Channel {
    SMS,
    EMAIL
}

/**
 * Notifications: the message centre (站内消息) each user reads, the daily digest of their to-do list, and
 * messages sent out by SMS or e-mail through a gateway — each made once for its event, at most a set number
 * a day to one address, retried with back-off and kept with its status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"audit", "identity", "platform", "shared", "web"})
package org.yiyong.notifications;

/**
 * Leads: tips about a brave act that anyone may send through the public portal without signing in,
 * with a tracking code to follow them, and their triage by staff — taken up as a new deed, merged into
 * a deed already on file, or not taken up, with the reason the reporter is told — and, when they agreed,
 * told by SMS as the deed is accepted, decided and rewarded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads",
        allowedDependencies = {"audit", "deeds", "files", "honours", "identity", "notifications", "organization",
                "platform", "shared", "web"})
package org.yiyong.leads;

import org.yiyong.leads.internal.Leads;

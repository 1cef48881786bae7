/**
 * Samaritans: the registry of people confirmed for a brave act (见义勇为人员库), registered from
 * {@code DeedConfirmed} or entered from earlier records; their families and entitlements, disability
 * grades and pensions, deaths and their benefits, medical care, lost contact and tracing. Resident ID
 * and bank account numbers are kept encrypted and shown masked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Samaritans",
        allowedDependencies = {"audit", "deeds", "identity", "imports", "organization", "platform", "shared",
                "web"})
package org.yiyong.samaritans;

/**
 * Deeds: from the first lead to the confirmation decision — intake, investigation, deadlines, public
 * notice, objections, hearing, decision, delivery and review.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deeds",
        allowedDependencies = {"audit", "documents", "files", "identity", "notifications", "organization",
                "platform", "shared", "web"})
package org.yiyong.deeds;

import org.yiyong.deeds.internal.Deeds;

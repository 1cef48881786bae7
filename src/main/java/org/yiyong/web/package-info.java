/**
 * Web: what every page and API call shares — language, error pages, problem+json answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"audit", "identity", "platform", "shared"})
package org.yiyong.web;

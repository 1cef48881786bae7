/**
 * Platform: what every module stands on — Yiyong's settings, the keys of the field cipher, the locks
 * that let a scheduled job run on one node only, retry of event listeners, and the numbering of
 * documents in the formats and with the prefixes the city configures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {"shared"})
package org.yiyong.platform;

/**
 * Platform: what every module stands on — Yiyong's settings, the keys of the field cipher, the locks
 * that let a scheduled job run on one node only, rate limits counted the same on every node, retry of
 * event listeners and the resubmission of events a stopped node left unhandled, and the numbering of
 * documents in the formats and with the prefixes the city configures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {"shared"})
package org.yiyong.platform;

/**
 * Audit: the append-only, hash-chained trail of every state change, login, logout, failed login and
 * access denial, searchable by the audit administrator only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"platform", "shared"})
package org.yiyong.audit;

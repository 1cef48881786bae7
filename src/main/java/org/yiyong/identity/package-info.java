/**
 * Identity: users, roles (with the three administrators kept apart), data scope, sign-in and lockout,
 * the password policy and personal access tokens for the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"audit", "platform", "shared"})
package org.yiyong.identity;

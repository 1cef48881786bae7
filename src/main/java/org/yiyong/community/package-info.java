/**
 * Community: the network on the ground — volunteer teams attached to a work station or an association, their
 * volunteers (registered with consent), certificates and their expiry, activities with the volunteers signed
 * in and their hours, and star levels by cumulative hours; work stations, trainings, theme parks and
 * awareness activities to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community",
        allowedDependencies = {"audit", "identity", "organization", "platform", "shared", "web"})
package org.yiyong.community;

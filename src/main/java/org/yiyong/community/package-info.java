/**
 * Community: the network on the ground — work stations (host, place, steps from planned to accepted,
 * demonstration sites, ledger of its volunteers, activities, trainings, the leads it reported and the home
 * visits it made); volunteer teams attached to a station or an association, their volunteers
 * (registered with consent), certificates and their expiry, activities with the volunteers signed in and their
 * hours, and star levels by cumulative hours; trainings and who is not yet trained; theme parks and education
 * bases against each county's yearly target; awareness activities and media reports. Its figures are published
 * through {@link org.yiyong.community.CommunityFigures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community",
        allowedDependencies = {"audit", "care", "deeds", "files", "identity", "imports", "leads", "organization",
                "platform", "shared", "web"})
package org.yiyong.community;

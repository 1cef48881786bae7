/**
 * Reporting: the workbench (工作台) with what each user can see, and the statistics (统计) assembled from
 * the figures each module publishes ({@link org.yiyong.shared.FigureSource}); later the leaders' dashboard,
 * the annual work report and the register exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"deeds", "honours", "identity", "leads", "organization", "samaritans", "shared", "web"})
package org.yiyong.reporting;

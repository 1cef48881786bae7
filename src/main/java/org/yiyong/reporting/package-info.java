/**
 * Reporting: the workbench (工作台) with what each user can see, and the statistics (统计) assembled from
 * the figures each module publishes ({@link org.yiyong.shared.FigureSource}), the leaders' dashboard, and the
 * annual work report (年度工作报告) written from them; later the register exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"audit", "care", "deeds", "documents", "evaluation", "honours", "identity", "leads",
                "notifications", "organization", "platform", "samaritans", "shared", "web"})
package org.yiyong.reporting;

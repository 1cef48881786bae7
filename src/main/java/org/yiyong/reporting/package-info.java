/**
 * Reporting: the workbench (工作台) with what each user can see, and later the statistics, the annual
 * work report and the register exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"deeds", "honours", "identity", "leads", "organization", "samaritans"})
package org.yiyong.reporting;

/**
 * Evaluation (考评): the yearly schemes by which the city evaluates its counties and work stations — a tree of
 * indicators with their points, each computed from Yiyong's own records by a {@link org.yiyong.evaluation.Metric}
 * or scored by hand with evidence — and the rounds that score every unit at a cut-off, freeze the inputs and the
 * records behind each computed score, take deductions, hear the units' objections, and are approved and
 * published as a ranking, the best stations proposed to an honour round as 先进工作站 candidates. Computed indicators read the figures the modules publish
 * ({@link org.yiyong.shared.FigureSource}) and, for the stations, what the community module measures of each, never
 * their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation",
        allowedDependencies = {"audit", "care", "community", "documents", "files", "honours", "identity",
                "organization", "platform", "shared", "web"})
package org.yiyong.evaluation;

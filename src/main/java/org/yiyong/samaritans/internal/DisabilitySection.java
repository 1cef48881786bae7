package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * What the profile page shows of a person's disability: the cases (latest first), the grade in force,
 * a case under way, when a re-assessment may be applied for, and the pension schedule by year.
 *
 * @param current the approved case whose grade is in force, or {@code null}
 * @param open the case under way (applied or posted), or {@code null}
 * @param thisYearStandard the yearly amount of the current grade this year, as {@code ¥30,300.00}, or {@code null}
 */
public record DisabilitySection(List<DisabilityCase> cases, DisabilityCase current, DisabilityCase open,
        LocalDate reassessmentFrom, List<PensionPayment> pensions, int thisYear, String thisYearStandard) {

    public boolean isEmpty() {
        return cases.isEmpty() && pensions.isEmpty();
    }
}

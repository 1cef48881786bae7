package org.yiyong.samaritans.internal;

import java.time.LocalDate;

/**
 * An application for a disability grade (or a re-assessment) as staff type it in. The exception is
 * needed only when the application comes more than 3 years after the injury; a re-assessment takes the
 * injury date of the case it re-assesses when none is given.
 */
public record NewDisabilityApplication(LocalDate injuredOn, LocalDate appliedOn, String lateException) {
}

package org.yiyong.care.internal;

import java.time.LocalDate;

/**
 * One thing a user should do (a visit due, a case open, a campaign to approve, an aid deadline), for
 * the home page: its kind (a message key suffix), what it is about, where to do it and by when.
 */
public record CareReminder(String kind, String subject, String link, LocalDate due, boolean overdue) {
}

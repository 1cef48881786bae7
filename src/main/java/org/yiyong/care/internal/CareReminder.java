package org.yiyong.care.internal;

import java.time.LocalDate;

/**
 * One thing a user should do (a visit due, a case open, a campaign to approve, an aid deadline), for
 * the home page: its kind (a message key suffix), what it is about, where to do it and by when.
 */
public record CareReminder(String kind, String subject, String link, LocalDate due, boolean overdue) {

    /** A reminder due on a day, overdue once that day has passed. */
    static CareReminder due(String kind, String subject, String link, LocalDate due, LocalDate today) {
        return new CareReminder(kind, subject, link, due, due.isBefore(today));
    }
}

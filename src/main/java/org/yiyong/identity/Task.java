package org.yiyong.identity;

import java.time.LocalDate;

/**
 * One thing waiting for a person (待办): what to do ({@code kind}, a message key under {@code task.kind.}),
 * on which record (its number and a short title), in which region, the page where it is done, since when it
 * waits and by when it is due ({@code null} when no deadline applies).
 */
public record Task(String kind, String reference, String title, String regionCode, String path, LocalDate since,
        LocalDate due) {

    /** Whether it is past its due date on the given day. */
    public boolean overdueOn(LocalDate today) {
        return due != null && due.isBefore(today);
    }
}

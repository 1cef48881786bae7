package org.yiyong.deeds.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yiyong.deeds.WorkingCalendar;

/**
 * The clock of a decision deadline: started by acceptance, lengthened once by an approved extension,
 * stopped while documents requested from the applicant (补正) are awaited and restarted when they
 * arrive. Immutable: each event returns a new clock.
 *
 * <p>Days are counted from the day after acceptance (the day an event happens does not count). A
 * pause runs from the day documents are requested to the day they arrive; the days after the request
 * up to and including the day of arrival do not count. Counted in calendar days, a deadline that falls
 * on a day off moves to the next working day.
 */
public final class DecisionClock {

    private final LocalDate acceptedOn;
    private final int extensionDays;
    private final List<Pause> pauses;

    private DecisionClock(LocalDate acceptedOn, int extensionDays, List<Pause> pauses) {
        this.acceptedOn = acceptedOn;
        this.extensionDays = extensionDays;
        this.pauses = List.copyOf(pauses);
    }

    public static DecisionClock startedOn(LocalDate acceptedOn) {
        return new DecisionClock(acceptedOn, 0, List.of());
    }

    /** A clock as it was recorded: its start, its extension (0 if none) and its pauses in order. */
    public static DecisionClock restore(LocalDate acceptedOn, int extensionDays, List<Pause> pauses) {
        return new DecisionClock(acceptedOn, extensionDays, pauses);
    }

    /** A stretch of waiting for documents; {@code resumedOn} is empty while still waiting. */
    public record Pause(LocalDate pausedOn, Optional<LocalDate> resumedOn) {

        boolean stops(LocalDate day) {
            return day.isAfter(pausedOn) && resumedOn.map(end -> !day.isAfter(end)).orElse(true);
        }
    }

    public DecisionClock extendedBy(int days, DeadlineRule rule) {
        if (extensionDays > 0) {
            throw new DeadlineAlreadyExtended();
        }
        if (days <= 0 || days > rule.maxExtensionDays()) {
            throw new ExtensionOutOfRange(days, rule.maxExtensionDays());
        }
        return new DecisionClock(acceptedOn, days, pauses);
    }

    public DecisionClock pausedOn(LocalDate day) {
        if (isPaused()) {
            throw new ClockAlreadyPaused();
        }
        if (day.isBefore(acceptedOn) || (!pauses.isEmpty() && day.isBefore(pauses.get(pauses.size() - 1)
                .resumedOn().orElseThrow()))) {
            throw new org.yiyong.shared.InvalidField("requestedOn", "deed.deadline.pause-before");
        }
        List<Pause> next = new ArrayList<>(pauses);
        next.add(new Pause(day, Optional.empty()));
        return new DecisionClock(acceptedOn, extensionDays, next);
    }

    public DecisionClock resumedOn(LocalDate day) {
        if (!isPaused()) {
            throw new ClockNotPaused();
        }
        Pause open = pauses.get(pauses.size() - 1);
        if (day.isBefore(open.pausedOn())) {
            throw new org.yiyong.shared.InvalidField("arrivedOn", "deed.deadline.arrival-before");
        }
        List<Pause> next = new ArrayList<>(pauses.subList(0, pauses.size() - 1));
        next.add(new Pause(open.pausedOn(), Optional.of(day)));
        return new DecisionClock(acceptedOn, extensionDays, next);
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).resumedOn().isEmpty();
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public int extensionDays() {
        return extensionDays;
    }

    public List<Pause> pauses() {
        return pauses;
    }

    /** The day the decision is due; empty while the clock is paused, since it is not known yet. */
    public Optional<LocalDate> dueDate(DeadlineRule rule, WorkingCalendar calendar) {
        if (isPaused()) {
            return Optional.empty();
        }
        int toCount = rule.days() + extensionDays;
        LocalDate day = acceptedOn;
        int counted = 0;
        while (counted < toCount) {
            day = day.plusDays(1);
            if (isStopped(day)) {
                continue;
            }
            if (rule.counting() == DeadlineRule.Counting.WORKING_DAYS && !calendar.isWorkingDay(day)) {
                continue;
            }
            counted++;
        }
        return Optional.of(rule.counting() == DeadlineRule.Counting.CALENDAR_DAYS ? calendar.onOrAfter(day) : day);
    }

    /** Calendar days left until the due date (negative when overdue); empty while paused. */
    public Optional<Long> daysLeft(LocalDate today, DeadlineRule rule, WorkingCalendar calendar) {
        return dueDate(rule, calendar).map(due -> ChronoUnit.DAYS.between(today, due));
    }

    private boolean isStopped(LocalDate day) {
        for (Pause pause : pauses) {
            if (pause.stops(day)) {
                return true;
            }
        }
        return false;
    }
}

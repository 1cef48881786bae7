package org.yiyong.deeds;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except public holidays, plus the weekend days that
 * the State Council's yearly holiday notice turns into working days (调休).
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
    }

    /** Weekends only, no holidays: for tests and installations that keep no holiday table. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The day itself if it is a working day, else the first working day after it. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}

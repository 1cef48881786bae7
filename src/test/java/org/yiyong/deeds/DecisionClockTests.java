package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yiyong.deeds.internal.ClockAlreadyPaused;
import org.yiyong.deeds.internal.ClockNotPaused;
import org.yiyong.deeds.internal.DeadlineAlreadyExtended;
import org.yiyong.deeds.internal.DeadlineRule;
import org.yiyong.deeds.internal.DeadlineRule.Counting;
import org.yiyong.deeds.internal.DecisionClock;
import org.yiyong.deeds.internal.ExtensionOutOfRange;

class DecisionClockTests {

    private static final DeadlineRule THIRTY_CALENDAR_DAYS = DeadlineRule.standard();
    private static final DeadlineRule THIRTY_WORKING_DAYS = new DeadlineRule(Counting.WORKING_DAYS, 30, 30);

    /** 2024's Labour Day and National Day holidays, with the weekend days worked in exchange. */
    private static final WorkingCalendar CALENDAR_2024 = new WorkingCalendar(
            union(days(2024, 5, 1, 5), days(2024, 10, 1, 7)),
            Set.of(LocalDate.of(2024, 4, 28), LocalDate.of(2024, 5, 11), LocalDate.of(2024, 9, 29),
                    LocalDate.of(2024, 10, 12)));

    private static Set<LocalDate> days(int year, int month, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(day -> LocalDate.of(year, month, day))
                .collect(Collectors.toSet());
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    @Test
    void thirty_calendar_days_count_from_the_day_after_acceptance() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 3, 4));
        assertThat(clock.dueDate(THIRTY_CALENDAR_DAYS, WorkingCalendar.weekendsOnly()))
                .contains(LocalDate.of(2024, 4, 3));
    }

    @Test
    void a_calendar_deadline_on_a_sunday_moves_to_monday() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 3, 1));
        assertThat(clock.dueDate(THIRTY_CALENDAR_DAYS, WorkingCalendar.weekendsOnly()))
                .contains(LocalDate.of(2024, 4, 1));
    }

    @Test
    void an_extension_lengthens_the_deadline_and_a_holiday_end_moves_to_the_next_working_day() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 3, 4)).extendedBy(30, THIRTY_CALENDAR_DAYS);
        // 2024-05-03 is in the Labour Day holiday (May 1-5): the deadline is Monday May 6
        assertThat(clock.dueDate(THIRTY_CALENDAR_DAYS, CALENDAR_2024)).contains(LocalDate.of(2024, 5, 6));
    }

    @Test
    void the_deadline_is_extended_once_only_and_by_no_more_than_the_rule_allows() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 3, 4));
        assertThatThrownBy(() -> clock.extendedBy(31, THIRTY_CALENDAR_DAYS)).isInstanceOf(ExtensionOutOfRange.class);
        assertThatThrownBy(() -> clock.extendedBy(0, THIRTY_CALENDAR_DAYS)).isInstanceOf(ExtensionOutOfRange.class);
        DecisionClock extended = clock.extendedBy(15, THIRTY_CALENDAR_DAYS);
        assertThatThrownBy(() -> extended.extendedBy(5, THIRTY_CALENDAR_DAYS))
                .isInstanceOf(DeadlineAlreadyExtended.class);
    }

    @Test
    void waiting_for_documents_stops_the_clock_and_their_arrival_restarts_it() {
        DecisionClock paused = DecisionClock.startedOn(LocalDate.of(2024, 3, 4)).pausedOn(LocalDate.of(2024, 3, 10));
        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.dueDate(THIRTY_CALENDAR_DAYS, WorkingCalendar.weekendsOnly())).isEmpty();

        DecisionClock resumed = paused.resumedOn(LocalDate.of(2024, 3, 20));
        // ten days stopped: April 3 becomes Saturday April 13, a day off, so Monday April 15
        assertThat(resumed.dueDate(THIRTY_CALENDAR_DAYS, WorkingCalendar.weekendsOnly()))
                .contains(LocalDate.of(2024, 4, 15));
    }

    @Test
    void the_clock_cannot_be_paused_twice_or_resumed_when_running() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 3, 4));
        assertThatThrownBy(() -> clock.resumedOn(LocalDate.of(2024, 3, 5))).isInstanceOf(ClockNotPaused.class);
        DecisionClock paused = clock.pausedOn(LocalDate.of(2024, 3, 5));
        assertThatThrownBy(() -> paused.pausedOn(LocalDate.of(2024, 3, 6))).isInstanceOf(ClockAlreadyPaused.class);
    }

    @Test
    void thirty_working_days_skip_weekends_and_holidays_and_count_the_exchanged_weekend_days() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 9, 20));
        assertThat(clock.dueDate(THIRTY_WORKING_DAYS, CALENDAR_2024)).contains(LocalDate.of(2024, 11, 6));
        assertThat(clock.dueDate(THIRTY_WORKING_DAYS, WorkingCalendar.weekendsOnly()))
                .as("without the holiday table the National Day week would count")
                .contains(LocalDate.of(2024, 11, 1));
    }

    @Test
    void a_pause_over_the_holidays_in_working_days() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 9, 20))
                .pausedOn(LocalDate.of(2024, 9, 25))
                .resumedOn(LocalDate.of(2024, 10, 9));
        assertThat(clock.dueDate(THIRTY_WORKING_DAYS, CALENDAR_2024)).contains(LocalDate.of(2024, 11, 14));
    }

    @Test
    void days_left_is_negative_when_overdue() {
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 3, 4));
        assertThat(clock.daysLeft(LocalDate.of(2024, 4, 1), THIRTY_CALENDAR_DAYS, WorkingCalendar.weekendsOnly()))
                .contains(2L);
        assertThat(clock.daysLeft(LocalDate.of(2024, 4, 5), THIRTY_CALENDAR_DAYS, WorkingCalendar.weekendsOnly()))
                .contains(-2L);
    }
}

package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.FullStackTest;
import org.yiyong.deeds.internal.DeadlineRule;
import org.yiyong.deeds.internal.DecisionClock;

/** The installation's deadline rule and the holiday table, read from the database. */
class DeadlinesTests extends FullStackTest {

    @Autowired
    Deadlines deadlines;

    @Test
    void the_default_rule_is_thirty_calendar_days_with_one_extension_of_up_to_thirty() {
        assertThat(deadlines.rule()).isEqualTo(DeadlineRule.standard());
    }

    @Test
    void the_holiday_table_knows_the_national_day_week_and_its_exchanged_working_days() {
        WorkingCalendar calendar = deadlines.calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).as("a Saturday worked in exchange").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).isTrue();
    }

    @Test
    void a_deadline_ending_in_the_spring_festival_moves_to_the_first_working_day_after_it() {
        // accepted 2024-12-30: thirty days later is 2025-01-29, in the Spring Festival holiday (Jan 28 – Feb 4)
        DecisionClock clock = DecisionClock.startedOn(LocalDate.of(2024, 12, 30));
        assertThat(deadlines.dueDate(clock)).contains(LocalDate.of(2025, 2, 5));
    }
}

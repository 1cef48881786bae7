package org.yiyong.deeds;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiyong.deeds.internal.DeadlineProperties;
import org.yiyong.deeds.internal.DeadlineRule;
import org.yiyong.deeds.internal.DecisionClock;

/**
 * The installation's deadline rule and working calendar. The calendar is read from the holiday table
 * on every use, so that a year added to the table counts at once, on every node.
 */
@Service
public class Deadlines {

    private final DeadlineRule rule;
    private final JdbcClient jdbc;

    Deadlines(DeadlineProperties properties, JdbcClient jdbc) {
        this.rule = properties.rule();
        this.jdbc = jdbc;
    }

    public DeadlineRule rule() {
        return rule;
    }

    public WorkingCalendar calendar() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        jdbc.sql("select calendar_date, kind from calendar_day").query(rs -> {
            LocalDate day = rs.getObject("calendar_date", LocalDate.class);
            ("HOLIDAY".equals(rs.getString("kind")) ? holidays : workdays).add(day);
        });
        return new WorkingCalendar(holidays, workdays);
    }

    /** When a decision on a clock is due under this installation's rule and calendar. */
    public Optional<LocalDate> dueDate(DecisionClock clock) {
        return clock.dueDate(rule, calendar());
    }
}

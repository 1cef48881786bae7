package org.yiyong.deeds.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.deeds.Deadlines;
import org.yiyong.deeds.WorkingCalendar;

/**
 * Fills in the due date of decisions made before Yiyong kept it (and of the demo's), from the clock each
 * deed recorded — acceptance, extension, pauses for documents — under the rule and calendar in force.
 * Runs at start-up after the demo data, in batches, each its own transaction; a deed whose clock was
 * stopped when it was decided keeps no due date. Running it on two nodes at once writes the same values.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DecisionDueDates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DecisionDueDates.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final TransactionTemplate transactions;

    DecisionDueDates(JdbcClient jdbc, Deadlines deadlines, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long after = 0;
        int filled = 0;
        WorkingCalendar calendar = null;
        while (true) {
            List<Decided> batch = batchAfter(after);
            if (batch.isEmpty()) {
                break;
            }
            if (calendar == null) {
                calendar = deadlines.calendar();
            }
            WorkingCalendar days = calendar;
            filled += transactions.execute(status -> fill(batch, days));
            after = batch.get(batch.size() - 1).id();
        }
        if (filled > 0) {
            log.info("Due dates kept for {} decisions made before they were recorded", filled);
        }
    }

    private record Decided(long id, LocalDate acceptedOn, int extensionDays) {
    }

    private List<Decided> batchAfter(long after) {
        return jdbc.sql("""
                select id, accepted_on, extension_days from deed
                where decided_on is not null and decision_due_on is null and accepted_on is not null and id > :after
                  and source <> 'HISTORICAL_REGISTER'
                order by id fetch first %d rows only""".formatted(BATCH))
                .param("after", after)
                .query((rs, row) -> new Decided(rs.getLong("id"), rs.getObject("accepted_on", LocalDate.class),
                        rs.getInt("extension_days")))
                .list();
    }

    private int fill(List<Decided> batch, WorkingCalendar calendar) {
        Map<Long, List<DecisionClock.Pause>> pauses = new HashMap<>();
        jdbc.sql("select deed_id, paused_on, resumed_on from deed_pause where deed_id in (:ids) order by id")
                .param("ids", batch.stream().map(Decided::id).toList())
                .query((rs, row) -> Map.entry(rs.getLong("deed_id"), new DecisionClock.Pause(
                        rs.getObject("paused_on", LocalDate.class),
                        Optional.ofNullable(rs.getObject("resumed_on", LocalDate.class)))))
                .list()
                .forEach(pause -> pauses.computeIfAbsent(pause.getKey(), id -> new ArrayList<>()).add(pause.getValue()));
        int filled = 0;
        for (Decided deed : batch) {
            Optional<LocalDate> due = DecisionClock.restore(deed.acceptedOn(), deed.extensionDays(),
                    pauses.getOrDefault(deed.id(), List.of())).dueDate(deadlines.rule(), calendar);
            if (due.isPresent()) {
                filled += jdbc.sql("update deed set decision_due_on = :due where id = :id and decision_due_on is null")
                        .param("due", due.get()).param("id", deed.id()).update();
            }
        }
        return filled;
    }
}

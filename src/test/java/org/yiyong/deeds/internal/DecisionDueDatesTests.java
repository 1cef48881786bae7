package org.yiyong.deeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;

/**
 * The due date of a decision is kept when the decision is made, and a decision made before Yiyong kept it
 * gets the same date from the start-up fill; the demo's decisions (filled at start-up) all have theirs. Deeds of the
 * earlier registers (imported) were never on Yiyong's clock: they get none, and so count neither on time nor late.
 */
class DecisionDueDatesTests extends FullStackTest {

    @Autowired
    DecisionDueDates dueDates;

    private LocalDate dueOf(long deed) {
        return jdbc.sql("select decision_due_on from deed where id = :id").param("id", deed)
                .query(LocalDate.class).single();
    }

    @Test
    void a_decision_keeps_its_due_date_and_the_fill_gives_an_older_decision_the_same() throws Exception {
        long deed = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", "350582",
                "JJ-PS-QY", 1)[1];
        LocalDate kept = dueOf(deed);
        // accepted on 2 June: 30 days end on Thursday 2 July
        assertThat(kept).isEqualTo(LocalDate.of(2026, 7, 2));

        jdbc.sql("update deed set decision_due_on = null where id = :id").param("id", deed).update();
        dueDates.run(null);
        assertThat(dueOf(deed)).isEqualTo(kept);
    }

    @Test
    void a_deed_of_the_earlier_registers_gets_no_due_date() {
        long deed = jdbc.sql("select id from deed where decided_on is not null and decision_due_on is not null"
                + " order by id").query(Long.class).list().get(0);
        String source = jdbc.sql("select source from deed where id = :id").param("id", deed).query(String.class)
                .single();
        LocalDate due = dueOf(deed);
        try {
            jdbc.sql("update deed set source = 'HISTORICAL_REGISTER', decision_due_on = null where id = :id")
                    .param("id", deed).update();
            dueDates.run(null);
            assertThat(jdbc.sql("select count(*) from deed where id = :id and decision_due_on is null")
                    .param("id", deed).query(Long.class).single()).isOne();
        } finally {
            jdbc.sql("update deed set source = :source, decision_due_on = :due where id = :id").param("source", source)
                    .param("due", due).param("id", deed).update();
        }
    }

    @Test
    void every_decision_whose_clock_was_never_stopped_has_its_due_date() {
        assertThat(jdbc.sql("""
                select count(*) from deed d where d.decided_on is not null and d.accepted_on is not null
                  and d.decision_due_on is null and d.source <> 'HISTORICAL_REGISTER'
                  and not exists (select 1 from deed_pause p where p.deed_id = d.id)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from deed where decision_due_on is not null").query(Long.class).single())
                .isPositive();
    }
}

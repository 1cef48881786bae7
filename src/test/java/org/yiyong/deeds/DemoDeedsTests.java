package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;
import org.yiyong.deeds.internal.Deed;

/** A new installation opens with deeds in every status, so a new user sees a lived-in system. */
class DemoDeedsTests extends FullStackTest {

    @Test
    void the_demo_data_holds_a_deed_in_every_status() {
        List<String> statuses = jdbc.sql("""
                select distinct d.status from deed d
                where cast(d.id as varchar(20)) in (select entity_id from audit_entry
                                                    where entity_type = 'Deed' and detail = 'demo deed')""")
                .query(String.class).list();
        assertThat(statuses).containsAll(Arrays.stream(DeedStatus.values()).map(Enum::name).toList());
    }

    @Test
    void every_decided_demo_deed_has_its_decision_letter_among_its_files() {
        List<Long> withoutLetter = jdbc.sql("""
                select d.id from deed d
                where d.decision_number is not null
                  and not exists (select 1 from attachment a where a.id = d.decision_letter_id
                                  and a.owner_type = 'Deed' and a.owner_id = d.id
                                  and a.content_type = 'application/pdf')""")
                .query(Long.class).list();
        assertThat(withoutLetter).isEmpty();
        assertThat(jdbc.sql("select count(*) from deed where decision_number like '晋公见确〔%'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void the_people_the_demo_deeds_confirmed_are_in_the_registry() throws Exception {
        awaitEvents();
        List<String> unregistered = jdbc.sql("""
                select p.name from deed_participant p join deed d on d.id = p.deed_id
                where p.outcome = 'CONFIRMED'
                  and cast(d.id as varchar(20)) in (select entity_id from audit_entry
                                                    where entity_type = 'Deed' and detail = 'demo deed')
                  and not exists (select 1 from samaritan_deed s where s.participant_id = p.id)""")
                .query(String.class).list();
        assertThat(unregistered).isEmpty();
    }
}

package org.yiyong.honours;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The honours granted for a deed, as a citizen who reported it may know: the titles, not the people. */
@Service
@Transactional(readOnly = true)
public class HonourProgress {

    private final JdbcClient jdbc;

    HonourProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day the first reward for the deed was paid out (its payment settled), if one was. */
    public Optional<LocalDate> rewardPaidOn(long deedId) {
        return jdbc.sql("""
                select min(r.settled_on) from reward_payment_request r join honour h on h.id = r.honour_id
                where h.deed_id = :deed and h.status = 'GRANTED' and r.kind = 'PAYMENT' and r.status = 'SETTLED'""")
                .param("deed", deedId).query(LocalDate.class).optional();
    }

    /** The titles granted (and not revoked) for the deed, once each, highest level first. */
    public List<String> titlesGrantedFor(long deedId) {
        return jdbc.sql("""
                select t.name from honour h join title t on t.id = h.title_id
                where h.deed_id = :deed and h.status = 'GRANTED'
                group by t.name, t.sort_order order by t.sort_order""")
                .param("deed", deedId).query(String.class).list();
    }
}

package org.yiyong.honours;

import java.util.List;
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

    /** The titles granted (and not revoked) for the deed, once each, highest level first. */
    public List<String> titlesGrantedFor(long deedId) {
        return jdbc.sql("""
                select t.name from honour h join title t on t.id = h.title_id
                where h.deed_id = :deed and h.status = 'GRANTED'
                group by t.name, t.sort_order order by t.sort_order""")
                .param("deed", deedId).query(String.class).list();
    }
}

package org.yiyong.samaritans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Registry numbers: the county's code and a sequence, e.g. {@code 350582-S0012}, under the counter's row lock. */
@Component
class SamaritanNumbers {

    private final JdbcClient jdbc;

    SamaritanNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String regionCode) {
        // a second node creating the same counter at once waits for the first, then finds it there
        jdbc.sql("insert into samaritan_number_sequence (region_code, last_value) values (:region, 0) on conflict do nothing")
                .param("region", regionCode).update();
        jdbc.sql("update samaritan_number_sequence set last_value = last_value + 1 where region_code = :region")
                .param("region", regionCode).update();
        int value = jdbc.sql("select last_value from samaritan_number_sequence where region_code = :region")
                .param("region", regionCode).query(Integer.class).single();
        return String.format("%s-S%04d", regionCode, value);
    }
}

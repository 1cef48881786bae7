package org.yiyong.deeds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deed numbers: region code, year and a sequence within both, e.g. {@code 350582-2024-0007}. The
 * counter row is updated under its row lock, so two nodes never hand out the same number.
 */
@Component
public class DeedNumbers {

    private final JdbcClient jdbc;

    DeedNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String regionCode, int year) {
        // a second node creating the same counter at once waits for the first, then finds it there
        jdbc.sql("insert into deed_number_sequence (region_code, deed_year, last_value) values (:region, :year, 0) "
                + "on conflict do nothing").param("region", regionCode).param("year", year).update();
        jdbc.sql("""
                update deed_number_sequence set last_value = last_value + 1
                where region_code = :region and deed_year = :year""")
                .param("region", regionCode).param("year", year).update();
        int value = jdbc.sql("select last_value from deed_number_sequence where region_code = :region and deed_year = :year")
                .param("region", regionCode).param("year", year).query(Integer.class).single();
        return format(regionCode, year, value);
    }

    static String format(String regionCode, int year, int sequence) {
        return String.format("%s-%d-%04d", regionCode, year, sequence);
    }
}

package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;

/**
 * What the funds' reports share: the regions a report covers (one region of the caller's scope that
 * has funds, or the whole scope), the years a report may ask for, and amounts read as yuan.
 */
@Component
class ReportScope {

    private final JdbcClient jdbc;

    ReportScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The codes a report covers: one region of the scope that has funds, or the whole scope. */
    Set<String> regions(CurrentUser me, String region) {
        if (region == null || region.isBlank()) {
            return me.scope().regionCodes();
        }
        String code = region.trim();
        if (!me.scope().covers(code) || jdbc.sql("select count(*) from fund where region_code = :r").param("r", code)
                .query(Long.class).single() == 0) {
            throw new InvalidField("region", "report.region.invalid");
        }
        return Set.of(code);
    }

    static void requireYear(int year) {
        if (year < 2000 || year > 9998) {
            throw new InvalidField("year", "report.year.invalid");
        }
    }

    static String blankToNull(String region) {
        return region == null || region.isBlank() ? null : region.trim();
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? zero() : value.setScale(2);
    }
}

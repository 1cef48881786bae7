package org.yiyong.deeds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;

/** Finds a deed by the number people know it by, within the caller's data scope. */
@Service
@Transactional(readOnly = true)
public class DeedLookup {

    private final JdbcClient jdbc;
    private final Regions regions;

    DeedLookup(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** The deed with this number (spaces around it ignored), if it lies within the scope. */
    public Optional<DeedSummary> byNumber(DataScope scope, String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select d.id, d.number, d.region_code, d.category, d.source, d.status,
                       d.occurred_at, d.title, d.received_on, d.accepted_on
                from deed d
                where d.number = :number and d.region_code in (:scope)""")
                .param("number", number.strip())
                .param("scope", scope.regionCodes())
                .query((rs, row) -> new DeedSummary(rs.getLong("id"), rs.getString("number"),
                        rs.getString("region_code"), regions.nameOf(rs.getString("region_code")),
                        DeedCategory.valueOf(rs.getString("category")), DeedSource.valueOf(rs.getString("source")),
                        DeedStatus.valueOf(rs.getString("status")), rs.getObject("occurred_at", LocalDateTime.class),
                        rs.getString("title"), rs.getObject("received_on", LocalDate.class),
                        rs.getObject("accepted_on", LocalDate.class)))
                .optional();
    }
}

package org.yiyong.samaritans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.Inputs;

/**
 * The year's disability pension lines (伤残抚恤金年度发放表): every person on the year's schedule in the
 * caller's scope, with the grade, the months owed, the amount and whether it was paid — the list behind
 * the pensions figure of the statistics.
 */
@Service
@Transactional(readOnly = true)
public class PensionRoll {

    private final JdbcClient jdbc;
    private final Regions regions;

    PensionRoll(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** One person's pension of the year. */
    public record Line(long samaritanId, String number, String name, String regionCode, String regionName, int grade,
            int months, BigDecimal annualAmount, BigDecimal amount, PensionStatus status, LocalDate paidOn,
            String paidBy, String paymentReference, String note) {
    }

    /** The year's lines with their totals: people, the amount owed and the amount paid. */
    public record Roll(int year, List<Line> lines, long people, BigDecimal owed, BigDecimal paid) {
    }

    /** The roll of a year, of the whole scope or one region of it, optionally of one status. */
    @PreAuthorize(SamaritanRegistry.READ)
    public Roll of(CurrentUser me, int year, String regionCode, PensionStatus status) {
        Inputs.year("year", year);
        java.util.Set<String> regionCodes = me.scope().narrowedTo(regionCode);
        List<Line> lines = jdbc.sql("""
                select s.id, s.number, s.name, s.region_code, p.grade, p.months, p.annual_amount, p.amount, p.status,
                       p.paid_on, p.paid_by, p.payment_reference, p.note
                from pension_payment p join samaritan s on s.id = p.samaritan_id
                where p.pension_year = :year and s.region_code in (:regions)
                  and (cast(:status as varchar(20)) is null or p.status = :status)
                order by s.region_code, s.number""")
                .param("year", year).param("regions", regionCodes)
                .param("status", status == null ? null : status.name())
                .query((rs, row) -> new Line(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                        rs.getString("region_code"), regions.nameOf(rs.getString("region_code")), rs.getInt("grade"),
                        rs.getInt("months"), rs.getBigDecimal("annual_amount"), rs.getBigDecimal("amount"),
                        PensionStatus.valueOf(rs.getString("status")), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("paid_by"), rs.getString("payment_reference"), rs.getString("note")))
                .list();
        BigDecimal owed = lines.stream().filter(line -> line.status() != PensionStatus.CANCELLED).map(Line::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal paid = lines.stream().filter(line -> line.status() == PensionStatus.PAID).map(Line::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Roll(year, lines, lines.stream().map(Line::samaritanId).distinct().count(), owed, paid);
    }
}

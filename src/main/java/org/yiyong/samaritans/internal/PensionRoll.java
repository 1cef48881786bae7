package org.yiyong.samaritans.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.PageRequest;

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

    /**
     * A page of the year's lines (by region and number) with the totals of all of them: lines, people, the amount
     * owed and the amount paid.
     */
    public record Roll(int year, List<Line> lines, int page, int pageSize, long lineCount, long people,
            BigDecimal owed, BigDecimal paid) {

        /** How many pages the lines fill. */
        public int totalPages() {
            return (int) ((lineCount + pageSize - 1) / pageSize);
        }
    }

    /** The first page of the roll of a year, of the whole scope or one region of it, optionally of one status. */
    @PreAuthorize(SamaritanRegistry.READ)
    public Roll of(CurrentUser me, int year, String regionCode, PensionStatus status) {
        return of(me, year, regionCode, status, new PageRequest(0, PageRequest.MAX_SIZE));
    }

    /** A page of the roll of a year, of the whole scope or one region of it, optionally of one status. */
    @PreAuthorize(SamaritanRegistry.READ)
    public Roll of(CurrentUser me, int year, String regionCode, PensionStatus status, PageRequest page) {
        Map<String, Object> params = params(me, year, regionCode, status);
        List<Line> lines = jdbc.sql(SELECT + " limit :limit offset :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, row) -> line(rs)).list();
        return jdbc.sql("""
                select count(*) as lines, count(distinct p.samaritan_id) as people,
                       coalesce(sum(case when p.status <> 'CANCELLED' then p.amount end), 0) as owed,
                       coalesce(sum(case when p.status = 'PAID' then p.amount end), 0) as paid
                from pension_payment p join samaritan s on s.id = p.samaritan_id""" + WHERE)
                .params(params)
                .query((rs, row) -> new Roll(year, lines, page.page(), page.size(), rs.getLong("lines"),
                        rs.getLong("people"), rs.getBigDecimal("owed").setScale(2),
                        rs.getBigDecimal("paid").setScale(2)))
                .single();
    }

    /**
     * Every line of the year's roll in its order, at most {@code limit}, each handed to {@code each} as it is read (a
     * thousand fetched at a time), none kept: for the register file.
     */
    @PreAuthorize(SamaritanRegistry.READ)
    public void each(CurrentUser me, int year, String regionCode, PensionStatus status, int limit,
            Consumer<Line> each) {
        jdbc.sql(SELECT + " limit :limit").params(params(me, year, regionCode, status)).param("limit", limit)
                .withFetchSize(1000)
                .query((RowCallbackHandler) rs -> each.accept(line(rs)));
    }

    private static final String WHERE = """

            where p.pension_year = :year and s.region_code in (:regions)
              and (cast(:status as varchar(20)) is null or p.status = :status)""";

    private static final String SELECT = """
            select s.id, s.number, s.name, s.region_code, p.grade, p.months, p.annual_amount, p.amount, p.status,
                   p.paid_on, p.paid_by, p.payment_reference, p.note
            from pension_payment p join samaritan s on s.id = p.samaritan_id""" + WHERE + """

            order by s.region_code, s.number, p.id""";

    private static Map<String, Object> params(CurrentUser me, int year, String regionCode, PensionStatus status) {
        Inputs.year("year", year);
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        params.put("regions", me.scope().narrowedTo(regionCode));
        params.put("status", status == null ? null : status.name());
        return params;
    }

    private Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                rs.getString("region_code"), regions.nameOf(rs.getString("region_code")), rs.getInt("grade"),
                rs.getInt("months"), rs.getBigDecimal("annual_amount"), rs.getBigDecimal("amount"),
                PensionStatus.valueOf(rs.getString("status")), rs.getObject("paid_on", LocalDate.class),
                rs.getString("paid_by"), rs.getString("payment_reference"), rs.getString("note"));
    }
}

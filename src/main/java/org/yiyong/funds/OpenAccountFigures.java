package org.yiyong.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.funds.internal.FinancialStatements;
import org.yiyong.identity.CurrentUser;

/**
 * The figures of an association's open account (善款公示) for a year, as the funds count them: every donation
 * received (an anonymous gift named 爱心人士, as the donor asked), government money apart, the money paid out by
 * purpose, and the summary of the year's financial report. Donations and payments are counted exactly as the
 * statistics count them ({@link FundFigures}: a donation on the day received unless reversed; a payment on the
 * day paid).
 */
@Service
@Transactional(readOnly = true)
public class OpenAccountFigures {

    /** How an anonymous donor is shown to the public. */
    public static final String ANONYMOUS_DONOR = "爱心人士";

    private final JdbcClient jdbc;
    private final FinancialStatements statements;

    OpenAccountFigures(JdbcClient jdbc, FinancialStatements statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** A gift as published: the day, the donor's name (or 爱心人士), enterprise or person, the amount. */
    public record Gift(LocalDate receivedOn, String donor, String donorKind, BigDecimal amount) {
    }

    /** What the money was used for: a purpose, how many payments, how much. */
    public record Use(PaymentPurpose purpose, long payments, BigDecimal amount) {
    }

    /**
     * The year's open account of the association of one region: opening and closing balances of its funds, the
     * donations (their count, total and list), government money received, the money paid out (count, total, by
     * purpose).
     */
    public record Account(String regionCode, String association, int year, BigDecimal opening, BigDecimal closing,
            long donationCount, BigDecimal donations, BigDecimal governmentMoney, long payments, BigDecimal paidOut,
            List<Gift> gifts, List<Use> uses) {
    }

    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER', 'LEADER')")
    public Account of(CurrentUser me, String regionCode, int year) {
        FinancialStatements.AnnualReport report = statements.annualReport(me, regionCode, year);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<Gift> gifts = jdbc.sql("""
                select received_on, donor_name, donor_kind, amount from donation
                where region_code = :region and not reversed and donor_kind <> 'GOVERNMENT'
                  and received_on between :from and :to
                order by received_on, id""")
                .param("region", regionCode).param("from", from).param("to", to)
                .query((rs, row) -> new Gift(rs.getObject("received_on", LocalDate.class),
                        "ANONYMOUS".equals(rs.getString("donor_kind")) ? ANONYMOUS_DONOR : rs.getString("donor_name"),
                        rs.getString("donor_kind"), rs.getBigDecimal("amount").setScale(2)))
                .list();
        BigDecimal government = jdbc.sql("""
                select coalesce(sum(amount), 0) from donation
                where region_code = :region and not reversed and donor_kind = 'GOVERNMENT'
                  and received_on between :from and :to""")
                .param("region", regionCode).param("from", from).param("to", to).query(BigDecimal.class).single()
                .setScale(2);
        List<Use> uses = jdbc.sql("""
                select purpose, count(*) as payments, sum(amount) as amount from payment_order
                where region_code = :region and status = 'PAID' and paid_on between :from and :to
                group by purpose order by purpose""")
                .param("region", regionCode).param("from", from).param("to", to)
                .query((rs, row) -> new Use(PaymentPurpose.valueOf(rs.getString("purpose")), rs.getLong("payments"),
                        rs.getBigDecimal("amount").setScale(2)))
                .list();
        BigDecimal donations = gifts.stream().map(Gift::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal paidOut = uses.stream().map(Use::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new Account(regionCode, report.association(), year, report.opening(), report.closing(), gifts.size(),
                donations, government, uses.stream().mapToLong(Use::payments).sum(), paidOut, gifts, uses);
    }
}

package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The journal's totals per fund, account and day ({@code fund_day_total}), which balances and statements read,
 * are the sums of the postings: written with each entry, a payment and its return included, whatever the day.
 */
class FundDayTotalsTests extends FundsTestBase {

    /** The postings summed per fund, account and day, and the totals kept: the keys where the two differ. */
    private java.util.Set<String> differences(String where) {
        Map<String, String> posted = sums("""
                select p.fund_id, p.account, e.entry_date, sum(p.debit) as debit, sum(p.credit) as credit
                from posting p join journal_entry e on e.id = p.entry_id where 1 = 1WHERE
                group by p.fund_id, p.account, e.entry_date""".replace("WHERE", where.replace("FUND", "p.fund_id")));
        Map<String, String> kept = sums("""
                select fund_id, account, entry_date, debit, credit from fund_day_total where 1 = 1WHERE"""
                .replace("WHERE", where.replace("FUND", "fund_id")));
        java.util.Set<String> keys = new java.util.TreeSet<>(posted.keySet());
        keys.addAll(kept.keySet());
        keys.removeIf(key -> java.util.Objects.equals(posted.get(key), kept.get(key)));
        return keys;
    }

    private Map<String, String> sums(String sql) {
        Map<String, String> sums = new java.util.HashMap<>();
        jdbc.sql(sql).query(rs -> {
            sums.put(rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getObject(3, LocalDate.class),
                    rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + "/"
                            + rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
        });
        return sums;
    }

    private BigDecimal balanceOn(long fund, LocalDate day) throws Exception {
        String body = mvc.perform(get("/api/v1/funds/{id}", fund).param("asOf", day.toString()).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new BigDecimal(JsonPath.read(body, "$.balance").toString());
    }

    @Test
    void donations_a_payment_and_its_return_add_up_in_the_day_totals_and_the_balances_of_each_day() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        LocalDate first = LocalDate.now(clock);
        donate("city-staff", fund, "1000.10");
        donate("city-staff", fund, "0.25");
        clock.advance(Duration.ofDays(2));
        LocalDate second = LocalDate.now(clock);
        long order = order("city-staff", fund, "OTHER", "300.30");
        approveAndPay(order, "FDT-" + order).andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/" + order + "/return", "{\"reason\": \"收款账户已销户\"}")
                .andExpect(status().isOk());
        donate("city-staff", fund, "99.65");

        assertThat(differences(" and FUND = " + fund)).isEmpty();
        List<Map<String, Object>> bank = jdbc.sql("""
                select entry_date, debit, credit from fund_day_total where fund_id = :fund and account = 'BANK'
                order by entry_date""").param("fund", fund).query().listOfRows();
        assertThat(bank).hasSize(2);
        assertThat((BigDecimal) bank.get(0).get("debit")).isEqualByComparingTo("1000.35");
        // the day of the payment: paid out and back in, and a donation
        assertThat((BigDecimal) bank.get(1).get("debit")).isEqualByComparingTo("399.95");
        assertThat((BigDecimal) bank.get(1).get("credit")).isEqualByComparingTo("300.30");

        assertThat(balanceOn(fund, first.minusDays(1))).isEqualByComparingTo("0.00");
        assertThat(balanceOn(fund, first)).isEqualByComparingTo("1000.35");
        assertThat(balanceOn(fund, second.minusDays(1))).isEqualByComparingTo("1000.35");
        assertThat(balance(fund)).isEqualByComparingTo("1100.00");
    }

    @Test
    void every_fund_day_kept_is_the_sum_of_its_postings() throws Exception {
        long fund = subFund("FUND-350582", "OTHER");
        donate("city-staff", fund, "12.34");
        // whatever the other tests of this database posted before, through the journal
        assertThat(differences("")).isEmpty();
    }
}

package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * The list of payment orders pages through each status by the count its tab shows: without a search the list's
 * total is that count (or the sum of them all), not counted again; with a search it is counted.
 */
class PaymentOrderListTests extends FundsTestBase {

    @Test
    void each_tab_pages_to_its_last_order_by_the_count_it_shows() throws Exception {
        String username = quangangUser("qg-clerk-" + System.nanoTime() % 100000, "郭丽珍", "COUNTY_STAFF",
                "FINANCE_REVIEWER");
        long fund = subFund("FUND-350505", "CONDOLENCE");
        for (int i = 0; i < 31; i++) {
            order(username, fund, "CONDOLENCE", "100");
        }
        long requested = count("status = 'REQUESTED'");
        long all = count("1 = 1");
        assertThat(requested).isGreaterThan(30);

        String tab = page(username, "/payment-orders?status=REQUESTED");
        assertThat(tab).containsPattern("status=REQUESTED\"><span>待审核</span>\\s*<span class=\"badge text-bg-light\">"
                + requested + "</span>");
        assertLastPage(username, "/payment-orders?status=REQUESTED", requested);
        assertLastPage(username, "/payment-orders", all);
        // a search is counted: every order here is to 林阿强
        assertLastPage(username, "/payment-orders?q=林阿强", count("payee_name like '%林阿强%'"));
    }

    /** The page before the last offers the next; the last does not. */
    private void assertLastPage(String user, String path, long total) throws Exception {
        long last = (total - 1) / 30;
        String separator = path.contains("?") ? "&" : "?";
        assertThat(page(user, path + separator + "page=" + last)).as(path + " page " + last).doesNotContain(">下一页<");
        assertThat(page(user, path + separator + "page=" + (last - 1))).as(path + " page " + (last - 1))
                .contains(">下一页<");
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from payment_order where region_code = '350505' and " + condition)
                .query(Long.class).single();
    }
}

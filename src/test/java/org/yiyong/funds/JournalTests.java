package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.yiyong.funds.internal.Journal;

/** Only a second posting of the same source is called one; entry descriptions fit their column. */
class JournalTests {

    private static DataIntegrityViolationException violated(String constraint) {
        return new DataIntegrityViolationException("could not execute statement",
                new ConstraintViolationException("refused", new SQLException("refused"), constraint));
    }

    @Test
    void only_the_source_once_constraint_means_posted_already() {
        assertThat(Journal.postedAlready(violated("public.journal_entry_source_once"))).isTrue();
        assertThat(Journal.postedAlready(violated("PUBLIC.JOURNAL_ENTRY_SOURCE_ONCE_INDEX_F"))).isTrue();
        assertThat(Journal.postedAlready(violated("payment_order_approver_not_cashier"))).isFalse();
        assertThat(Journal.postedAlready(violated("journal_entry_number_unique"))).isFalse();
        assertThat(Journal.postedAlready(new DataIntegrityViolationException(
                "Value too long for column \"DESCRIPTION CHARACTER VARYING(300)\""))).isFalse();
    }

    @Test
    void a_long_description_is_shortened_but_keeps_the_number() {
        String number = "ZF-2026-0001";
        assertThat(Journal.description("支付：林阿强 慰问金", number)).isEqualTo("支付：林阿强 慰问金 ZF-2026-0001");
        String long_ = Journal.description("支付：" + "某".repeat(400), number);
        assertThat(long_).hasSize(Journal.DESCRIPTION_LENGTH).endsWith("… " + number).startsWith("支付：某");
    }
}

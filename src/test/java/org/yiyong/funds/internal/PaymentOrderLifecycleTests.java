package org.yiyong.funds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.Money;

/** A payment order's steps and the news it registers for the module that asked, without Spring. */
class PaymentOrderLifecycleTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final PaymentSource REWARD = PaymentSource.of("HONOURS", "reward", 12);

    private static final Fund FUND = fund(7L, "350582");

    private static Fund fund(long id, String region) {
        Fund fund = new Fund();
        set(Fund.class, fund, "id", id);
        set(Fund.class, fund, "regionCode", region);
        return fund;
    }

    /** What the database gives a saved row: an id, set the way JPA sets it. */
    private static void set(Class<?> type, Object target, String field, Object value) {
        try {
            Field declared = type.getDeclaredField(field);
            declared.setAccessible(true);
            declared.set(target, value);
        } catch (ReflectiveOperationException unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    private static PaymentOrder requested(PaymentSource source) {
        PaymentOrder order = new PaymentOrder("泉支〔2026〕0001", FUND, PaymentPurpose.REWARD, "陈志远", 41L, null,
                Money.of("5000.00"), "见义勇为先进个人奖励金", source, "晋见协〔2026〕51号",
                source == null ? "经会长办公会同意" : null, null, "city-staff", TODAY);
        set(PaymentOrder.class, order, "id", 301L);
        return order;
    }

    /** Requested, with the account it goes to, approved by the reviewer and put in a batch by the cashier. */
    private static PaymentOrder inBatch(PaymentSource source) {
        PaymentOrder order = requested(source);
        order.payWith(PaymentOrder.Method.BANK_TRANSFER, "晋江农商银行", "sm4:encrypted", "6231********5100");
        order.approve("jinjiang-finance", FUND, NOW);
        order.batched(9L, "jinjiang-cashier");
        return order;
    }

    private static String refusal(Runnable step) {
        try {
            step.run();
        } catch (DomainException refused) {
            return refused.messageKey();
        }
        throw new AssertionError("the step was not refused");
    }

    @Test
    void an_order_asked_for_by_another_module_keeps_its_source() {
        PaymentOrder order = requested(REWARD);

        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.REQUESTED);
        assertThat(order.getSource()).isEqualTo("HONOURS");
        assertThat(order.getSourceRef()).isEqualTo("reward-12");
        assertThat(order.getPaymentSource()).isEqualTo(REWARD);
        assertThat(order.isManual()).isFalse();
        assertThat(order.registeredEvents()).isEmpty();
    }

    @Test
    void an_order_by_hand_has_no_source_to_report_to() {
        PaymentOrder order = requested(null);

        assertThat(order.getSource()).isEqualTo(PaymentOrder.MANUAL);
        assertThat(order.isManual()).isTrue();
        assertThat(order.getPaymentSource()).isNull();
        assertThat(order.getSourceRef()).isNull();
    }

    @Test
    void whoever_requested_an_order_does_not_approve_it() {
        PaymentOrder order = requested(REWARD);

        assertThat(refusal(() -> order.approve("city-staff", FUND, NOW)))
                .isEqualTo("payment.approve.own-request.refused");
        order.approve("finance-reviewer", FUND, NOW);
        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.APPROVED);
        assertThat(order.getApprovedBy()).isEqualTo("finance-reviewer");
    }

    @Test
    void a_batch_takes_only_an_approved_order_with_its_account_and_not_from_its_approver() {
        PaymentOrder order = requested(REWARD);
        assertThat(refusal(() -> order.batched(9L, "cashier"))).isEqualTo("payment.not-approved");
        order.approve("finance-reviewer", FUND, NOW);
        assertThat(refusal(() -> order.batched(9L, "cashier"))).as("a bank transfer without an account")
                .isEqualTo("payment.account.missing");
        order.payWith(PaymentOrder.Method.CASH, null, null, null);
        assertThat(order.getStatus()).as("changed after approval: reviewed again")
                .isEqualTo(PaymentOrder.Status.REQUESTED);
        order.approve("finance-reviewer", FUND, NOW);
        assertThat(refusal(() -> order.batched(9L, "finance-reviewer"))).isEqualTo("payment.approver-pays.refused");

        order.batched(9L, "cashier");

        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.IN_BATCH);
        assertThat(order.getBatchId()).isEqualTo(9L);
    }

    @Test
    void paid_once_it_registers_the_settlement_for_the_module_that_asked() {
        PaymentOrder order = requested(REWARD);
        assertThat(refusal(() -> order.paid(TODAY, "JJ-R-51", "jinjiang-cashier"))).isEqualTo("payment.not-in-batch");
        PaymentOrder batched = inBatch(REWARD);

        batched.paid(TODAY, "JJ-R-51", "jinjiang-cashier");

        assertThat(batched.getStatus()).isEqualTo(PaymentOrder.Status.PAID);
        assertThat(batched.registeredEvents()).containsExactly(new PaymentSettled(REWARD, 301L, "泉支〔2026〕0001",
                Money.of("5000.00"), TODAY, "JJ-R-51"));
        assertThat(refusal(() -> batched.paid(TODAY, "JJ-R-52", "jinjiang-cashier"))).isEqualTo("payment.already-paid");
        assertThat(batched.registeredEvents()).hasSize(1);
    }

    @Test
    void an_order_by_hand_registers_nothing_when_paid_or_returned() {
        PaymentOrder order = inBatch(null);

        order.paid(TODAY, "QZ-M-1", "jinjiang-cashier");
        order.returned("账户已销户");

        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.FAILED);
        assertThat(order.registeredEvents()).isEmpty();
    }

    @Test
    void returned_by_the_bank_it_fails_registers_the_return_and_can_be_reissued() {
        PaymentOrder order = inBatch(REWARD);
        assertThat(refusal(() -> order.returned("账户已销户"))).isEqualTo("payment.status.wrong");
        order.paid(TODAY, "JJ-R-51", "jinjiang-cashier");

        order.returned("账户已销户");

        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.FAILED);
        assertThat(order.getPaidOn()).isNull();
        assertThat(order.getFailures()).isEqualTo(1);
        assertThat(order.registeredEvents()).last().isEqualTo(new PaymentReturned(REWARD, 301L,
                "泉支〔2026〕0001", Money.of("5000.00"), "账户已销户"));

        order.reissue();

        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.APPROVED);
        assertThat(order.getBatchId()).isNull();
    }

    @Test
    void an_acknowledged_payment_is_not_returned() {
        PaymentOrder order = inBatch(REWARD);
        order.paid(TODAY, "JJ-R-51", "jinjiang-cashier");
        order.acknowledge(TODAY, "陈志远", null);

        assertThat(refusal(() -> order.returned("账户已销户"))).isEqualTo("payment.acknowledged-already");
        assertThat(refusal(() -> order.acknowledge(TODAY, "陈志远", null))).isEqualTo("payment.acknowledged-already");
    }

    @Test
    void unpaid_orders_are_cancelled_paid_ones_are_not() {
        PaymentOrder unpaid = requested(REWARD);
        unpaid.cancel("city-staff", "收款人有误");
        assertThat(unpaid.getStatus()).isEqualTo(PaymentOrder.Status.CANCELLED);
        assertThat(refusal(() -> unpaid.approve("finance-reviewer", FUND, NOW))).isEqualTo("payment.status.wrong");

        PaymentOrder paid = inBatch(REWARD);
        paid.paid(TODAY, "JJ-R-51", "jinjiang-cashier");
        assertThat(refusal(() -> paid.cancel("city-staff", "收款人有误"))).isEqualTo("payment.status.wrong");
    }

    @Test
    void a_failed_payment_goes_back_to_the_cashier() {
        PaymentOrder order = inBatch(REWARD);

        order.failed("户名不符");

        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.FAILED);
        assertThat(order.getFailureReason()).isEqualTo("户名不符");
        assertThat(order.registeredEvents()).as("nothing was paid").isEmpty();
        order.reissue();
        assertThat(order.getStatus()).isEqualTo(PaymentOrder.Status.APPROVED);
    }

    @Test
    void a_source_names_a_module_a_kind_and_a_record_and_reads_as_before() {
        assertThat(PaymentSource.of("CARE", "campaign", 3, 41).reference()).isEqualTo("campaign-3-41");
        assertThat(PaymentSource.of("CARE", "student-aid", 7).reference()).isEqualTo("student-aid-7");
        assertThat(PaymentSource.of("CARE", "campaign", 3, 41).is("CARE", "campaign")).isTrue();
        assertThat(PaymentSource.of("CARE", "campaign", 3, 41).isFrom("HONOURS")).isFalse();
        assertThatThrownBy(() -> PaymentSource.of("MANUAL", "reward", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentSource.of("honours", "reward", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentSource.of("HONOURS", "reward-", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

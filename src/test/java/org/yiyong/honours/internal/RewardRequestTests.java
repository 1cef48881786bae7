package org.yiyong.honours.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentWithdrawn;
import org.yiyong.shared.Money;

/**
 * A reward request's course, without Spring or a database: asked of the funds, paid, returned by the
 * bank, withdrawn or clawed back when its honour is revoked — what each step does to it, what it
 * registers for the funds, and what it refuses.
 */
class RewardRequestTests {

    private static final long HONOUR = 41;
    private static final long LIN = 11;
    private static final LocalDate GRANTED = LocalDate.of(2026, 11, 2);
    private static final LocalDate PAID = LocalDate.of(2026, 11, 20);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);
    private static final Money REWARD = Money.of("5000.00");

    // ---- a request at each stage ----

    /** A reward asked of the funds and saved (the id the database gave it). */
    private static RewardRequest requested() {
        return persisted(new RewardRequest(HONOUR, LIN, null, RewardRequest.Kind.PAYMENT, REWARD, GRANTED), 301L);
    }

    private static RewardRequest settled() {
        RewardRequest request = requested();
        request.paid(PAID);
        return request;
    }

    private static RewardRequest cancelled() {
        RewardRequest request = requested();
        request.honourRevoked(TODAY.minusDays(5), "泉见协〔2026〕12号");
        return saved(request);
    }

    private static RewardRequest openClawback() {
        return persisted(new RewardRequest(HONOUR, LIN, null, RewardRequest.Kind.CLAWBACK, REWARD, TODAY), 302L);
    }

    private static <T> T persisted(T entity, long id) {
        try {
            Field field = RewardRequest.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saved: what it registered is published, and forgotten (as Spring Data does after publishing). */
    private static RewardRequest saved(RewardRequest request) {
        try {
            var clear = org.springframework.data.domain.AbstractAggregateRoot.class
                    .getDeclaredMethod("clearDomainEvents");
            clear.setAccessible(true);
            clear.invoke(request);
            return request;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PaymentSource source() {
        return PaymentSource.of("HONOURS", "reward", 301L);
    }

    // ---- asked of the funds ----

    @Test
    void a_saved_payment_asks_the_funds_to_pay_it_from_the_paying_region() {
        RewardRequest request = requested();

        request.askPayment("350582", "林志强", "见义勇为先进个人奖励金", "泉见协〔2026〕9号", "city-staff");

        assertThat(request.registeredEvents()).containsExactly(new PaymentRequested(source(), "350582",
                PaymentPurpose.REWARD, LIN, null, "林志强", Money.of("5000.00"), "见义勇为先进个人奖励金",
                "泉见协〔2026〕9号", "city-staff", GRANTED));
        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.REQUESTED);
    }

    @Test
    void an_unsaved_request_or_a_clawback_does_not_ask_the_funds() {
        RewardRequest unsaved = new RewardRequest(HONOUR, LIN, null, RewardRequest.Kind.PAYMENT, REWARD, GRANTED);

        assertThatThrownBy(() -> unsaved.askPayment(null, "林志强", "奖励金", "泉见协〔2026〕9号", "city-staff"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> openClawback().askPayment(null, "林志强", "奖励金", "泉见协〔2026〕9号", "city-staff"))
                .isInstanceOf(IllegalStateException.class);
    }

    // ---- paid ----

    @Test
    void paid_it_is_settled_on_the_day_of_payment() {
        RewardRequest request = requested();

        assertThat(request.paid(PAID)).isEqualTo(RewardRequest.Settlement.SETTLED);

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.SETTLED);
        assertThat(request.getSettledOn()).isEqualTo(PAID);
        assertThat(request.registeredEvents()).isEmpty();
    }

    @Test
    void paid_twice_the_second_news_changes_nothing() {
        RewardRequest request = settled();

        assertThat(request.paid(TODAY)).isEqualTo(RewardRequest.Settlement.ALREADY_SETTLED);

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.SETTLED);
        assertThat(request.getSettledOn()).as("the first payment's day").isEqualTo(PAID);
    }

    @Test
    void paid_after_it_was_cancelled_it_is_settled_and_owes_a_clawback_of_the_same_money() {
        RewardRequest request = cancelled();

        assertThat(request.paid(PAID)).isEqualTo(RewardRequest.Settlement.SETTLED_AFTER_CANCELLATION);
        RewardRequest clawback = request.clawback(TODAY);

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.SETTLED);
        assertThat(clawback.getKind()).isEqualTo(RewardRequest.Kind.CLAWBACK);
        assertThat(clawback.getStatus()).isEqualTo(RewardRequest.Status.REQUESTED);
        assertThat(clawback.getHonourId()).isEqualTo(HONOUR);
        assertThat(clawback.getSamaritanId()).isEqualTo(LIN);
        assertThat(clawback.getAmount()).isEqualByComparingTo(REWARD);
        assertThat(clawback.getRequestedOn()).isEqualTo(TODAY);
    }

    @Test
    void an_unpaid_reward_or_a_clawback_owes_no_clawback() {
        assertThatThrownBy(() -> requested().clawback(TODAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cancelled().clawback(TODAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> openClawback().clawback(TODAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_reward_entered_from_the_records_was_paid_on_its_decision_date() {
        RewardRequest paid = RewardRequest.paidBefore(HONOUR, LIN, REWARD, GRANTED);

        assertThat(paid.getKind()).isEqualTo(RewardRequest.Kind.PAYMENT);
        assertThat(paid.getStatus()).isEqualTo(RewardRequest.Status.SETTLED);
        assertThat(paid.getSettledOn()).isEqualTo(GRANTED);
        assertThat(paid.getOrganizationId()).isNull();
        assertThat(paid.registeredEvents()).isEmpty();
    }

    // ---- returned by the bank ----

    @Test
    void returned_by_the_bank_it_is_due_again() {
        RewardRequest request = settled();

        assertThat(request.returned(TODAY, false)).isEqualTo(RewardRequest.Return.REOPENED);

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.REQUESTED);
        assertThat(request.getSettledOn()).isNull();
        assertThat(request.registeredEvents()).as("the funds keep their order").isEmpty();
    }

    @Test
    void returned_after_the_honour_was_revoked_it_is_withdrawn_and_the_funds_told() {
        RewardRequest request = settled();

        assertThat(request.returned(TODAY, true)).isEqualTo(RewardRequest.Return.WITHDRAWN);

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.CANCELLED);
        assertThat(request.getSettledOn()).isEqualTo(TODAY);
        assertThat(request.registeredEvents())
                .containsExactly(new PaymentWithdrawn(source(), "表彰已撤销，退回的奖励金不再发放"));
    }

    @Test
    void a_return_of_what_was_not_paid_changes_nothing() {
        RewardRequest unpaid = requested();
        RewardRequest cancelled = cancelled();

        assertThat(unpaid.returned(TODAY, false)).isEqualTo(RewardRequest.Return.NOT_SETTLED);
        assertThat(cancelled.returned(TODAY, true)).isEqualTo(RewardRequest.Return.NOT_SETTLED);

        assertThat(unpaid.getStatus()).isEqualTo(RewardRequest.Status.REQUESTED);
        assertThat(cancelled.getStatus()).isEqualTo(RewardRequest.Status.CANCELLED);
        assertThat(unpaid.registeredEvents()).isEmpty();
        assertThat(cancelled.registeredEvents()).isEmpty();
    }

    @Test
    void the_open_clawback_of_returned_money_is_dropped() {
        RewardRequest payment = settled();
        RewardRequest clawback = payment.clawback(TODAY);
        RewardRequest someoneElses = new RewardRequest(HONOUR, 12L, null, RewardRequest.Kind.CLAWBACK, REWARD, TODAY);

        assertThat(clawback.clawsBack(payment)).isTrue();
        assertThat(someoneElses.clawsBack(payment)).as("another member's share").isFalse();
        assertThat(payment.clawsBack(payment)).as("a payment claws nothing back").isFalse();

        clawback.dropClawback(TODAY);

        assertThat(clawback.getStatus()).isEqualTo(RewardRequest.Status.CANCELLED);
        assertThat(clawback.clawsBack(payment)).as("no longer open").isFalse();
    }

    @Test
    void only_an_open_clawback_is_dropped() {
        RewardRequest dropped = openClawback();
        dropped.dropClawback(TODAY);

        assertThatThrownBy(() -> dropped.dropClawback(TODAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> requested().dropClawback(TODAY)).isInstanceOf(IllegalStateException.class);
    }

    // ---- the honour revoked ----

    @Test
    void revoked_before_payment_the_request_is_withdrawn_and_the_funds_told() {
        RewardRequest request = requested();

        assertThat(request.honourRevoked(TODAY, "泉见协〔2026〕12号")).contains(request);

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.CANCELLED);
        assertThat(request.getSettledOn()).isEqualTo(TODAY);
        assertThat(request.registeredEvents())
                .containsExactly(new PaymentWithdrawn(source(), "表彰已撤销（泉见协〔2026〕12号）"));
    }

    @Test
    void revoked_after_payment_the_money_is_to_be_clawed_back() {
        RewardRequest request = settled();

        RewardRequest clawback = request.honourRevoked(TODAY, "泉见协〔2026〕12号").orElseThrow();

        assertThat(clawback).isNotSameAs(request);
        assertThat(clawback.getKind()).isEqualTo(RewardRequest.Kind.CLAWBACK);
        assertThat(clawback.getAmount()).isEqualByComparingTo(REWARD);
        assertThat(request.getStatus()).as("the payment stays paid").isEqualTo(RewardRequest.Status.SETTLED);
        assertThat(request.registeredEvents()).isEmpty();
    }

    @Test
    void revoked_when_already_cancelled_nothing_more_happens() {
        RewardRequest request = cancelled();

        assertThat(request.honourRevoked(TODAY, "泉见协〔2026〕13号")).isEmpty();

        assertThat(request.getStatus()).isEqualTo(RewardRequest.Status.CANCELLED);
        assertThat(request.registeredEvents()).isEmpty();
    }

    @Test
    void a_revocation_does_not_apply_to_a_clawback() {
        assertThatThrownBy(() -> openClawback().honourRevoked(TODAY, "泉见协〔2026〕12号"))
                .isInstanceOf(IllegalStateException.class);
    }
}

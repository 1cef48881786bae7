package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.TestClock;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentsSettled;
import org.yiyong.funds.internal.BulkPayments;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.PaymentOrders;
import org.yiyong.funds.internal.Payments;
import org.yiyong.honours.internal.RewardRequest;
import org.yiyong.honours.internal.RewardRequests;
import org.yiyong.identity.SignedIn;
import org.yiyong.shared.Money;

/**
 * The money flow between honours and funds, with only honours and what it depends on started: a
 * reward asks to be paid, the funds make one order of it, the order is approved, batched and paid,
 * and the reward is settled by the news the funds send back to honours.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "funds")
// the test clock, as every context that may be the first to start and seed the demo data
@Import(TestClock.Config.class)
class RewardPaymentScenarioTests {

    @Autowired
    RewardRequests rewards;

    @Autowired
    PaymentOrders orders;

    @Autowired
    Payments payments;

    @Autowired
    BulkPayments bulk;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private <T> T as(String username, java.util.function.Function<org.yiyong.identity.CurrentUser, T> steps) {
        return SignedIn.as(accounts.loadUserByUsername(username), steps);
    }

    private long organizationId(String code) {
        return jdbc.sql("select id from organization where code = :code").param("code", code).query(Long.class)
                .single();
    }

    private long unitHonour(long unit) {
        String name = "泉州市公安局（" + Long.toString(System.nanoTime(), 36) + "）";
        jdbc.sql("""
                insert into honour (title_id, region_code, mode, status, reason, proposed_by, proposed_on,
                                    recipient, recipient_name, organization_id)
                select min(id), '350500', 'ROUND', 'GRANTED', '集中表彰', 'city-staff', :on, 'UNIT', :name, :unit
                from title""").param("on", LocalDate.now(clock)).param("name", name).param("unit", unit).update();
        return jdbc.sql("select id from honour where recipient_name = :name").param("name", name).query(Long.class)
                .single();
    }

    @Test
    void a_requested_reward_becomes_an_order_and_once_paid_the_reward_is_settled(Scenario scenario) {
        // a unit's honour of this test's own, whose reward is to be paid
        long unit = organizationId("QZ-PSB");
        long honourId = unitHonour(unit);
        LocalDate today = LocalDate.now(clock);

        // honours asks: the reward request registers PaymentRequested, published as it is saved
        var asked = new java.util.concurrent.atomic.AtomicReference<RewardRequest>();
        scenario.stimulate(() -> {
            RewardRequest saved = rewards.saveAndFlush(new RewardRequest(honourId, null, unit,
                    RewardRequest.Kind.PAYMENT, Money.of("100.00"), today));
            saved.askPayment(null, "泉州市公安局", "见义勇为先进集体奖励金", "泉见协〔2026〕9号", "city-staff");
            asked.set(rewards.save(saved));
            return asked.get();
        }).andWaitForEventOfType(PaymentRequested.class)
                .matching(requested -> RewardRequest.isReward(requested.source()))
                .toArriveAndVerify((requested, saved) -> {
                    assertThat(requested.source()).isEqualTo(saved.paymentSource());
                    assertThat(requested.amount()).isEqualTo(Money.of("100.00"));
                });
        RewardRequest request = asked.get();
        var source = request.paymentSource();

        // the funds make one order of it, on their own thread after honours committed
        scenario.stimulate(() -> orders.findBySource(source))
                .andWaitForStateChange(() -> orders.findBySource(source), Optional::isPresent)
                .andVerify(found -> assertThat(found.orElseThrow().getSourceRef())
                        .isEqualTo("reward-" + request.getId()));
        PaymentOrder made = orders.findBySource(source).orElseThrow();
        assertThat(made.getStatus()).isEqualTo(PaymentOrder.Status.REQUESTED);
        assertThat(made.getSource()).isEqualTo("HONOURS");

        as("city-staff", me -> payments.payWith(me, made.getId(), PaymentOrder.Method.CASH, null, null));
        as("finance-reviewer", me -> payments.approve(me, made.getId(), null));
        as("cashier", me -> payments.batch(me, List.of(made.getId())));

        // paid: the order registers PaymentSettled, which only honours hears, and the reward is settled
        scenario.stimulate(() -> as("cashier", me -> payments.markPaid(me, made.getId(), today, "QZ-SCN-1")))
                .andWaitForEventOfType(PaymentSettled.class)
                .matching(paid -> paid.source().equals(source))
                .toArriveAndVerify(paid -> {
                    assertThat(paid.orderNumber()).isEqualTo(made.getNumber());
                    assertThat(paid.amount()).isEqualTo(Money.of("100.00"));
                    assertThat(paid.bankReference()).isEqualTo("QZ-SCN-1");
                });
        scenario.stimulate(() -> rewards.findById(request.getId()).orElseThrow().getStatus())
                .andWaitForStateChange(() -> rewards.findById(request.getId()).orElseThrow().getStatus(),
                        status -> status == RewardRequest.Status.SETTLED)
                .andVerify(status -> assertThat(rewards.findById(request.getId()).orElseThrow().getSettledOn())
                        .isEqualTo(today));
    }

    @Test
    void a_reward_paid_with_its_whole_batch_is_settled_by_the_batchs_one_event(Scenario scenario) {
        long unit = organizationId("QZ-PSB");
        long honourId = unitHonour(unit);
        LocalDate today = LocalDate.now(clock);
        RewardRequest saved = rewards.saveAndFlush(new RewardRequest(honourId, null, unit, RewardRequest.Kind.PAYMENT,
                Money.of("100.00"), today));
        saved.askPayment(null, "泉州市公安局", "见义勇为先进集体奖励金", "泉见协〔2026〕9号", "city-staff");
        RewardRequest request = rewards.save(saved);
        var source = request.paymentSource();
        scenario.stimulate(() -> orders.findBySource(source))
                .andWaitForStateChange(() -> orders.findBySource(source), Optional::isPresent)
                .andVerify(found -> assertThat(found).isPresent());
        PaymentOrder made = orders.findBySource(source).orElseThrow();
        as("city-staff", me -> payments.payWith(me, made.getId(), PaymentOrder.Method.CASH, null, null));
        as("finance-reviewer", me -> payments.approve(me, made.getId(), null));
        long batch = as("cashier", me -> payments.batch(me, List.of(made.getId()))).getId();

        // the whole batch recorded paid: one PaymentsSettled for honours, read back as the order paid
        scenario.stimulate(() -> as("cashier", me -> bulk.settle(me, batch, today, "QZ-SCN-2", 1L)))
                .andWaitForEventOfType(PaymentsSettled.class)
                .matching(paid -> paid.batchId() == batch)
                .toArriveAndVerify(paid -> {
                    assertThat(paid.module()).isEqualTo("HONOURS");
                    assertThat(paid.orders()).isEqualTo(1);
                    assertThat(paid.bankReference()).isEqualTo("QZ-SCN-2");
                });
        scenario.stimulate(() -> rewards.findById(request.getId()).orElseThrow().getStatus())
                .andWaitForStateChange(() -> rewards.findById(request.getId()).orElseThrow().getStatus(),
                        status -> status == RewardRequest.Status.SETTLED)
                .andVerify(status -> assertThat(rewards.findById(request.getId()).orElseThrow().getSettledOn())
                        .isEqualTo(today));
    }
}

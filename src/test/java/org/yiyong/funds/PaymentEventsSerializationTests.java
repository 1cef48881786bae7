package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;
import org.yiyong.FullStackTest;
import org.yiyong.shared.Money;

/**
 * The payment events are kept in the event publication registry until their listener has completed,
 * and read back from it after a restart: each must come back whole, amount to the fen included.
 */
class PaymentEventsSerializationTests extends FullStackTest {

    @Autowired
    EventSerializer serializer;

    @Test
    void every_payment_event_comes_back_from_the_registry_as_it_was_published() {
        PaymentSource reward = PaymentSource.of("HONOURS", "reward", 12);
        PaymentSource condolence = PaymentSource.of("CARE", "campaign", 3, 41);
        List<Object> events = List.of(
                new PaymentRequested(reward, "350582", PaymentPurpose.REWARD, 7L, null, "施建成",
                        Money.of("8500.50"), "见义勇为先进个人奖金", "泉见证〔2026〕0003号", "city-finance",
                        LocalDate.of(2026, 11, 20)),
                new PaymentSettled(condolence, 31L, "ZF-2026-00031", Money.of("2000.05"), LocalDate.of(2026, 11, 27),
                        "95588-20261127-0031"),
                new PaymentReturned(reward, 32L, "ZF-2026-00032", Money.of(10_000), "账户已销户"),
                new PaymentWithdrawn(condolence, "慰问名单更正"));

        for (Object event : events) {
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, event.getClass())).as(String.valueOf(stored)).isEqualTo(event);
        }
    }

    @Test
    void an_amount_is_stored_as_a_number_of_yuan() {
        Object stored = serializer.serialize(new PaymentWithdrawn(PaymentSource.of("CARE", "assistance", 9), "撤回"));
        assertThat(String.valueOf(serializer.serialize(
                new PaymentReturned(PaymentSource.of("CARE", "assistance", 9), 5L, "ZF-2026-00005",
                        Money.of("1234.50"), "退回"))))
                .contains("1234.50");
        assertThat(String.valueOf(stored)).contains("\"recordId\":9");
    }
}

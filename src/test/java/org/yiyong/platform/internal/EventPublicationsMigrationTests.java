package org.yiyong.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.yiyong.FullStackTest;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentWithdrawn;
import org.yiyong.shared.Money;

/**
 * Publications still waiting when Yiyong is upgraded are delivered after it: the upgrade renames the
 * moved listeners and events and rewrites the payment events in their typed form.
 */
class EventPublicationsMigrationTests extends FullStackTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSerializer serializer;

    private final String reference = "reward-" + (900_000_000L + System.nanoTime() % 99_999_999L);
    private final String orderNumber = "ZF-T-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeRows() {
        jdbc.sql("delete from event_publication where serialized_event like :ref or listener_id like 'test.%'")
                .param("ref", "%" + reference.substring(7) + "%").update();
        jdbc.sql("delete from payment_order where number = :number").param("number", orderNumber).update();
    }

    @Test
    void waiting_payment_events_are_renamed_and_rewritten_and_completed_ones_left_alone() throws SQLException {
        long recordId = Long.parseLong(reference.substring(7));
        long fundId = jdbc.sql("select min(id) from fund").query(Long.class).single();
        String region = jdbc.sql("select region_code from fund where id = :id").param("id", fundId)
                .query(String.class).single();
        jdbc.sql("""
                insert into payment_order (number, fund_id, region_code, purpose, payee_name, amount, description,
                    source, source_ref, status, requested_by, requested_on)
                values (:number, :fund, :region, 'REWARD', '施建成', 8500.50, '奖金', 'HONOURS', :ref, 'PAID',
                    'city-staff', date '2026-11-02')""")
                .param("number", orderNumber).param("fund", fundId).param("region", region).param("ref", reference)
                .update();
        long orderId = jdbc.sql("select id from payment_order where number = :n").param("n", orderNumber)
                .query(Long.class).single();

        UUID requested = waiting("org.yiyong.funds.PaymentRequests.on(org.yiyong.shared.PaymentRequested)",
                "org.yiyong.shared.PaymentRequested", """
                {"source":"HONOURS","sourceRef":"%s","payingRegion":"350582","purpose":"REWARD",
                 "payeeSamaritanId":7,"payeeOrganizationId":null,"payeeName":"施建成","amount":8500.50,
                 "description":"奖金","decisionDocument":"泉见证〔2026〕0003号","requestedBy":"city-staff",
                 "requestedOn":"2026-11-02"}""".formatted(reference), null);
        UUID settled = waiting("org.yiyong.honours.RewardPayments.on(org.yiyong.shared.PaymentSettled)",
                "org.yiyong.shared.PaymentSettled", """
                {"source":"HONOURS","sourceRef":"%s","orderId":%d,"orderNumber":"%s","paidOn":"2026-11-20",
                 "bankReference":"95588-1"}""".formatted(reference, orderId, orderNumber), null);
        UUID returned = waiting("org.yiyong.honours.RewardPayments.on(org.yiyong.shared.PaymentReturned)",
                "org.yiyong.shared.PaymentReturned", """
                {"source":"HONOURS","sourceRef":"%s","reason":"账户已销户"}""".formatted(reference), null);
        UUID withdrawn = waiting("org.yiyong.funds.PaymentRequests.on(org.yiyong.shared.PaymentWithdrawn)",
                "org.yiyong.shared.PaymentWithdrawn", """
                {"source":"HONOURS","sourceRef":"%s","reason":"撤销表彰"}""".formatted(reference), null);
        String doneEvent = """
                {"source":"HONOURS","sourceRef":"%s","reason":"已处理"}""".formatted(reference);
        UUID done = waiting("org.yiyong.funds.PaymentRequests.on(org.yiyong.shared.PaymentWithdrawn)",
                "org.yiyong.shared.PaymentWithdrawn", doneEvent, Instant.parse("2026-11-03T02:00:00Z"));

        try (Connection connection = dataSource.getConnection()) {
            assertThat(V32__event_publications_follow_moved_types.convert(connection)).isEqualTo(4);
        }

        PaymentSource source = PaymentSource.of("HONOURS", "reward", recordId);
        assertThat(read(requested, PaymentRequested.class)).isEqualTo(new PaymentRequested(source, "350582",
                PaymentPurpose.REWARD, 7L, null, "施建成", Money.of("8500.50"), "奖金", "泉见证〔2026〕0003号",
                "city-staff", LocalDate.of(2026, 11, 2)));
        assertThat(read(settled, PaymentSettled.class)).isEqualTo(new PaymentSettled(source, orderId, orderNumber,
                Money.of("8500.50"), LocalDate.of(2026, 11, 20), "95588-1"));
        assertThat(read(returned, PaymentReturned.class)).isEqualTo(new PaymentReturned(source, orderId,
                orderNumber, Money.of("8500.50"), "账户已销户"));
        assertThat(read(withdrawn, PaymentWithdrawn.class)).isEqualTo(new PaymentWithdrawn(source, "撤销表彰"));
        assertThat(column(requested, "listener_id"))
                .isEqualTo("org.yiyong.funds.internal.PaymentRequests.on(org.yiyong.funds.PaymentRequested)");
        assertThat(column(settled, "listener_id"))
                .isEqualTo("org.yiyong.honours.internal.RewardPayments.on(org.yiyong.funds.PaymentSettled)");

        assertThat(List.of(column(done, "event_type"), column(done, "serialized_event")))
                .containsExactly("org.yiyong.shared.PaymentWithdrawn", doneEvent);
    }

    private UUID waiting(String listener, String type, String event, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date)
                values (:id, :listener, :type, :event, :published, :completed)""")
                .param("id", id).param("listener", listener).param("type", type)
                .param("event", event.replace("\n", ""))
                .param("published", java.sql.Timestamp.from(Instant.parse("2026-11-02T02:00:00Z")))
                .param("completed", completed == null ? null : java.sql.Timestamp.from(completed))
                .update();
        return id;
    }

    private <T> T read(UUID id, Class<T> type) {
        return serializer.deserialize(column(id, "serialized_event"), type);
    }

    private String column(UUID id, String column) {
        return jdbc.sql("select " + column + " from event_publication where id = :id").param("id", id)
                .query(String.class).single();
    }
}

package org.yiyong.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.FullStackTest;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.MessageGateway;
import org.yiyong.notifications.NotificationProperties;
import org.yiyong.notifications.Notifications;

/**
 * Messages are made once per event, whoever makes them and however often; an address gets at most the
 * daily limit; a refused message is retried with back-off and then failed with the provider's words; two
 * senders never send one message twice.
 */
class NotificationsTests extends FullStackTest {

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationProperties properties;

    @Autowired
    LockingTaskExecutor locks;

    private OutboundSender sender(MessageGateway gateway) {
        return new OutboundSender(jdbc, gateway, properties, locks, clock);
    }

    private Map<String, Object> message(String key) {
        return jdbc.sql("select status, attempts, next_attempt_at, last_error from outbound_message where event_key = :k")
                .param("k", key).query().singleRow();
    }

    @Test
    void one_event_makes_one_message_even_when_made_twice_or_at_the_same_time() throws Exception {
        String key = unique("lead-accepted:");
        assertThat(notifications.notify("jinjiang-staff", "test", "线索已受理", null, "/leads", key)).isTrue();
        assertThat(notifications.notify("jinjiang-staff", "test", "线索已受理", null, "/leads", key)).isFalse();
        String sms = unique("sms:");
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Notifications.Outcome>> made = List.of(two.submit(() -> {
            start.await();
            return notifications.send(Channel.SMS, null, "13800000001", "决定已作出", "您举报的事迹已作出决定。", sms);
        }), two.submit(() -> {
            start.await();
            return notifications.send(Channel.SMS, null, "13800000001", "决定已作出", "您举报的事迹已作出决定。", sms);
        }));
        start.countDown();
        assertThat(List.of(made.get(0).get(), made.get(1).get())).containsExactlyInAnyOrder(
                Notifications.Outcome.QUEUED, Notifications.Outcome.ALREADY);
        two.shutdown();
        assertThat(jdbc.sql("select count(*) from notification where event_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbound_message where event_key = :k").param("k", sms)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_address_gets_at_most_the_daily_limit_and_the_rest_are_kept_as_skipped() {
        String address = "1390000" + String.format("%04d", (int) (Math.random() * 10000));
        for (int i = 0; i < properties.dailyLimit(); i++) {
            assertThat(notifications.send(Channel.SMS, null, address, "提醒", "内容 " + i, unique("limit:")))
                    .isEqualTo(Notifications.Outcome.QUEUED);
        }
        String over = unique("limit:");
        assertThat(notifications.send(Channel.SMS, null, address, "提醒", "再一条", over))
                .isEqualTo(Notifications.Outcome.OVER_LIMIT);
        assertThat(message(over).get("status")).isEqualTo("SKIPPED");
    }

    @Test
    void a_refused_message_is_retried_after_1_2_4_8_minutes_and_then_failed_with_the_reason() {
        String key = unique("retry:");
        notifications.send(Channel.EMAIL, "city-staff", "wanglihua@example.cn", "今日待办", "3 项", key);
        OutboundSender refusing = sender((channel, address, subject, body) -> {
            throw new MessageGateway.GatewayFailure("mailbox unavailable");
        });
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            Instant before = clock.instant();
            refusing.sendDue();
            Map<String, Object> after = message(key);
            assertThat(((Number) after.get("attempts")).intValue()).isEqualTo(attempt);
            if (attempt < properties.maxAttempts()) {
                assertThat(after.get("status")).isEqualTo("PENDING");
                Instant next = jdbc.sql("select next_attempt_at from outbound_message where event_key = :k")
                        .param("k", key).query(java.sql.Timestamp.class).single().toInstant();
                Duration wait = Duration.between(before, next);
                Duration expected = Duration.ofMinutes((long) properties.firstRetryMinutes() << (attempt - 1));
                assertThat(wait).isBetween(expected, expected.plusSeconds(1));
                refusing.sendDue();
                assertThat(((Number) message(key).get("attempts")).intValue()).as("not before its time").isEqualTo(attempt);
                clock.advance(wait);
            }
        }
        assertThat(message(key).get("status")).isEqualTo("FAILED");
        assertThat(message(key).get("last_error")).isEqualTo("mailbox unavailable");
    }

    @Test
    void two_senders_at_once_send_a_message_once() throws Exception {
        String key = unique("twice:");
        notifications.send(Channel.SMS, null, "13700000002", "奖励已发放", "奖励金已汇出。", key);
        AtomicInteger calls = new AtomicInteger();
        MessageGateway slow = (channel, address, subject, body) -> {
            if (subject.equals("奖励已发放") && address.equals("13700000002")) {
                calls.incrementAndGet();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = List.of(two.submit(() -> {
            start.await();
            return sender(slow).sendDue();
        }), two.submit(() -> {
            start.await();
            return sender(slow).sendDue();
        }));
        start.countDown();
        runs.get(0).get();
        runs.get(1).get();
        two.shutdown();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(message(key).get("status")).isEqualTo("SENT");
    }

    @Test
    void the_system_administrator_sees_a_failed_message_with_the_reason_and_sends_it_again() throws Exception {
        String key = unique("failed:");
        notifications.send(Channel.SMS, null, "13600001234", "奖励已发放", "奖励金已汇出。", key);
        long id = jdbc.sql("select id from outbound_message where event_key = :k").param("k", key).query(Long.class)
                .single();
        jdbc.sql("update outbound_message set status = 'FAILED', attempts = 5, last_error = 'isv.MOBILE_NUMBER_ILLEGAL' where id = :id")
                .param("id", id).update();

        String page = mvc.perform(get("/messages/outbound").param("status", "FAILED").with(as("sysadmin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"outbound-" + id + "\"", "136****1234", "isv.MOBILE_NUMBER_ILLEGAL", "发送失败")
                .doesNotContain("13600001234");
        assertThat(mvc.perform(get("/messages/outbound").with(as("sysadmin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).as("every status").contains("id=\"outbound-" + id + "\"");
        mvc.perform(get("/messages/outbound").with(as("city-staff"))).andExpect(status().isForbidden());
        mvc.perform(post("/messages/outbound/{id}/retry", id).with(as("city-staff")).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/messages/outbound/{id}/retry", id).with(as("sysadmin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(message(key)).containsEntry("status", "PENDING");
        assertThat(((Number) message(key).get("attempts")).intValue()).isZero();
        assertThat(auditedActions("sysadmin", "OutboundMessage", id)).containsExactly("UPDATE");
        mvc.perform(post("/api/v1/outbound-messages/{id}/retry", id).with(as("sysadmin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("只有发送失败的消息才能重新发送。"));
        mvc.perform(get("/api/v1/outbound-messages").param("status", "PENDING").with(as("sysadmin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].address").exists());
    }
}

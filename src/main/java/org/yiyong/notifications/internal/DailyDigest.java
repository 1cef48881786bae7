package org.yiyong.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.yiyong.identity.SignedIn;
import org.yiyong.identity.Users;
import org.yiyong.notifications.Notifications;
import org.yiyong.reporting.ToDo;

/**
 * Each morning, one message to each person with something to do: how many tasks wait and how many are
 * overdue, the first few named — a digest, not a message per task. Made once a day per person, whatever
 * the number of nodes or runs.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final String LOCK = "daily-digest";
    private static final int NAMED = 5;

    private final Users users;
    private final UserDetailsService accounts;
    private final ToDo toDo;
    private final Notifications notifications;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    DailyDigest(Users users, UserDetailsService accounts, ToDo toDo, Notifications notifications,
            LockingTaskExecutor locks, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.toDo = toDo;
        this.notifications = notifications;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${yiyong.notifications.digest:0 0 8 * * *}", zone = "${yiyong.zone:Asia/Shanghai}")
    public void morning() {
        locks.executeWithLock((Runnable) this::send,
                new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(30), Duration.ofMinutes(10)));
    }

    /** Makes today's digest of everyone who has tasks; answers how many were made now. */
    public int send() {
        LocalDate today = LocalDate.now(clock);
        int made = 0;
        // the digest is written in the staff's language, whatever the scheduler thread's default
        java.util.Locale previous = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
        for (String username : users.enabled()) {
            try {
                List<ToDo.Item> tasks = SignedIn.as(accounts.loadUserByUsername(username), toDo::of);
                if (tasks.isEmpty()) {
                    continue;
                }
                long overdue = tasks.stream().filter(ToDo.Item::overdue).count();
                String subject = overdue > 0 ? "今日待办 " + tasks.size() + " 项，其中逾期 " + overdue + " 项"
                        : "今日待办 " + tasks.size() + " 项";
                String body = tasks.stream().limit(NAMED)
                        .map(task -> task.label() + (task.reference() == null ? "" : " " + task.reference())
                                + (task.overdue() ? "（已逾期 " + task.daysOverdue() + " 天）" : ""))
                        .collect(Collectors.joining("；"))
                        + (tasks.size() > NAMED ? "；等" : "");
                if (notifications.notify(username, "digest", subject, body, "/tasks",
                        "digest:" + username + ":" + today)) {
                    made++;
                }
            } catch (RuntimeException oneUser) {
                log.warn("Daily digest of {} not made", username, oneUser);
            }
        }
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(previous);
        }
        return made;
    }
}

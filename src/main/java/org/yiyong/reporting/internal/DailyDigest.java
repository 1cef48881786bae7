package org.yiyong.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.yiyong.identity.SignedIn;
import org.yiyong.identity.Users;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.NotificationProperties;
import org.yiyong.notifications.Notifications;
import org.yiyong.reporting.ToDo;

/**
 * Each morning, one message to each person with something to do: how many tasks wait, how many are
 * overdue, how many fall due within the warning days and how many are new since yesterday, the first few
 * named — a digest, not a message per task. It goes to the person's message centre and, if they chose so on
 * their contact page, by e-mail or SMS too. Made once a day per person and channel, whatever the number of
 * nodes or runs.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final String LOCK = "daily-digest";
    private static final int NAMED = 5;
    /** Staff read Yiyong in Chinese, whatever the scheduler thread's default. */
    private static final Locale STAFF = Locale.SIMPLIFIED_CHINESE;

    private final Users users;
    private final UserDetailsService accounts;
    private final ToDo toDo;
    private final Notifications notifications;
    private final NotificationProperties properties;
    private final MessageSource messages;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    DailyDigest(Users users, UserDetailsService accounts, ToDo toDo, Notifications notifications,
            NotificationProperties properties, MessageSource messages, LockingTaskExecutor locks, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.toDo = toDo;
        this.notifications = notifications;
        this.properties = properties;
        this.messages = messages;
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
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(STAFF);
        try {
            for (String username : users.enabled()) {
                try {
                    if (digest(username, today)) {
                        made++;
                    }
                } catch (RuntimeException oneUser) {
                    log.warn("Daily digest of {} not made", username, oneUser);
                }
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        return made;
    }

    private boolean digest(String username, LocalDate today) {
        List<ToDo.Item> tasks = SignedIn.as(accounts.loadUserByUsername(username), toDo::of);
        if (tasks.isEmpty()) {
            return false;
        }
        long overdue = tasks.stream().filter(ToDo.Item::overdue).count();
        LocalDate warnUntil = today.plusDays(properties.warnDays());
        long dueSoon = tasks.stream()
                .filter(task -> task.due() != null && !task.due().isBefore(today) && !task.due().isAfter(warnUntil))
                .count();
        long fresh = tasks.stream().filter(task -> task.since() != null && !task.since().isBefore(today.minusDays(1)))
                .count();
        String subject = text("digest.subject", tasks.size(), overdue, dueSoon, properties.warnDays(), fresh);
        String body = tasks.stream().limit(NAMED).map(this::line).collect(Collectors.joining(text("digest.separator")))
                + (tasks.size() > NAMED ? text("digest.more", tasks.size() - NAMED) : "");
        boolean made = notifications.notify(username, "digest", subject, body, "/tasks",
                "digest:" + username + ":" + today);
        users.contactOf(username).ifPresent(contact -> {
            String link = properties.publicUrl().replaceAll("/+$", "") + "/tasks";
            if (contact.digestByEmail() && contact.email() != null) {
                notifications.send(Channel.EMAIL, username, contact.email(), subject,
                        text("digest.email", body, link), "digest-email:" + username + ":" + today);
            }
            if (contact.digestBySms() && contact.mobile() != null) {
                notifications.send(Channel.SMS, username, contact.mobile(), subject, text("digest.sms", subject, link),
                        "digest-sms:" + username + ":" + today);
            }
        });
        return made;
    }

    private String line(ToDo.Item task) {
        String reference = task.reference() == null ? "" : " " + task.reference();
        return task.overdue() ? text("digest.line.overdue", task.label(), reference, task.daysOverdue())
                : task.due() != null ? text("digest.line.due", task.label(), reference, task.due().toString())
                : text("digest.line", task.label(), reference);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, STAFF);
    }
}

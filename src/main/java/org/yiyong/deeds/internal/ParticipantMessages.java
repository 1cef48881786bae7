package org.yiyong.deeds.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.Notifications;

/**
 * Tells the people of a deed who agreed to it (an applicant above all) by SMS when the deed is accepted or
 * not, and when it is decided, with the days to ask for a review — never whom else it concerns or how they
 * fared. Read from the records, so nothing is missed after a restart; each step one message, whatever the
 * number of runs or nodes (its event key); a person is no longer followed once the deed is decided.
 */
@Component
public class ParticipantMessages {

    private static final Logger log = LoggerFactory.getLogger(ParticipantMessages.class);
    private static final String LOCK = "participant-messages";
    /** People are written to in Chinese, the language of their letters. */
    private static final Locale CITIZEN = Locale.SIMPLIFIED_CHINESE;
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final DeadlineProperties rules;
    private final MessageSource messages;
    private final LockingTaskExecutor locks;

    ParticipantMessages(JdbcClient jdbc, Notifications notifications, DeadlineProperties rules, MessageSource messages,
            LockingTaskExecutor locks) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.rules = rules;
        this.messages = messages;
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "${yiyong.notifications.reporters-every:PT5M}")
    public void followUpOnOneNode() {
        locks.executeWithLock((Runnable) this::followUp,
                new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(10), Duration.ZERO));
    }

    private record Followed(long participantId, String phone, String deedNumber, DeedStatus status,
            LocalDate acceptedOn, LocalDate decidedOn) {
    }

    /** Makes the messages of every step reached since the last run; answers how many were queued now. */
    public int followUp() {
        int queued = 0;
        long after = 0;
        List<Followed> batch;
        do {
            batch = jdbc.sql("""
                    select p.id, p.phone, d.number, d.status, d.accepted_on, d.decided_on
                    from deed_participant p join deed d on d.id = p.deed_id
                    where p.sms_followed = true and p.id > :after order by p.id fetch first :batch rows only""")
                    .param("after", after).param("batch", BATCH)
                    .query((rs, row) -> new Followed(rs.getLong("id"), rs.getString("phone"), rs.getString("number"),
                            DeedStatus.valueOf(rs.getString("status")), rs.getObject("accepted_on", LocalDate.class),
                            rs.getObject("decided_on", LocalDate.class)))
                    .list();
            for (Followed person : batch) {
                after = person.participantId();
                try {
                    queued += followUp(person);
                } catch (RuntimeException onePerson) {
                    log.warn("Messages of deed participant {} not made", person.participantId(), onePerson);
                }
            }
        } while (batch.size() == BATCH);
        return queued;
    }

    private int followUp(Followed person) {
        if (person.phone() == null) {
            stop(person);
            return 0;
        }
        if (person.status() == DeedStatus.NOT_ACCEPTED) {
            int made = send(person, "not-accepted");
            stop(person);
            return made;
        }
        int made = person.acceptedOn() == null ? 0 : send(person, "accepted", person.acceptedOn().toString());
        if (person.decidedOn() != null) {
            made += send(person, "decided", person.decidedOn().toString(), rules.reviewDays());
            stop(person);
        }
        return made;
    }

    private int send(Followed person, String step, Object... details) {
        Object[] arguments = new Object[details.length + 1];
        arguments[0] = person.deedNumber();
        System.arraycopy(details, 0, arguments, 1, details.length);
        String subject = messages.getMessage("deed.sms." + step + ".subject", null, CITIZEN);
        String body = messages.getMessage("deed.sms." + step, arguments, CITIZEN);
        return notifications.send(Channel.SMS, null, person.phone(), subject, body,
                "participant:" + person.participantId() + ":" + step) == Notifications.Outcome.QUEUED ? 1 : 0;
    }

    private void stop(Followed person) {
        jdbc.sql("update deed_participant set sms_followed = false where id = :id")
                .param("id", person.participantId()).update();
    }
}

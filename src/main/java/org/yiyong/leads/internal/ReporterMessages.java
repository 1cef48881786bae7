package org.yiyong.leads.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyong.deeds.DeedProgress;
import org.yiyong.deeds.DeedProgress.Progress;
import org.yiyong.deeds.DeedProgress.Stage;
import org.yiyong.honours.HonourProgress;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.NotificationProperties;
import org.yiyong.notifications.Notifications;

/**
 * Tells a reporter who left a mobile number and agreed to it how their lead goes on, by SMS: not taken up
 * (with the reason), accepted (受理), not accepted, decided (confirmed or not, and the days to ask for a
 * review), and the reward sent. The steps are read from the records, as the tracking page shows them, so
 * nothing is missed after a restart; each step is one message, whatever the number of runs or nodes (its
 * event key), and the lead is no longer followed after its last step or two years after it came.
 */
@Component
public class ReporterMessages {

    private static final Logger log = LoggerFactory.getLogger(ReporterMessages.class);
    private static final String LOCK = "reporter-messages";
    /** Citizens are written to in Chinese, the language of the form. */
    private static final Locale CITIZEN = Locale.SIMPLIFIED_CHINESE;
    private static final int FOLLOWED_YEARS = 2;

    /** The steps a reporter is told of; each a message key under {@code lead.sms.}. */
    enum Step {
        REJECTED, ACCEPTED, NOT_ACCEPTED, CONFIRMED, NOT_CONFIRMED, REWARD_PAID;

        String key() {
            return "lead.sms." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Leads leads;
    private final DeedProgress deeds;
    private final HonourProgress honours;
    private final Notifications notifications;
    private final NotificationProperties properties;
    private final MessageSource messages;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    ReporterMessages(Leads leads, DeedProgress deeds, HonourProgress honours, Notifications notifications,
            NotificationProperties properties, MessageSource messages, LockingTaskExecutor locks, Clock clock) {
        this.leads = leads;
        this.deeds = deeds;
        this.honours = honours;
        this.notifications = notifications;
        this.properties = properties;
        this.messages = messages;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yiyong.notifications.reporters-every:PT5M}")
    public void followUpOnOneNode() {
        locks.executeWithLock((Runnable) this::followUp,
                new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(10), Duration.ZERO));
    }

    /** Makes the messages of every step reached since the last run; answers how many were queued now. */
    public int followUp() {
        int queued = 0;
        long after = 0;
        List<Lead> batch;
        do {
            batch = leads.findTop500BySmsFollowedTrueAndIdGreaterThanOrderByIdAsc(after);
            for (Lead lead : batch) {
                after = lead.getId();
                try {
                    queued += followUp(lead);
                } catch (RuntimeException oneLead) {
                    log.warn("Messages of lead {} not made", lead.getId(), oneLead);
                }
            }
        } while (batch.size() == 500);
        return queued;
    }

    private int followUp(Lead lead) {
        ZoneId zone = clock.getZone();
        LocalDate receivedOn = lead.getReceivedAt().atZone(zone).toLocalDate();
        boolean tooOld = receivedOn.plusYears(FOLLOWED_YEARS).isBefore(LocalDate.now(clock));
        if (lead.getReporterPhone() == null || !lead.isSmsConsent()) {
            leads.stopFollowing(lead.getId());
            return 0;
        }
        if (lead.getStatus() == LeadStatus.REJECTED) {
            int made = send(lead, Step.REJECTED, lead.getRejectionReason());
            leads.stopFollowing(lead.getId());
            return made;
        }
        Optional<Progress> progress = lead.getDeedId() == null ? Optional.empty() : deeds.of(lead.getDeedId());
        if (progress.isEmpty()) {
            if (tooOld) {
                leads.stopFollowing(lead.getId());
            }
            return 0;
        }
        Progress deed = progress.get();
        if (deed.stage() == Stage.NOT_ACCEPTED) {
            int made = send(lead, Step.NOT_ACCEPTED);
            leads.stopFollowing(lead.getId());
            return made;
        }
        int made = 0;
        if (deed.acceptedOn() != null) {
            made += send(lead, Step.ACCEPTED);
        }
        boolean last = tooOld;
        if (deed.stage() == Stage.DECIDED) {
            if (deed.confirmed() > 0) {
                made += send(lead, Step.CONFIRMED, deed.reviewDays());
                Optional<LocalDate> paid = honours.rewardPaidOn(lead.getDeedId());
                if (paid.isPresent()) {
                    made += send(lead, Step.REWARD_PAID);
                    last = true;
                }
            } else {
                made += send(lead, Step.NOT_CONFIRMED, deed.reviewDays());
                last = true;
            }
        }
        if (last) {
            leads.stopFollowing(lead.getId());
        }
        return made;
    }

    /** Queues the step's message once; answers 1 when it was queued now. */
    private int send(Lead lead, Step step, Object... details) {
        String link = properties.publicUrl().replaceAll("/+$", "") + "/public/leads/status?code="
                + URLEncoder.encode(lead.getTrackingCode(), StandardCharsets.UTF_8);
        Object[] arguments = new Object[details.length + 2];
        arguments[0] = lead.getTrackingCode();
        arguments[1] = link;
        System.arraycopy(details, 0, arguments, 2, details.length);
        String subject = messages.getMessage(step.key() + ".subject", null, CITIZEN);
        String body = messages.getMessage(step.key(), arguments, CITIZEN);
        return notifications.send(Channel.SMS, null, lead.getReporterPhone(), subject, body,
                "lead:" + lead.getId() + ":" + step.name()) == Notifications.Outcome.QUEUED ? 1 : 0;
    }
}

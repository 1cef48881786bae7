package org.yiyong.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Task;
import org.yiyong.identity.TaskSource;
import org.yiyong.organization.Regions;

/**
 * The to-do list (待办) of a person: every module's tasks for them together, the overdue first, then by
 * due date and by how long they have waited; and the done list (已办): what they changed in the last 30
 * days, from the audit trail.
 */
@Service
public class ToDo {

    /** How far back the done list reaches. */
    public static final int DONE_DAYS = 30;

    /** Where a kind of record is seen, for the done list's links. */
    private static final Map<String, String> PAGES = Map.ofEntries(Map.entry("Deed", "/deeds/"),
            Map.entry("Lead", "/leads/"), Map.entry("PaymentOrder", "/payment-orders/"),
            Map.entry("Campaign", "/campaigns/"), Map.entry("StudentAidApplication", "/student-aid/applications/"),
            Map.entry("HonourRound", "/honour-rounds/"), Map.entry("AnnualReport", "/annual-reports/"),
            Map.entry("AssistanceCase", "/assistance-cases/"), Map.entry("Visit", "/visits/"),
            Map.entry("Samaritan", "/samaritans/"), Map.entry("Organization", "/organizations/"));

    private final List<TaskSource> sources;
    private final AuditTrail audit;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;

    ToDo(List<TaskSource> sources, AuditTrail audit, Regions regions, MessageSource messages, Clock clock) {
        this.sources = List.copyOf(sources);
        this.audit = audit;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    /** A task as the list shows it: what to do in words, the region's name, and how many days it is late. */
    public record Item(String kind, String label, String reference, String title, String regionCode,
            String regionName, String path, LocalDate since, LocalDate due, long daysOverdue) {

        public boolean overdue() {
            return daysOverdue > 0;
        }
    }

    /** Everything waiting for this user now. */
    public List<Item> of(CurrentUser me) {
        LocalDate today = LocalDate.now(clock);
        Locale locale = LocaleContextHolder.getLocale();
        List<Item> items = new ArrayList<>();
        for (TaskSource source : sources) {
            for (Task task : source.tasksFor(me)) {
                items.add(new Item(task.kind(), label(task.kind(), locale), task.reference(), task.title(), task.regionCode(),
                        task.regionCode() == null ? null : regions.nameOf(task.regionCode()), task.path(), task.since(),
                        task.due(), task.overdueOn(today) ? ChronoUnit.DAYS.between(task.due(), today) : 0));
            }
        }
        items.sort(Comparator.comparing((Item item) -> !item.overdue())
                .thenComparing(Item::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::since, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::kind));
        return items;
    }

    /** What to do in words: the task's own message, or for care's reminders theirs. */
    private String label(String kind, Locale locale) {
        String label = messages.getMessage("task.kind." + kind, null, null, locale);
        if (label == null && kind.startsWith("care.")) {
            label = messages.getMessage("reminder." + kind.substring(5), null, null, locale);
        }
        return label == null ? kind : label;
    }

    /** A change the user made, with the page of its record when it has one. */
    public record DoneItem(LocalDateTime at, String action, String entityType, String entityId, String detail,
            String path) {
    }

    /** What this user changed in the last {@link #DONE_DAYS} days, newest first (at most 200). */
    public List<DoneItem> done(CurrentUser me) {
        return audit.doneBy(me.username(), clock.instant().minus(Duration.ofDays(DONE_DAYS)), 200).stream()
                .map(done -> new DoneItem(LocalDateTime.ofInstant(done.at(), clock.getZone()), done.action().name(),
                        done.entityType(), done.entityId(), done.detail(),
                        !done.removed() && PAGES.containsKey(done.entityType()) && done.entityId() != null
                                && done.entityId().chars().allMatch(Character::isDigit)
                                ? PAGES.get(done.entityType()) + done.entityId() : null))
                .toList();
    }
}

package org.yiyong.deeds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.deeds.internal.DecisionClock;
import org.yiyong.deeds.internal.Deeds;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;

/**
 * Which accepted deeds are overdue or due soon, within a data scope: the list each county works from
 * and the workbench shows. The due date follows the installation's rule and holiday calendar.
 */
@Service
@Transactional(readOnly = true)
public class DeadlineWatch {

    /** Deeds due within this many days count as due soon. */
    public static final int DUE_SOON_DAYS = 7;

    private static final List<String> CLOCK_RUNNING = List.of(DeedStatus.ACCEPTED.name(),
            DeedStatus.INVESTIGATING.name(), DeedStatus.UNDER_REVIEW.name(), DeedStatus.IN_NOTICE.name(), DeedStatus.NOTICE_CLOSED.name(),
            DeedStatus.HEARING.name());

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Clock clock;
    private final Regions regions;

    DeadlineWatch(JdbcClient jdbc, Deadlines deadlines, Clock clock, Regions regions) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
        this.regions = regions;
    }

    /** A deed whose decision is due: overdue when {@code daysLeft} is negative. */
    public record DueDeed(long id, String number, String regionName, String title, DeedStatus status,
            LocalDate dueDate, long daysLeft) {

        public boolean overdue() {
            return daysLeft < 0;
        }
    }

    /** Overdue and due-soon deeds in the scope, the most urgent first. */
    public List<DueDeed> dueSoonOrOverdue(DataScope scope) {
        List<DueDeed> due = new ArrayList<>(running(scope).stream().filter(deed -> deed.daysLeft() <= DUE_SOON_DAYS)
                .toList());
        due.sort(Comparator.comparing(DueDeed::dueDate).thenComparing(DueDeed::number));
        return due;
    }

    /**
     * Every deed of the scope whose decision clock runs, with its due date; a deed waiting for documents
     * (clock stopped, due date not known yet) is left out.
     */
    public List<DueDeed> running(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar calendar = deadlines.calendar();
        List<DueDeed> due = new ArrayList<>();
        record Running(long id, String number, String regionName, String title, DeedStatus status,
                LocalDate acceptedOn, int extensionDays) {
        }
        List<Running> running = jdbc.sql("""
                select d.id, d.number, d.region_code, d.title, d.status, d.accepted_on, d.extension_days
                from deed d
                where d.region_code in (:scope) and d.status in (:running) and d.accepted_on is not null""")
                .param("scope", scope.regionCodes())
                .param("running", CLOCK_RUNNING)
                .query((rs, row) -> new Running(rs.getLong("id"), rs.getString("number"),
                        regions.nameOf(rs.getString("region_code")), rs.getString("title"), DeedStatus.valueOf(rs.getString("status")),
                        rs.getObject("accepted_on", LocalDate.class), rs.getInt("extension_days")))
                .list();
        java.util.Map<Long, List<DecisionClock.Pause>> pauses = new java.util.HashMap<>();
        if (!running.isEmpty()) {
            // the same deeds by the same conditions, joined rather than listed: a province has more running
            // deeds than a statement may carry parameters
            jdbc.sql("""
                    select p.deed_id, p.paused_on, p.resumed_on from deed_pause p join deed d on d.id = p.deed_id
                    where d.region_code in (:scope) and d.status in (:running) and d.accepted_on is not null
                    order by p.id""")
                    .param("scope", scope.regionCodes())
                    .param("running", CLOCK_RUNNING)
                    .query((rs, row) -> java.util.Map.entry(rs.getLong("deed_id"), new DecisionClock.Pause(
                            rs.getObject("paused_on", LocalDate.class),
                            java.util.Optional.ofNullable(rs.getObject("resumed_on", LocalDate.class)))))
                    .list()
                    .forEach(entry -> pauses.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                            .add(entry.getValue()));
        }
        for (Running deed : running) {
            DecisionClock.restore(deed.acceptedOn(), deed.extensionDays(), pauses.getOrDefault(deed.id(), List.of()))
                    .dueDate(deadlines.rule(), calendar).ifPresent(dueDate -> due.add(new DueDeed(deed.id(),
                            deed.number(), deed.regionName(), deed.title(), deed.status(), dueDate,
                            ChronoUnit.DAYS.between(today, dueDate))));
        }
        return due;
    }
}

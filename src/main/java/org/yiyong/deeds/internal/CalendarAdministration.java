package org.yiyong.deeds.internal;

import org.yiyong.shared.Inputs;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/**
 * Keeps the holiday table that working-day deadlines count on. Each autumn the State Council
 * announces the next year's holidays; the system administrator enters them here.
 */
@Service
public class CalendarAdministration {

    static final String ENTITY = "CalendarDay";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CalendarAdministration(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> year(int year) {
        return jdbc.sql("""
                select calendar_date, kind, name from calendar_day
                where calendar_date >= :from and calendar_date < :to order by calendar_date""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, row) -> new CalendarDay(rs.getObject("calendar_date", LocalDate.class),
                        CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void add(CalendarDay day) {
        Inputs.required("date", day.date());
        Inputs.required("kind", day.kind());
        String name = day.name() == null ? "" : day.name().trim();
        if (name.isEmpty()) {
            throw new InvalidField("name", "validation.required");
        }
        if (name.length() > 40) {
            throw new InvalidField("name", "validation.too-long");
        }
        boolean exists = jdbc.sql("select count(*) from calendar_day where calendar_date = :date")
                .param("date", day.date()).query(Long.class).single() > 0;
        if (exists) {
            throw new InvalidField("date", "calendar.day.exists");
        }
        jdbc.sql("insert into calendar_day (calendar_date, kind, name) values (:date, :kind, :name)")
                .param("date", day.date())
                .param("kind", day.kind().name())
                .param("name", name)
                .update();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, day.date())
                .withChanges(Changes.created(Changes.snapshot("kind", day.kind(), "name", name))));
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void remove(LocalDate date) {
        List<CalendarDay> found = jdbc.sql("select kind, name from calendar_day where calendar_date = :date")
                .param("date", date)
                .query((rs, row) -> new CalendarDay(date, CalendarDay.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name")))
                .list();
        if (found.isEmpty()) {
            throw new RecordNotFound(ENTITY, date);
        }
        jdbc.sql("delete from calendar_day where calendar_date = :date").param("date", date).update();
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, date)
                .withChanges(Changes.between(Changes.snapshot("kind", found.get(0).kind(), "name",
                        found.get(0).name()), Changes.snapshot("kind", null, "name", null))));
    }
}

package org.yiyong.community;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.deeds.DeedLookup;
import org.yiyong.deeds.DeedSummary;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;

/**
 * Awareness activities (宣传活动) — the 1 September awareness day, the "七进" outreach — with who held them,
 * where, when and for how many people; and the media reports about the work (outlet, its kind and level, day,
 * link), each about an activity or on its own, and about a deed when it is named.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class Awareness {

    /** The owner type of an event's photos (files module), also the audited entity name. */
    public static final String EVENT = "AwarenessEvent";
    static final String REPORT = "MediaReport";

    private final JdbcClient jdbc;
    private final Volunteering volunteering;
    private final OrganizationLookup organizations;
    private final AuditTrail audit;
    private final Clock clock;
    private final DeedLookup deeds;

    Awareness(JdbcClient jdbc, Volunteering volunteering, OrganizationLookup organizations, AuditTrail audit,
            Clock clock, DeedLookup deeds) {
        this.deeds = deeds;
        this.jdbc = jdbc;
        this.volunteering = volunteering;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    public record Event(long id, String regionCode, long organizationId, String organizationName, AwarenessKind kind,
            Outreach outreach, String title, String theme, String place, LocalDate heldOn, Integer audience,
            long reports) {
    }

    public record NewEvent(Long organizationId, AwarenessKind kind, Outreach outreach, String title, String theme,
            String place, LocalDate heldOn, Integer audience) {
    }

    public record Report(long id, String regionCode, Long eventId, String outlet, MediaLevel level, String title,
            LocalDate publishedOn, String link, Medium medium, Long deedId, String deedNumber) {
    }

    /**
     * A media report to record: about an activity or, without one, in a county; carried by a kind of outlet
     * (a newspaper when not said); about a deed when its number is given.
     */
    public record NewReport(Long eventId, String regionCode, String outlet, MediaLevel level, String title,
            LocalDate publishedOn, String link, Medium medium, String deedNumber) {
    }

    public List<Event> events(CurrentUser me) {
        return named(jdbc.sql(EVENT_SELECT + " where e.region_code in (:scope) order by e.held_on desc, e.id desc")
                .param("scope", me.scope().regionCodes()).query(this::event).list());
    }

    public Event event(CurrentUser me, long id) {
        Event event = ScopedLookup.inScope(audit, EVENT, id, jdbc.sql(EVENT_SELECT
                        + " where e.id = :id and e.region_code in (:scope)").param("id", id)
                .param("scope", me.scope().regionCodes()).query(this::event).optional(),
                eventId -> jdbc.sql("select count(*) from awareness_event where id = :id").param("id", eventId)
                        .query(Long.class).single() > 0);
        return named(List.of(event)).get(0);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Event create(CurrentUser me, NewEvent event) {
        Inputs.required("organizationId", event.organizationId());
        OrganizationLookup.Carer host = volunteering.hosts(me).stream()
                .filter(carer -> carer.id() == event.organizationId()).findFirst()
                .orElseThrow(() -> new InvalidField("organizationId", "volunteer.team.host-invalid"));
        Inputs.required("kind", event.kind());
        if (event.kind() == AwarenessKind.OUTREACH && event.outreach() == null) {
            throw new InvalidField("outreach", "awareness.outreach.required");
        }
        String title = Inputs.text("title", event.title(), 120, true);
        String theme = Inputs.text("theme", event.theme(), 120, false);
        String place = Inputs.text("place", event.place(), 200, true);
        LocalDate heldOn = Inputs.date("heldOn", Inputs.required("heldOn", event.heldOn()), Inputs.EARLIEST,
                LocalDate.now(clock));
        if (event.audience() != null && (event.audience() < 0 || event.audience() > 10_000_000)) {
            throw new InvalidField("audience", "awareness.audience.range");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("region", host.regionCode());
        values.put("organization", host.id());
        values.put("kind", event.kind().name());
        values.put("outreach", event.kind() == AwarenessKind.OUTREACH ? event.outreach().name() : null);
        values.put("title", title);
        values.put("theme", theme);
        values.put("place", place);
        values.put("held", heldOn);
        values.put("audience", event.audience());
        values.put("by", me.username());
        values.put("at", Timestamp.from(clock.instant()));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into awareness_event (region_code, organization_id, kind, outreach, title, theme, place, held_on,
                    audience, created_by, created_at)
                values (:region, :organization, :kind, :outreach, :title, :theme, :place, :held, :audience, :by, :at)""")
                .params(values).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, EVENT, id).withDetail(title + " on " + heldOn));
        return event(me, id);
    }

    public List<Report> reports(CurrentUser me) {
        return jdbc.sql(REPORT_SELECT + " where region_code in (:scope) order by published_on desc, id desc")
                .param("scope", me.scope().regionCodes()).query(this::report).list();
    }

    public List<Report> reportsAbout(CurrentUser me, long eventId) {
        event(me, eventId);
        return jdbc.sql(REPORT_SELECT + " where event_id = :id order by published_on, id").param("id", eventId)
                .query(this::report).list();
    }

    /**
     * Records a media report: about an activity of the scope (and in its county), or on its own in a county
     * of the scope. The link, when given, is a web address (http or https).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Report addReport(CurrentUser me, NewReport report) {
        String region;
        if (report.eventId() != null) {
            region = event(me, report.eventId()).regionCode();
        } else {
            Inputs.requiredText("regionCode", report.regionCode());
            region = report.regionCode().trim();
            if (!me.scope().covers(region)) {
                throw new InvalidField("regionCode", "park.region.invalid");
            }
        }
        String outlet = Inputs.text("outlet", report.outlet(), 100, true);
        Inputs.required("level", report.level());
        String title = Inputs.text("title", report.title(), 200, true);
        LocalDate published = Inputs.date("publishedOn", Inputs.required("publishedOn", report.publishedOn()),
                Inputs.EARLIEST, LocalDate.now(clock));
        String link = Inputs.text("link", report.link(), 500, false);
        if (link != null) {
            try {
                URI uri = URI.create(link);
                if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                        || "https".equalsIgnoreCase(uri.getScheme()))) {
                    throw new IllegalArgumentException(link);
                }
            } catch (IllegalArgumentException notALink) {
                throw new InvalidField("link", "awareness.link.invalid");
            }
        }
        DeedSummary deed = null;
        if (report.deedNumber() != null && !report.deedNumber().isBlank()) {
            deed = deeds.byNumber(me.scope(), report.deedNumber())
                    .orElseThrow(() -> new InvalidField("deedNumber", "media.deed.unknown"));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("region", region);
        values.put("event", report.eventId());
        values.put("medium", (report.medium() == null ? Medium.NEWSPAPER : report.medium()).name());
        values.put("deed", deed == null ? null : deed.id());
        values.put("deedNumber", deed == null ? null : deed.number());
        values.put("outlet", outlet);
        values.put("level", report.level().name());
        values.put("title", title);
        values.put("published", published);
        values.put("link", link);
        values.put("by", me.username());
        values.put("at", Timestamp.from(clock.instant()));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into media_report (region_code, event_id, outlet, level, title, published_on, link, medium,
                    deed_id, deed_number, created_by, created_at)
                values (:region, :event, :outlet, :level, :title, :published, :link, :medium, :deed, :deedNumber,
                    :by, :at)""")
                .params(values).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, REPORT, id).withDetail(outlet + "：" + title));
        return jdbc.sql(REPORT_SELECT + " where id = :id").param("id", id).query(this::report).single();
    }

    private List<Event> named(List<Event> events) {
        Map<Long, String> names = organizations.namesOf(events.stream().map(Event::organizationId).toList());
        return events.stream().map(e -> new Event(e.id(), e.regionCode(), e.organizationId(),
                names.get(e.organizationId()), e.kind(), e.outreach(), e.title(), e.theme(), e.place(), e.heldOn(),
                e.audience(), e.reports())).toList();
    }

    private static final String EVENT_SELECT = """
            select e.id, e.region_code, e.organization_id, e.kind, e.outreach, e.title, e.theme, e.place, e.held_on,
                   e.audience, (select count(*) from media_report r where r.event_id = e.id) as reports
            from awareness_event e""";

    private Event event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String outreach = rs.getString("outreach");
        return new Event(rs.getLong("id"), rs.getString("region_code"), rs.getLong("organization_id"), null,
                AwarenessKind.valueOf(rs.getString("kind")), outreach == null ? null : Outreach.valueOf(outreach),
                rs.getString("title"), rs.getString("theme"), rs.getString("place"),
                rs.getObject("held_on", LocalDate.class), (Integer) rs.getObject("audience", Integer.class),
                rs.getLong("reports"));
    }

    private static final String REPORT_SELECT = """
            select id, region_code, event_id, outlet, level, title, published_on, link, medium, deed_id, deed_number
            from media_report""";

    private Report report(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Report(rs.getLong("id"), rs.getString("region_code"), (Long) rs.getObject("event_id", Long.class),
                rs.getString("outlet"), MediaLevel.valueOf(rs.getString("level")), rs.getString("title"),
                rs.getObject("published_on", LocalDate.class), rs.getString("link"),
                Medium.valueOf(rs.getString("medium")), rs.getObject("deed_id", Long.class), rs.getString("deed_number"));
    }
}

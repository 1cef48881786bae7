package org.yiyong.care.internal;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * Which households are due a visit, and when: every household at least as often as the policy says for
 * its categories (by default once a year; households in hardship, disabled or bereaved every quarter),
 * counted from the last visit — a household never visited is due a month after it was registered. A
 * household is looked after by its county's association unless a work station is named. People lost
 * contact with are traced, not scheduled; a samaritan who died without survivors has no household left.
 */
@Service
public class VisitSchedule {

    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')";

    /** Which visits to list. */
    public enum Filter {
        OVERDUE, DUE_SOON, ALL,
        /** the overdue and the soon due together */
        DUE_WITHIN_A_MONTH
    }

    /** A household on the schedule. */
    public record Due(long samaritanId, String number, String name, String regionCode, String regionName,
            String address, Set<HouseholdCategory> categories, int intervalMonths, LocalDate lastVisit,
            LocalDate due, boolean overdue, Long organizationId, String responsible) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Regions regions;
    private final OrganizationLookup organizations;
    private final SamaritanDirectory people;

    VisitSchedule(JdbcClient jdbc, AuditTrail audit, Clock clock, Regions regions, OrganizationLookup organizations,
            SamaritanDirectory people) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organizations = organizations;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    private final AtomicLong changes = new AtomicLong();

    /**
     * How many times the schedule was changed here (a visit recorded, a household assigned, a policy set): what
     * is kept from an earlier reading is read again once this moves on.
     */
    public long changes() {
        return changes.get();
    }

    void changed() {
        changes.incrementAndGet();
    }

    /** The months between visits for each category. */
    @Transactional(readOnly = true)
    public Map<HouseholdCategory, Integer> policies() {
        Map<HouseholdCategory, Integer> policies = new EnumMap<>(HouseholdCategory.class);
        jdbc.sql("select category, interval_months from visit_policy")
                .query((rs, row) -> policies.put(HouseholdCategory.valueOf(rs.getString("category")),
                        rs.getInt("interval_months")))
                .list();
        return policies;
    }

    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public Map<HouseholdCategory, Integer> setPolicy(CurrentUser me, HouseholdCategory category, Integer months) {
        Inputs.required("category", category);
        if (months == null || months < 1 || months > 24) {
            throw new InvalidField("intervalMonths", "visit.policy.range");
        }
        changed();
        Integer before = policies().get(category);
        jdbc.sql("""
                update visit_policy set interval_months = :months, updated_by = :by, updated_at = :at
                where category = :category""")
                .param("months", months).param("by", me.username())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("category", category.name()).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "VisitPolicy", category.name())
                .withDetail("every " + before + " → " + months + " months"));
        return policies();
    }

    /** The households in the caller's scope with their next visit, soonest first: every one of them. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Due> schedule(CurrentUser me, Filter filter) {
        return read(me, filter, null, null, false, Integer.MAX_VALUE, 0).dues();
    }

    /**
     * One page of the households in the caller's scope with their next visit, soonest first, optionally of
     * one name or record number ({@code q}, a part of either). Due dates are computed, filtered, sorted and
     * paginated by the database.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PageResult<Due> page(CurrentUser me, Filter filter, String q, PageRequest page) {
        String query = Inputs.text("q", q, 60, false);
        Read read = read(me, filter, query, null, false, page.size(), page.offset());
        // the page's rows carry the count; a page past the end has none to carry it
        long total = read.dues().isEmpty() && page.offset() > 0 ? count(me, filter, query) : read.total();
        return new PageResult<>(read.dues(), page.page(), page.size(), total);
    }

    /**
     * The first households due, at most {@code limit}: with {@code ownFirst}, those the caller's own
     * organization looks after come before the others.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Due> first(CurrentUser me, Filter filter, int limit, boolean ownFirst) {
        return read(me, filter, null, null, ownFirst, limit, 0).dues();
    }

    /** How many households of the caller's scope the filter holds. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public long count(CurrentUser me, Filter filter) {
        return count(me, filter, null);
    }

    /** The household's place on the schedule. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public java.util.Optional<Due> of(CurrentUser me, long samaritanId) {
        return read(me, Filter.ALL, null, samaritanId, false, 1, 0).dues().stream().findFirst();
    }

    /*
     * Every household of the scope with its interval (the shortest of its categories' policies) and its next
     * visit: the last visit plus the interval, or a month after it was registered. A month is added as
     * LocalDate.plusMonths does (31 January + 1 month = the last day of February) by both databases. The
     * "offset 0" keeps PostgreSQL from copying the last-visit look-ups into every expression that uses them (the
     * filter, the sort and the answer), which ran each of them three times a household.
     */
    private static final String HOUSEHOLDS = """
            select k.*, case when k.last_visit is null then cast(k.registered_on + interval '1' month as date)
                             else cast(k.last_visit + k.interval_months * interval '1' month as date) end as due_on
            from (
              select h.*,
                     cast(least(cast(:pDefault as integer),
                           case when h.status = 'DISABLED' then cast(:pDisabled as integer) else cast(:pDefault as integer) end,
                           case when h.status = 'DECEASED' then cast(:pBereaved as integer) else cast(:pDefault as integer) end,
                           case when h.subsistence > 0 or h.hardship_at_last > 0 then cast(:pHardship as integer) else cast(:pDefault as integer) end)
                          as integer) as interval_months
              from (
                select s.id, s.number, s.name, s.region_code, s.address, s.status, s.subsistence,
                       cast(s.created_at at time zone '%s' as date) as registered_on, a.organization_id,
                       (select max(v.visited_on) from visit v where v.samaritan_id = s.id) as last_visit,
                       (select count(*) from visit v where v.samaritan_id = s.id and v.hardship
                          and v.visited_on = (select max(w.visited_on) from visit w where w.samaritan_id = s.id))
                         as hardship_at_last
                from samaritans_household_view s
                left join visit_assignment a on a.samaritan_id = s.id
                where s.region_code in (:scope) and not s.lost_contact
                  and not (s.status = 'DECEASED' and s.survivors = 0)
                  and (:only < 0 or s.id = :only)
                  and (:q = '' or s.name like :like or s.number like :like)
                offset 0
              ) h
            ) k""";

    private String households() {
        return HOUSEHOLDS.formatted(sqlZone(clock.getZone()));
    }

    /**
     * The zone as both databases read it in {@code at time zone}: a region's name as it is; a whole-hour offset
     * (YIYONG_ZONE=+08:00) as the time-zone database's {@code Etc/GMT-8}, since PostgreSQL would read a bare
     * {@code +08:00} POSIX-style, eight hours west. A zone's name holds letters, digits, '/', '_', '+' and '-'
     * only, never user input.
     */
    static String sqlZone(java.time.ZoneId zone) {
        java.time.ZoneId normal = zone.normalized();
        if (normal instanceof ZoneOffset offset && offset.getTotalSeconds() % 3600 == 0) {
            int hours = offset.getTotalSeconds() / 3600;
            return hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
        }
        return normal.getId().replace("'", "");
    }

    private static String where(Filter filter) {
        return switch (filter == null ? Filter.ALL : filter) {
            case OVERDUE -> " where due_on < :today";
            case DUE_SOON -> " where due_on >= :today and due_on <= :monthAhead";
            case DUE_WITHIN_A_MONTH -> " where due_on <= :monthAhead";
            case ALL -> "";
        };
    }

    private JdbcClient.StatementSpec bind(String sql, CurrentUser me, String q, Long only) {
        Map<HouseholdCategory, Integer> policies = policies();
        LocalDate today = LocalDate.now(clock);
        String query = q == null ? "" : q.strip();
        return jdbc.sql(sql)
                .param("scope", me.scope().regionCodes())
                .param("only", only == null ? -1L : only)
                .param("q", query)
                .param("like", "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("pDefault", policies.getOrDefault(HouseholdCategory.DEFAULT, 12))
                .param("pDisabled", policies.getOrDefault(HouseholdCategory.DISABLED, 12))
                .param("pBereaved", policies.getOrDefault(HouseholdCategory.BEREAVED, 12))
                .param("pHardship", policies.getOrDefault(HouseholdCategory.HARDSHIP, 12))
                .param("today", today)
                .param("monthAhead", today.plusMonths(1))
                .param("org", me.organizationId());
    }

    private long count(CurrentUser me, Filter filter, String q) {
        return bind("select count(*) from (" + households() + ") d" + where(filter), me, q, null)
                .query(Long.class).single();
    }

    /** Households due, and how many the filter holds in all. */
    private record Read(List<Due> dues, long total) {
    }

    private Read read(CurrentUser me, Filter filter, String q, Long only, boolean ownFirst, int limit,
            long offset) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> associations = organizations.activeAssociationsByRegion();
        String sql = "select d.*, count(*) over () as total_rows from (" + households() + ") d" + where(filter)
                + " order by " + (ownFirst ? "case when organization_id = :org then 0 else 1 end, " : "")
                + "due_on, name, id" + (limit == Integer.MAX_VALUE ? "" : " limit :limit offset :offset");
        List<Row> rows = bind(sql, me, q, only)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                        rs.getString("region_code"), rs.getString("address"), rs.getString("status"),
                        rs.getLong("subsistence") > 0 || rs.getLong("hardship_at_last") > 0,
                        rs.getInt("interval_months"), rs.getObject("last_visit", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("organization_id", Long.class),
                        rs.getLong("total_rows")))
                .list();
        Map<Long, String> carers = organizations.namesOf(rows.stream().map(Row::organizationId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Due> dues = rows.stream().map(row -> {
            Set<HouseholdCategory> categories = EnumSet.of(HouseholdCategory.DEFAULT);
            if ("DISABLED".equals(row.status())) {
                categories.add(HouseholdCategory.DISABLED);
            }
            if ("DECEASED".equals(row.status())) {
                categories.add(HouseholdCategory.BEREAVED);
            }
            if (row.hardship()) {
                categories.add(HouseholdCategory.HARDSHIP);
            }
            String regionName = regions.nameOf(row.regionCode());
            String responsible = row.organizationId() != null ? carers.get(row.organizationId())
                    : associations.getOrDefault(row.regionCode(), regionName);
            return new Due(row.id(), row.number(), row.name(), row.regionCode(), regionName, row.address(),
                    categories, row.interval(), row.lastVisit(), row.due(), row.due().isBefore(today),
                    row.organizationId(), responsible);
        }).toList();
        return new Read(dues, rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Row(long id, String number, String name, String regionCode, String address, String status,
            boolean hardship, int interval, LocalDate lastVisit, LocalDate due, Long organizationId, long total) {
    }

    /** Names a work station (or the county association) of the household's county to look after it. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public void assign(CurrentUser me, long samaritanId, Long organizationId) {
        String region = people.findIn(me.scope(), samaritanId).map(SamaritanDirectory.Person::regionCode)
                .orElseThrow(() -> new RecordNotFound("Samaritan", samaritanId));
        Inputs.required("organizationId", organizationId);
        boolean local = organizations.carersIn(region).stream().anyMatch(carer -> carer.id() == organizationId);
        if (!local) {
            throw new InvalidField("organizationId", "visit.assign.not-local");
        }
        changed();
        jdbc.sql("delete from visit_assignment where samaritan_id = :id").param("id", samaritanId).update();
        jdbc.sql("""
                insert into visit_assignment (samaritan_id, organization_id, assigned_by, assigned_at)
                values (:id, :org, :by, :at)""").param("id", samaritanId).param("org", organizationId)
                .param("by", me.username()).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "VisitAssignment", samaritanId)
                .withDetail("looked after by organization " + organizationId));
    }

    /** The associations and stations of a region that can look after its households. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> carersIn(String regionCode) {
        return organizations.carersIn(regionCode).stream().map(carer -> {
            Map<String, Object> row = new org.springframework.util.LinkedCaseInsensitiveMap<>();
            row.put("id", carer.id());
            row.put("name", carer.name());
            return row;
        }).toList();
    }
}

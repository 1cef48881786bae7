package org.yiyong.care.internal;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.Regions;
import org.yiyong.platform.Database;
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
 * <p>
 * Each household's next visit is kept ({@code visit_due}, indexed by region and date) so that a page of a county or
 * a city reads an index: worked out again for a household when a visit is recorded here, when the registry says the
 * household changed ({@link VisitDueKeeper}), for all when a policy changes, and once a night from scratch. A page's
 * households are then worked out afresh from the registry and the visits.
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
    private final Database database;
    private final TransactionTemplate ranges;
    private final ApplicationEventPublisher events;

    VisitSchedule(JdbcClient jdbc, AuditTrail audit, Clock clock, Regions regions, OrganizationLookup organizations,
            SamaritanDirectory people, Database database, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        // each range of a rebuild is a transaction of its own, whatever the caller runs in
        this.ranges = new TransactionTemplate(transactions.getTransactionManager());
        this.ranges.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.database = database;
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
        Integer before = policies().get(category);
        jdbc.sql("""
                update visit_policy set interval_months = :months, updated_by = :by, updated_at = :at
                where category = :category""")
                .param("months", months).param("by", me.username())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("category", category.name()).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "VisitPolicy", category.name())
                .withDetail("every " + before + " → " + months + " months"));
        // every household's due date follows the new interval once it holds: worked out after the commit, in the
        // background (about a minute for a million people), range by range
        events.publishEvent(new VisitPolicyChanged(category.name(), months));
        return policies();
    }

    /**
     * One page of the households in the caller's scope with their next visit, soonest first, optionally of
     * one name or record number ({@code q}, a part of either). The page is read from the kept due dates
     * ({@code visit_due}) by their index; its households are then worked out afresh.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PageResult<Due> page(CurrentUser me, Filter filter, String q, PageRequest page) {
        String query = Inputs.text("q", q, 60, false);
        List<Due> dues = read(me, filter, query, false, page.size(), page.offset());
        return new PageResult<>(dues, page.page(), page.size(), count(me, filter, query));
    }

    /**
     * The first households due, at most {@code limit}: with {@code ownFirst}, those the caller's own
     * organization looks after come before the others.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Due> first(CurrentUser me, Filter filter, int limit, boolean ownFirst) {
        return read(me, filter, null, ownFirst, limit, 0);
    }

    /**
     * The households due in the schedule's order, at most {@code limit}, each handed to {@code each} as its part of a
     * thousand is worked out, none kept: for the register file.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public void each(CurrentUser me, Filter filter, int limit, Consumer<Due> each) {
        List<Long> ids = ids(me, filter, null, false, limit, 0);
        for (int from = 0; from < ids.size(); from += PART) {
            details(me, ids.subList(from, Math.min(ids.size(), from + PART))).forEach(each);
        }
    }

    /** How many households of the caller's scope the filter holds. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public long count(CurrentUser me, Filter filter) {
        return count(me, filter, null);
    }

    /** A household of the schedule as kept: who, where and when the next visit is due. */
    public record Kept(long samaritanId, String name, String regionCode, LocalDate due) {
    }

    /** Every household of the caller's scope with its kept due date, soonest first, read from the index alone. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Kept> kept(CurrentUser me) {
        return jdbc.sql("""
                select samaritan_id, name, region_code, due_on from visit_due where region_code in (:scope)
                order by due_on, name, samaritan_id""")
                .param("scope", me.scope().regionCodes())
                .query((rs, n) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Today, as the schedule counts overdue visits. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The household's place on the schedule. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public java.util.Optional<Due> of(CurrentUser me, long samaritanId) {
        return details(me, List.of(samaritanId)).stream().findFirst();
    }

    /*
     * The households that meet a condition on the registry's household view {@code s}, with their interval (the
     * shortest of their categories' policies) and next visit: the last visit plus the interval, or a month after
     * registration. A month is added as LocalDate.plusMonths does (31 January + 1 month = the last day of
     * February) by both databases. The "offset 0" keeps PostgreSQL from copying the last-visit look-ups into
     * every expression that uses them, which ran each of them three times a household. People lost contact with
     * and those who died without survivors are not on the schedule.
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
                where %s and not s.lost_contact and not (s.status = 'DECEASED' and s.survivors = 0)
                offset 0
              ) h
            ) k""";

    private String households(String condition) {
        return HOUSEHOLDS.formatted(sqlZone(clock.getZone()), condition);
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
            case OVERDUE -> " and d.due_on < :today";
            case DUE_SOON -> " and d.due_on >= :today and d.due_on <= :monthAhead";
            case DUE_WITHIN_A_MONTH -> " and d.due_on <= :monthAhead";
            case ALL -> "";
        };
    }

    /** The policies' intervals as the households' query binds them. */
    private JdbcClient.StatementSpec withPolicies(JdbcClient.StatementSpec statement) {
        Map<HouseholdCategory, Integer> policies = policies();
        return statement
                .param("pDefault", policies.getOrDefault(HouseholdCategory.DEFAULT, 12))
                .param("pDisabled", policies.getOrDefault(HouseholdCategory.DISABLED, 12))
                .param("pBereaved", policies.getOrDefault(HouseholdCategory.BEREAVED, 12))
                .param("pHardship", policies.getOrDefault(HouseholdCategory.HARDSHIP, 12));
    }

    /** The kept households of the scope that the filter and the search hold, as a statement to finish. */
    private JdbcClient.StatementSpec kept(String select, CurrentUser me, Filter filter, String q, String tail) {
        String query = q == null ? "" : q.strip();
        LocalDate today = LocalDate.now(clock);
        String sql = select + " from visit_due d"
                + (query.isEmpty() ? "" : " join samaritans_person_view p on p.id = d.samaritan_id")
                + (tail.contains("organization_id") ? " left join visit_assignment a on a.samaritan_id = d.samaritan_id"
                        : "")
                + " where d.region_code in (:scope)" + where(filter)
                + (query.isEmpty() ? "" : " and (lower(p.name) like :like or lower(p.number) like :like)") + tail;
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("scope", me.scope().regionCodes())
                .param("today", today)
                .param("monthAhead", today.plusMonths(1));
        return query.isEmpty() ? statement : statement.param("like",
                "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private long count(CurrentUser me, Filter filter, String q) {
        return kept("select count(*)", me, filter, q, "").query(Long.class).single();
    }

    /** The households of a page: their ids in order from the kept due dates, then each worked out afresh. */
    private List<Due> read(CurrentUser me, Filter filter, String q, boolean ownFirst, int limit, long offset) {
        return details(me, ids(me, filter, q, ownFirst, limit, offset));
    }

    /** The ids of the households the filter holds, in the schedule's order, from the kept due dates. */
    private List<Long> ids(CurrentUser me, Filter filter, String q, boolean ownFirst, int limit, long offset) {
        String order = " order by " + (ownFirst ? "case when a.organization_id = :org then 0 else 1 end, " : "")
                + "d.due_on, d.name, d.samaritan_id limit :limit offset :offset";
        JdbcClient.StatementSpec statement = kept("select d.samaritan_id", me, filter, q, order)
                .param("limit", limit).param("offset", offset);
        if (ownFirst) {
            statement = statement.param("org", me.organizationId());
        }
        return statement.query(Long.class).list();
    }

    /** The households of the caller's scope with these ids, worked out afresh, in the order of the ids. */
    private List<Due> details(CurrentUser me, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, String> associations = organizations.activeAssociationsByRegion();
        Map<Long, Row> rows = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += PART) {
            withPolicies(jdbc.sql(households("s.region_code in (:scope) and s.id in (:ids)")))
                    .param("scope", me.scope().regionCodes())
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + PART)))
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                            rs.getString("region_code"), rs.getString("address"), rs.getString("status"),
                            rs.getLong("subsistence") > 0 || rs.getLong("hardship_at_last") > 0,
                            rs.getInt("interval_months"), rs.getObject("last_visit", LocalDate.class),
                            rs.getObject("due_on", LocalDate.class), rs.getObject("organization_id", Long.class)))
                    .list().forEach(row -> rows.put(row.id(), row));
        }
        Map<Long, String> carers = organizations.namesOf(rows.values().stream().map(Row::organizationId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).map(row -> {
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
    }

    private record Row(long id, String number, String name, String regionCode, String address, String status,
            boolean hardship, int interval, LocalDate lastVisit, LocalDate due, Long organizationId) {
    }

    /** How many households are worked out and written at once. */
    static final int PART = 1000;

    /**
     * Works out again the due dates kept for these households (a visit recorded, their record changed): written
     * for those on the schedule, removed for the others. Safe beside another keeping the same households.
     */
    @Transactional
    public void keep(java.util.Collection<Long> samaritanIds) {
        List<Long> ids = samaritanIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += PART) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + PART));
            keepWhere("s.id in (:ids)", "samaritan_id in (:ids)", statement -> statement.param("ids", part));
        }
        changed();
    }

    /**
     * Works out again the due dates of the households whose ids lie in a range, {@code from} to {@code to}
     * inclusive, including removing those kept for people who are no longer there.
     */
    @Transactional
    public void keepRange(long from, long to) {
        keepWhere("s.id between :from and :to", "samaritan_id between :from and :to",
                statement -> statement.param("from", from).param("to", to));
        changed();
    }

    /**
     * How many ids of the registry one transaction of a rebuild works out: each holds the keeping lock (a visit
     * being recorded waits for it) for well under a second.
     */
    static final int RANGE = 5_000;

    /**
     * Works out every household's due date again, a range of ids per transaction: after a policy changed, once a
     * night, and on the first start with people on the registry.
     */
    public void rebuild() {
        long highest = ranges.execute(status -> highestId());
        for (long from = 0; from <= highest; ) {
            // from the next id there is, so that a gap in the ids (a registry brought in with ids of its own) costs
            // nothing
            long next = from;
            Long first = ranges.execute(status -> nextId(next));
            if (first == null) {
                break;
            }
            ranges.executeWithoutResult(status -> keepRange(first, first + RANGE - 1));
            from = first + RANGE;
        }
        ranges.executeWithoutResult(status -> {
            jdbc.sql("delete from visit_due_rebuilt").update();
            jdbc.sql("insert into visit_due_rebuilt (id, rebuilt_at) values (1, :at)")
                    .param("at", java.sql.Timestamp.from(clock.instant())).update();
        });
    }

    /** The lowest id, from this one on, of a person on the registry or a household kept. */
    private Long nextId(long from) {
        return jdbc.sql("""
                select min(x.id) from (select min(id) as id from samaritans_person_view where id >= :from
                                       union all select min(samaritan_id) from visit_due where samaritan_id >= :from) x""")
                .param("from", from).query(Long.class).optional().orElse(null);
    }

    /**
     * Whether every household was worked out since the table came: not on the first start after an upgrade, nor
     * after a rebuild stopped half-way (a node stopped), which the next start then does again.
     */
    @Transactional(readOnly = true)
    public boolean rebuilt() {
        return jdbc.sql("select count(*) from visit_due_rebuilt").query(Long.class).single() > 0;
    }

    /** The highest id of a household kept or of a person on the registry: how far a whole rebuild goes. */
    @Transactional(readOnly = true)
    public long highestId() {
        return jdbc.sql("""
                select greatest(coalesce((select max(id) from samaritans_person_view), 0),
                                coalesce((select max(samaritan_id) from visit_due), 0))""")
                .query(Long.class).single();
    }

    private void keepWhere(String people, String kept,
            java.util.function.UnaryOperator<JdbcClient.StatementSpec> bind) {
        // one keeping at a time, on every node: a keeping that read the registry earlier never writes after one
        // that read it later (the registry's changes are heard after they commit, possibly several at once)
        jdbc.sql("select interval_months from visit_policy where category = 'DEFAULT' for update")
                .query(Integer.class).list();
        String due = "select id, region_code, name, due_on from (" + households(people) + ") k";
        String write = database.isPostgres()
                ? "insert into visit_due (samaritan_id, region_code, name, due_on) " + due
                        + " on conflict (samaritan_id) do update set region_code = excluded.region_code,"
                        + " name = excluded.name, due_on = excluded.due_on"
                        + " where (visit_due.region_code, visit_due.name, visit_due.due_on)"
                        + " is distinct from (excluded.region_code, excluded.name, excluded.due_on)"
                : "merge into visit_due (samaritan_id, region_code, name, due_on) key (samaritan_id) " + due;
        bind.apply(withPolicies(jdbc.sql(write))).update();
        bind.apply(jdbc.sql("delete from visit_due where " + kept + " and samaritan_id not in (select s.id from"
                + " samaritans_household_view s where " + people + " and not s.lost_contact"
                + " and not (s.status = 'DECEASED' and s.survivors = 0))")).update();
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

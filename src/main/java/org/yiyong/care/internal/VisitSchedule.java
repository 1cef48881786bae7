package org.yiyong.care.internal;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The households in the caller's scope with their next visit, soonest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Due> schedule(CurrentUser me, Filter filter) {
        return schedule(me, filter, null);
    }

    private List<Due> schedule(CurrentUser me, Filter filter, Long only) {
        LocalDate today = LocalDate.now(clock);
        Map<HouseholdCategory, Integer> policies = policies();
        Map<String, String> associations = organizations.activeAssociationsByRegion();
        Map<Long, String> carers = organizations.namesOf(
                jdbc.sql("select distinct organization_id from visit_assignment").query(Long.class).list());
        List<Due> due = new ArrayList<>();
        jdbc.sql("""
                select s.id, s.number, s.name, s.region_code, s.address, s.status, s.created_at, a.organization_id,
                       s.subsistence, s.survivors,
                       (select max(v.visited_on) from visit v where v.samaritan_id = s.id) as last_visit,
                       (select count(*) from visit v where v.samaritan_id = s.id and v.hardship
                          and v.visited_on = (select max(w.visited_on) from visit w where w.samaritan_id = s.id))
                          as hardship_at_last
                from samaritans_household_view s
                left join visit_assignment a on a.samaritan_id = s.id
                where s.region_code in (:scope) and not s.lost_contact and (:only < 0 or s.id = :only)""")
                .param("scope", me.scope().regionCodes())
                .param("only", only == null ? -1L : only)
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    boolean deceased = "DECEASED".equals(status);
                    if (deceased && rs.getLong("survivors") == 0) {
                        return null;
                    }
                    Set<HouseholdCategory> categories = EnumSet.of(HouseholdCategory.DEFAULT);
                    if ("DISABLED".equals(status)) {
                        categories.add(HouseholdCategory.DISABLED);
                    }
                    if (deceased) {
                        categories.add(HouseholdCategory.BEREAVED);
                    }
                    if (rs.getLong("subsistence") > 0 || rs.getLong("hardship_at_last") > 0) {
                        categories.add(HouseholdCategory.HARDSHIP);
                    }
                    int interval = categories.stream().mapToInt(c -> policies.getOrDefault(c, 12)).min().orElse(12);
                    LocalDate last = rs.getObject("last_visit", LocalDate.class);
                    LocalDate next = last != null ? last.plusMonths(interval)
                            : rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())
                                    .toLocalDate().plusMonths(1);
                    Long organization = rs.getObject("organization_id", Long.class);
                    String regionName = regions.nameOf(rs.getString("region_code"));
                    String responsible = organization != null ? carers.get(organization)
                            : associations.getOrDefault(rs.getString("region_code"), regionName);
                    return new Due(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                            rs.getString("region_code"), regionName, rs.getString("address"),
                            categories, interval, last, next, next.isBefore(today), organization, responsible);
                })
                .list().stream().filter(java.util.Objects::nonNull).forEach(due::add);
        return due.stream().filter(d -> switch (filter == null ? Filter.ALL : filter) {
            case OVERDUE -> d.overdue();
            case DUE_SOON -> !d.overdue() && !d.due().isAfter(today.plusMonths(1));
            case DUE_WITHIN_A_MONTH -> !d.due().isAfter(today.plusMonths(1));
            case ALL -> true;
        }).sorted(Comparator.comparing(Due::due).thenComparing(Due::name)).toList();
    }

    /** The household's place on the schedule. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public java.util.Optional<Due> of(CurrentUser me, long samaritanId) {
        return schedule(me, Filter.ALL, samaritanId).stream().findFirst();
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

package org.yiyong.organization;

import org.yiyong.shared.Inputs;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Users;
import org.yiyong.organization.internal.Organization;
import org.yiyong.organization.internal.OrganizationDetails;
import org.yiyong.organization.internal.Organizations;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.StaleRecord;

/**
 * Creating, changing, deactivating and finding organizations, always within the caller's data
 * scope: an organization outside it does not exist for them, and trying to reach it is audited.
 */
@Service
public class OrganizationManagement {

    static final String ENTITY = "Organization";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final String SELECT_VIEW = """
            select o.id, o.code, o.name, o.short_name, o.type, o.region_code, r.name as region_name, o.parent_id,
                   p.name as parent_name, o.address, o.phone, o.active, o.version, o.updated_at
            from organization o
            join region r on r.code = o.region_code
            left join organization p on p.id = o.parent_id and p.region_code in (:scope)
            """;
    /** As {@link #SELECT_VIEW}, for lookups made whatever the caller's scope. */
    private static final String SELECT_ANY = SELECT_VIEW.replace(" and p.region_code in (:scope)", "");

    private final Organizations organizations;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Users users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OrganizationManagement(Organizations organizations, Regions regions, JdbcClient jdbc, AuditTrail audit,
            Users users, Clock clock) {
        this.organizations = organizations;
        this.regions = regions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<OrganizationView> search(DataScope scope, OrganizationFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("o.region_code in (:scope)"));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope.regionCodes());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(o.name) like :q or lower(o.short_name) like :q or lower(o.code) like :q)");
            params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.type() != null) {
            where.add("o.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            where.add("o.region_code = :region");
            params.put("region", filter.regionCode().trim());
        }
        if (filter.active() != null) {
            where.add("o.active = :active");
            params.put("active", filter.active());
        }
        String condition = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from organization o" + condition).params(params)
                .query(Long.class).single();
        List<OrganizationView> items = jdbc.sql(SELECT_VIEW + condition
                        + " order by r.sort_order, o.type, o.name limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrganizationManagement::toView)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** An organization in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    public OrganizationView view(CurrentUser me, long id) {
        return jdbc.sql(SELECT_VIEW + " where o.id = :id and o.region_code in (:scope)")
                .param("id", id)
                .param("scope", me.scope().regionCodes())
                .query(OrganizationManagement::toView)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * An organization by id, whatever the caller's scope: for rules that follow the organizations as
     * recorded (which bureau a user acts for), not for showing it to the user.
     */
    @Transactional(readOnly = true)
    public Optional<OrganizationView> find(long id) {
        return jdbc.sql(SELECT_ANY + " where o.id = :id").param("id", id)
                .query(OrganizationManagement::toView).optional();
    }

    /** An organization by its code (e.g. JJ-PS-QY), whatever the caller's scope; as {@link #find(long)}. */
    @Transactional(readOnly = true)
    public Optional<OrganizationView> findByCode(String code) {
        return jdbc.sql(SELECT_ANY + " where o.code = :code").param("code", code)
                .query(OrganizationManagement::toView).optional();
    }

    /**
     * The first active organization of a region of the first of these types that has one (by name within a
     * type); whatever the caller's scope, as {@link #find(long)}.
     */
    @Transactional(readOnly = true)
    public Optional<OrganizationView> firstActive(String regionCode, List<OrgType> types) {
        for (OrgType type : types) {
            Optional<OrganizationView> found = jdbc.sql(SELECT_ANY
                            + " where o.region_code = :region and o.type = :type and o.active order by o.name limit 1")
                    .param("region", regionCode).param("type", type.name())
                    .query(OrganizationManagement::toView).optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public boolean isVisible(DataScope scope, long id) {
        return organizations.findByIdAndRegionCodeIn(id, scope.regionCodes()).isPresent();
    }

    @Transactional(readOnly = true)
    public Map<OrgType, Long> activeCountsByType(DataScope scope) {
        Map<OrgType, Long> counts = new EnumMap<>(OrgType.class);
        for (OrgType type : OrgType.values()) {
            counts.put(type, 0L);
        }
        jdbc.sql("select type, count(*) as n from organization where active = true and region_code in (:scope)"
                        + " group by type")
                .param("scope", scope.regionCodes())
                .query(rs -> {
                    counts.put(OrgType.valueOf(rs.getString("type")), rs.getLong("n"));
                });
        return counts;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_STAFF', 'COUNTY_STAFF')")
    public OrganizationView create(CurrentUser me, String requestedCode, OrganizationDetails details) {
        validate(me, null, details, null);
        String code = codeFor(requestedCode, details.regionCode());
        Organization organization = organizations.save(new Organization(code, details, clock.instant()));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, organization.getId())
                .withChanges(Changes.created(organization.snapshot())));
        return view(me, organization.getId());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_STAFF', 'COUNTY_STAFF')")
    public OrganizationView update(CurrentUser me, long id, Long expectedVersion, OrganizationDetails details) {
        return update(me, id, expectedVersion, details, null);
    }

    /** Changes the details and, when {@code active} is given, deactivates or reactivates, in one step. */
    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_STAFF', 'COUNTY_STAFF')")
    public OrganizationView update(CurrentUser me, long id, Long expectedVersion, OrganizationDetails details,
            Boolean active) {
        Organization organization = inScope(me, id);
        if (expectedVersion != null && organization.getVersion() != expectedVersion) {
            throw new StaleRecord(ENTITY, id);
        }
        validate(me, id, details, organization.getParentId());
        Map<String, Object> before = organization.snapshot();
        String regionBefore = organization.getRegionCode();
        organization.update(details, clock.instant());
        if (Boolean.FALSE.equals(active) && organization.isActive()) {
            organization.deactivate(clock.instant());
            users.organizationDeactivated(id);
        } else if (Boolean.TRUE.equals(active)) {
            organization.activate(clock.instant());
        }
        if (!regionBefore.equals(organization.getRegionCode())) {
            users.organizationMoved(id, organization.getRegionCode());
        }
        organizations.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id)
                .withChanges(Changes.between(before, organization.snapshot())));
        return view(me, id);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_STAFF', 'COUNTY_STAFF')")
    public void deactivate(CurrentUser me, long id) {
        Organization organization = inScope(me, id);
        organization.deactivate(clock.instant());
        users.organizationDeactivated(id);
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id)
                .withChanges(Changes.between(Map.of("active", true), Map.of("active", false))));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_STAFF', 'COUNTY_STAFF')")
    public void activate(CurrentUser me, long id) {
        Organization organization = inScope(me, id);
        if (organization.isActive()) {
            return;
        }
        organization.activate(clock.instant());
        audit.record(AuditRecord.of(AuditAction.ACTIVATE, ENTITY, id)
                .withChanges(Changes.between(Map.of("active", false), Map.of("active", true))));
    }

    /** Organizations that may be chosen as a parent: active and in scope. */
    @Transactional(readOnly = true)
    public List<OrganizationView> parentChoices(DataScope scope) {
        return search(scope, new OrganizationFilter(null, null, null, true), new PageRequest(0, PageRequest.MAX_SIZE))
                .items();
    }

    /**
     * Checks what a person filled in. A parent that is kept unchanged is accepted as it is, even when it
     * lies outside the editor's scope (a county association under the city one) or was deactivated.
     */
    private void validate(CurrentUser me, Long id, OrganizationDetails details, Long currentParent) {
        Inputs.requiredText("name", details.name());
        if (details.name().length() > 120) {
            throw new InvalidField("name", "validation.too-long");
        }
        Inputs.required("type", details.type());
        Inputs.requiredText("regionCode", details.regionCode());
        if (regions.find(details.regionCode()).isEmpty()) {
            throw new InvalidField("regionCode", "organization.region.unknown");
        }
        if (!me.scope().covers(details.regionCode())) {
            throw new InvalidField("regionCode", "organization.region.outside-scope");
        }
        if (details.parentId() != null && !details.parentId().equals(currentParent)) {
            Organization parent = organizations.findByIdAndRegionCodeIn(details.parentId(),
                            me.scope().regionCodes())
                    .orElseThrow(() -> new InvalidField("parentId", "organization.parent.invalid"));
            if (!parent.isActive()) {
                throw new InvalidField("parentId", "organization.parent.inactive");
            }
            if (id != null && wouldCycle(id, parent)) {
                throw new InvalidField("parentId", "organization.parent.cycle");
            }
        }
    }

    private boolean wouldCycle(long id, Organization parent) {
        Set<Long> seen = new HashSet<>();
        Organization current = parent;
        while (current != null && seen.add(current.getId())) {
            if (current.getId() == id) {
                return true;
            }
            current = current.getParentId() == null ? null : organizations.findById(current.getParentId()).orElse(null);
        }
        return false;
    }

    private String codeFor(String requested, String regionCode) {
        if (requested != null && !requested.isBlank()) {
            String code = requested.trim().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw new InvalidField("code", "organization.code.invalid");
            }
            if (organizations.existsByCode(code)) {
                throw new InvalidField("code", "organization.code.taken");
            }
            return code;
        }
        String code;
        do {
            code = "ORG-" + regionCode + "-" + Integer.toHexString(0x10000 + random.nextInt(0xF0000))
                    .toUpperCase(Locale.ROOT);
        } while (organizations.existsByCode(code));
        return code;
    }

    private Organization inScope(CurrentUser me, long id) {
        return organizations.findByIdAndRegionCodeIn(id, me.scope().regionCodes()).orElseThrow(() -> notFound(id));
    }

    private RecordNotFound notFound(long id) {
        return ScopedLookup.notFound(audit, ENTITY, id, organizations.existsById(id), ScopedLookup.OUTSIDE_SCOPE);
    }

    private static OrganizationView toView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long parentId = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentId;
        return new OrganizationView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("short_name"), OrgType.valueOf(rs.getString("type")), rs.getString("region_code"),
                rs.getString("region_name"), parent, rs.getString("parent_name"), rs.getString("address"),
                rs.getString("phone"), rs.getBoolean("active"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package org.yiyong.organization.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.identity.OrganizationDirectory;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.Regions;
import org.yiyong.organization.internal.Organization;
import org.yiyong.organization.internal.OrganizationDetails;
import org.yiyong.organization.internal.Organizations;
import org.yiyong.shared.DataScope;

/** Tells identity where an organization sits and which regions its people see. */
@Component
@Transactional(readOnly = true)
class OrganizationDirectoryAdapter implements OrganizationDirectory {

    static final String CITY_REGION = "350500";

    private final Organizations organizations;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    OrganizationDirectoryAdapter(Organizations organizations, Regions regions, AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Placement> placementOf(long organizationId) {
        return organizations.findById(organizationId).map(this::placement);
    }

    @Override
    public Optional<Placement> placementOf(String organizationCode) {
        return organizations.findByCode(organizationCode).map(this::placement);
    }

    @Override
    public List<Placement> activeOrganizationsIn(DataScope scope) {
        return organizations.findByRegionCodeInAndActiveTrueOrderByRegionCodeAscNameAsc(scope.regionCodes()).stream()
                .map(this::placement)
                .toList();
    }

    @Override
    @Transactional
    public Placement ensureCityOrganization() {
        return organizations.findFirstByRegionCodeAndActiveTrueOrderByIdAsc(CITY_REGION)
                .map(this::placement)
                .orElseGet(() -> {
                    Organization first = organizations.save(new Organization("QZ-COMMITTEE",
                            new OrganizationDetails("泉州市见义勇为人员奖励和保护工作委员会", "市工委会",
                                    OrgType.COMMITTEE, CITY_REGION, null, null, null),
                            clock.instant()));
                    audit.record(AuditRecord.of(AuditAction.CREATE, "Organization", first.getId())
                            .withChanges(Changes.created(first.snapshot()))
                            .withDetail("first organization of a new installation"));
                    return placement(first);
                });
    }

    private Placement placement(Organization org) {
        return new Placement(org.getId(), org.getCode(), org.getName(), org.getRegionCode(),
                regions.nameOf(org.getRegionCode()), regions.scopeOf(org.getRegionCode()), org.isActive());
    }
}

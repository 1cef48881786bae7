package org.yiyong.organization.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.internal.Organizations;
import org.yiyong.shared.DataScope;

/** Organizations keep documents (founding papers, station plaques, agreements) as attachments. */
@Component
@Transactional(readOnly = true)
class OrganizationAttachments implements AttachmentOwner {

    static final String OWNER_TYPE = "Organization";

    private final Organizations organizations;

    OrganizationAttachments(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public String ownerType() {
        return OWNER_TYPE;
    }

    @Override
    public boolean isVisible(long ownerId, DataScope scope) {
        return organizations.findByIdAndRegionCodeIn(ownerId, scope.regionCodes()).isPresent();
    }

    /** Those who may change organizations may add their documents; leaders and auditors only read. */
    @Override
    public boolean mayAttach(CurrentUser me) {
        return me.hasAny(Role.SYSTEM_ADMIN, Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    public boolean exists(long ownerId) {
        return organizations.existsById(ownerId);
    }
}

package org.yiyong.deeds.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.DataScope;

/** Evidence of a deed — photos, videos, statements, medical records — kept as its attachments. */
@Component
@Transactional(readOnly = true)
class DeedAttachments implements AttachmentOwner {

    private final Deeds deeds;

    DeedAttachments(Deeds deeds) {
        this.deeds = deeds;
    }

    @Override
    public String ownerType() {
        return "Deed";
    }

    @Override
    public boolean isVisible(long ownerId, DataScope scope) {
        return deeds.existsByIdAndRegionCodeIn(ownerId, scope.regionCodes());
    }

    /** Those who take cases in and investigate them add evidence; leaders and auditors only read. */
    @Override
    public boolean mayAttach(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.INVESTIGATOR, Role.STATION_STAFF);
    }

    @Override
    public boolean exists(long ownerId) {
        return deeds.existsById(ownerId);
    }
}

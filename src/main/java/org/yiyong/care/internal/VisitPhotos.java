package org.yiyong.care.internal;

import org.springframework.stereotype.Component;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.DataScope;

/** Photos taken on a visit are the visit's attachments, seen by whoever can see the visit. */
@Component
class VisitPhotos implements AttachmentOwner {

    static final String OWNER_TYPE = "Visit";

    private final Visits visits;

    VisitPhotos(Visits visits) {
        this.visits = visits;
    }

    @Override
    public String ownerType() {
        return OWNER_TYPE;
    }

    @Override
    public boolean isVisible(long ownerId, DataScope scope) {
        return visits.existsByIdAndRegionCodeIn(ownerId, scope.regionCodes());
    }

    @Override
    public boolean mayAttach(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF);
    }

    @Override
    public boolean exists(long ownerId) {
        return visits.existsById(ownerId);
    }
}

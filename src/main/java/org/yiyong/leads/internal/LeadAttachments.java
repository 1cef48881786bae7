package org.yiyong.leads.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.leads.internal.LeadTriage;
import org.yiyong.leads.internal.Leads;
import org.yiyong.shared.DataScope;

/**
 * The photos and videos a reporter sent with a lead. They come only from the public form: staff add
 * their evidence to the deed, so nobody attaches files to a lead afterwards.
 */
@Component
@Transactional(readOnly = true)
class LeadAttachments implements AttachmentOwner {

    private final Leads leads;

    LeadAttachments(Leads leads) {
        this.leads = leads;
    }

    @Override
    public String ownerType() {
        return LeadTriage.ENTITY;
    }

    @Override
    public boolean isVisible(long ownerId, DataScope scope) {
        return leads.existsByIdAndRegionCodeIn(ownerId, scope.regionCodes());
    }

    @Override
    public boolean mayAttach(CurrentUser me) {
        return false;
    }

    @Override
    public boolean exists(long ownerId) {
        return leads.existsById(ownerId);
    }
}

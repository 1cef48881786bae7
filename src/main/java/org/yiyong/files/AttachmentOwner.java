package org.yiyong.files;

import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DataScope;

/**
 * A kind of record that can have attachments, implemented as a Spring bean by the module that owns
 * the record. Attachments never decide visibility themselves: every upload, list and download first
 * asks the owner whether the caller's data scope covers the record.
 */
public interface AttachmentOwner {

    /** The owner type stored with each attachment, e.g. {@code "Organization"}; unique among owners. */
    String ownerType();

    /** Whether the record exists and lies within the scope; a scoped SQL check done by the owner module. */
    boolean isVisible(long ownerId, DataScope scope);

    /**
     * Whether the record is visible to the caller; by default, whether it lies within their data scope. An owner
     * whose records are narrower than a region (a work station's own) refines it.
     */
    default boolean isVisibleTo(long ownerId, CurrentUser me) {
        return isVisible(ownerId, me.scope());
    }

    /**
     * Whether the caller's roles allow adding files to records of this kind (seeing them is a matter of
     * scope alone). The default allows anyone who can see the record.
     */
    default boolean mayAttach(CurrentUser me) {
        return true;
    }

    /** Whether the record keeps only photos (a picture of any format the files accept), not documents. */
    default boolean photosOnly() {
        return false;
    }

    /**
     * Whether this file of the record is published on the public portal now, to anyone (a picture shown in a
     * live article, the photo of a person on the honour roll). The default publishes nothing.
     */
    default boolean isPublic(long ownerId, long attachmentId) {
        return false;
    }

    /**
     * Whether the record exists at all, whatever the scope. Used only to decide whether a refusal is
     * audited as an access denial; the default assumes it does, so every refusal is audited.
     */
    default boolean exists(long ownerId) {
        return true;
    }
}

package org.yiyong.community.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.DataScope;

/**
 * Photos of a community record (a theme park, an awareness event): pictures only, seen by whoever sees the
 * record in their region, added by the staff who may change it.
 */
abstract class CommunityPhotos implements AttachmentOwner {

    private final JdbcClient jdbc;
    private final String table;
    private final String ownerType;
    private final Role[] uploaders;

    CommunityPhotos(JdbcClient jdbc, String table, String ownerType, Role... uploaders) {
        this.jdbc = jdbc;
        this.table = table;
        this.ownerType = ownerType;
        this.uploaders = uploaders;
    }

    @Override
    public String ownerType() {
        return ownerType;
    }

    @Override
    public boolean isVisible(long ownerId, DataScope scope) {
        return jdbc.sql("select count(*) from " + table + " where id = :id and region_code in (:scope)")
                .param("id", ownerId).param("scope", scope.regionCodes()).query(Long.class).single() > 0;
    }

    @Override
    public boolean mayAttach(CurrentUser me) {
        return me.hasAny(uploaders);
    }

    @Override
    public boolean photosOnly() {
        return true;
    }

    @Override
    public boolean exists(long ownerId) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", ownerId)
                .query(Long.class).single() > 0;
    }
}

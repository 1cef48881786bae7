package org.yiyong.files;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.DataScope;

/**
 * Photos of a record kept in its owner's table with a {@code region_code} (a theme park, an awareness event, an
 * article, a person's place on the honour roll): pictures only, seen by whoever sees the record's region, added
 * by the roles that keep such records. The owning module names its table; the query runs on its behalf.
 */
public abstract class RegionalPhotos implements AttachmentOwner {

    private final JdbcClient jdbc;
    private final String table;
    private final String ownerType;
    private final Role[] uploaders;

    protected RegionalPhotos(JdbcClient jdbc, String table, String ownerType, Role... uploaders) {
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

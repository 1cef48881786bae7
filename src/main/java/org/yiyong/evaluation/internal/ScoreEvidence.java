package org.yiyong.evaluation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.DataScope;

/**
 * The material a county or station sends for one of its scores (a hand-scored item above all): attachments of
 * the score, seen by whoever sees the unit's region.
 */
@Component
class ScoreEvidence implements AttachmentOwner {

    static final String OWNER_TYPE = "EvaluationScore";

    private final JdbcClient jdbc;

    ScoreEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String ownerType() {
        return OWNER_TYPE;
    }

    @Override
    public boolean isVisible(long ownerId, DataScope scope) {
        return jdbc.sql("""
                select count(*) from evaluation_score s join evaluation_unit u on u.id = s.unit_id
                where s.id = :id and u.region_code in (:scope)""")
                .param("id", ownerId).param("scope", scope.regionCodes()).query(Long.class).single() > 0;
    }

    /**
     * A station's staff see only their own station's scores; county staff their county's (and its stations');
     * the city's staff and leaders every score within their scope.
     */
    @Override
    public boolean isVisibleTo(long ownerId, CurrentUser me) {
        if (!isVisible(ownerId, me.scope())) {
            return false;
        }
        if (me.has(Role.STATION_STAFF) && !me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.LEADER)) {
            return jdbc.sql("""
                    select count(*) from evaluation_score s join evaluation_unit u on u.id = s.unit_id
                    where s.id = :id and u.unit_key = :own""")
                    .param("id", ownerId).param("own", String.valueOf(me.organizationId())).query(Long.class)
                    .single() > 0;
        }
        return true;
    }

    @Override
    public boolean mayAttach(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF);
    }

    @Override
    public boolean exists(long ownerId) {
        return jdbc.sql("select count(*) from evaluation_score where id = :id").param("id", ownerId)
                .query(Long.class).single() > 0;
    }
}

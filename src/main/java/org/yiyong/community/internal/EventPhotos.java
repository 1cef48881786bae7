package org.yiyong.community.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.community.Awareness;
import org.yiyong.files.RegionalPhotos;
import org.yiyong.identity.Role;

/** Photos of an awareness event, added by the staff of the city, the counties and the stations who hold them. */
@Component
class EventPhotos extends RegionalPhotos {

    EventPhotos(JdbcClient jdbc) {
        super(jdbc, "awareness_event", Awareness.EVENT, Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF);
    }
}

package org.yiyong.community.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.community.ThemeParks;
import org.yiyong.files.RegionalPhotos;
import org.yiyong.identity.Role;

/** Photos of a theme park or education base, added by the city's and counties' staff who keep the parks. */
@Component
class ParkPhotos extends RegionalPhotos {

    ParkPhotos(JdbcClient jdbc) {
        super(jdbc, "theme_park", ThemeParks.ENTITY, Role.CITY_STAFF, Role.COUNTY_STAFF);
    }
}

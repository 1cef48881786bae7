package org.yiyong.community;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;

/**
 * Theme parks and education bases (见义勇为主题公园 / 教育基地) of each county: planned, under construction, open —
 * each step forward only, the opening dated — and the number each county is to have open by the end of a year
 * ("at least one per county this year"), kept as data, with the counties behind it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')")
public class ThemeParks {

    /** The owner type of a park's photos (files module), also the audited entity name. */
    public static final String ENTITY = "ThemePark";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    ThemeParks(JdbcClient jdbc, Regions regions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A park as lists show it. */
    public record Park(long id, String name, ParkKind kind, String regionCode, String regionName, String address,
            BigDecimal latitude, BigDecimal longitude, ParkStatus status, LocalDate openedOn) {
    }

    public record NewPark(String name, ParkKind kind, String regionCode, String address, BigDecimal latitude,
            BigDecimal longitude) {
    }

    public List<Park> parks(CurrentUser me) {
        return jdbc.sql(SELECT + " where region_code in (:scope) order by region_code, name")
                .param("scope", me.scope().regionCodes()).query(this::park).list();
    }

    public Park park(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id, jdbc.sql(SELECT + " where id = :id and region_code in (:scope)")
                .param("id", id).param("scope", me.scope().regionCodes()).query(this::park).optional(),
                parkId -> jdbc.sql("select count(*) from theme_park where id = :id").param("id", parkId)
                        .query(Long.class).single() > 0);
    }

    /** The counties of the caller's scope, for choosing where a park is. */
    public List<Region> counties(CurrentUser me) {
        return regions.within(me.scope()).stream().filter(ThemeParks::isCounty).toList();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Park create(CurrentUser me, NewPark park) {
        String name = Inputs.text("name", park.name(), 100, true);
        Inputs.required("kind", park.kind());
        Inputs.requiredText("regionCode", park.regionCode());
        if (counties(me).stream().noneMatch(region -> region.code().equals(park.regionCode()))) {
            throw new InvalidField("regionCode", "park.region.invalid");
        }
        String address = Inputs.text("address", park.address(), 200, true);
        Coordinates at = Coordinates.of(park.latitude(), park.longitude());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into theme_park (name, kind, region_code, address, latitude, longitude, status, created_by,
                    created_at)
                values (:name, :kind, :region, :address, :lat, :lon, 'PLANNED', :by, :at)""")
                .param("name", name).param("kind", park.kind().name()).param("region", park.regionCode())
                .param("address", address).param("lat", at == null ? null : at.latitude())
                .param("lon", at == null ? null : at.longitude()).param("by", me.username())
                .param("at", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(name + " planned"));
        return park(me, id);
    }

    /**
     * A park moves on: planned → under construction → open (with the day it opened, not in the future). A step
     * back or a step to where it stands is refused.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Park advance(CurrentUser me, long id, ParkStatus status, LocalDate openedOn) {
        Park park = park(me, id);
        Inputs.required("status", status);
        if (status.ordinal() <= park.status().ordinal()) {
            throw new InvalidField("status", "park.status.forward-only");
        }
        LocalDate opened = null;
        if (status == ParkStatus.OPEN) {
            opened = Inputs.date("openedOn", Inputs.required("openedOn", openedOn), Inputs.EARLIEST,
                    LocalDate.now(clock));
        }
        jdbc.sql("update theme_park set status = :status, opened_on = :opened, version = version + 1 where id = :id")
                .param("status", status.name()).param("opened", opened).param("id", id).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id)
                .withDetail("status " + park.status() + " → " + status + (opened == null ? "" : " on " + opened)));
        return park(me, id);
    }

    /**
     * Sets how many parks a county (or, without a county, every county) is to have open by the end of a year.
     * The city's staff set it.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public void setTarget(CurrentUser me, int year, String regionCode, int openParks) {
        Inputs.year("year", year);
        if (openParks < 0 || openParks > 100) {
            throw new InvalidField("openParks", "park.target.range");
        }
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        if (region != null && counties(me).stream().noneMatch(county -> county.code().equals(region))) {
            throw new InvalidField("regionCode", "park.region.invalid");
        }
        var update = jdbc.sql("update theme_park_target set open_parks = :n, set_by = :by, set_at = :at"
                + " where target_year = :year and " + (region == null ? "region_code is null" : "region_code = :region"))
                .param("n", openParks).param("by", me.username()).param("at", Timestamp.from(clock.instant()))
                .param("year", year);
        int changed = (region == null ? update : update.param("region", region)).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into theme_park_target (target_year, region_code, open_parks, set_by, set_at)
                    values (:year, :region, :n, :by, :at)""")
                    .param("year", year).param("region", region).param("n", openParks).param("by", me.username())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "ThemeParkTarget", year + ":" + (region == null ? "*" : region))
                .withDetail(openParks + " open by the end of " + year));
    }

    /** A county's standing against its target in a year. */
    public record Standing(String regionCode, String regionName, int target, long open) {

        public boolean behind() {
            return open < target;
        }
    }

    /**
     * Each county of the scope with its target for the year and its parks open by the year's end (opened in
     * or before it); counties without a target are left out.
     */
    public List<Standing> standings(CurrentUser me, int year) {
        Inputs.year("year", year);
        Map<String, Integer> targets = new HashMap<>();
        Integer everyCounty = null;
        for (Map<String, Object> row : jdbc.sql("select region_code, open_parks from theme_park_target where target_year = :year")
                .param("year", year).query().listOfRows()) {
            int n = ((Number) row.get("open_parks")).intValue();
            if (row.get("region_code") == null) {
                everyCounty = n;
            } else {
                targets.put((String) row.get("region_code"), n);
            }
        }
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("""
                select region_code, count(*) as n from theme_park
                where status = 'OPEN' and opened_on <= :end and region_code in (:scope) group by region_code""")
                .param("end", LocalDate.of(year, 12, 31)).param("scope", me.scope().regionCodes())
                .query((rs, row) -> open.put(rs.getString("region_code"), rs.getLong("n"))).list();
        Integer fallback = everyCounty;
        return counties(me).stream().filter(county -> targets.containsKey(county.code()) || fallback != null)
                .map(county -> new Standing(county.code(), county.name(), targets.getOrDefault(county.code(),
                        fallback), open.getOrDefault(county.code(), 0L)))
                .toList();
    }

    /** The counties behind their target in a year. */
    public List<Standing> behindTarget(CurrentUser me, int year) {
        return standings(me, year).stream().filter(Standing::behind).toList();
    }

    private static boolean isCounty(Region region) {
        return EnumSet.of(RegionLevel.COUNTY, RegionLevel.FUNCTIONAL_AREA).contains(region.level());
    }

    private static final String SELECT = """
            select id, name, kind, region_code, address, latitude, longitude, status, opened_on from theme_park""";

    private Park park(ResultSet rs, int row) throws SQLException {
        return new Park(rs.getLong("id"), rs.getString("name"), ParkKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"), regions.nameOf(rs.getString("region_code")), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), ParkStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class));
    }
}

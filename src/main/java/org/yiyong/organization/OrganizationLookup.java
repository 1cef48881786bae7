package org.yiyong.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about organizations without reading the organization table: names by id,
 * the association that keeps a region's affairs, and the associations and work stations that can look
 * after households or stand for an honour.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationLookup {

    private final JdbcClient jdbc;

    OrganizationLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An association or work station, with its kind and region. */
    public record Carer(long id, String name, OrgType type, String regionCode) {
    }

    /** An association as the public portal shows it: where to call or go about a brave act. */
    public record Office(String name, String regionCode, String regionName, String address, String phone) {
    }

    /**
     * The active associations, the city's first and then in the regions' order, with their public address and
     * phone (either may be missing): the offices the public portal tells people to contact.
     */
    public List<Office> publicOffices() {
        return jdbc.sql("""
                select o.name, o.region_code, r.name as region_name, o.address, o.phone
                from organization o join region r on r.code = o.region_code
                where o.type = 'ASSOCIATION' and o.active
                order by case when r.level = 'CITY' then 0 else 1 end, r.sort_order, r.code, o.id""")
                .query((rs, row) -> new Office(rs.getString("name"), rs.getString("region_code"),
                        rs.getString("region_name"), rs.getString("address"), rs.getString("phone")))
                .list();
    }

    /** The names of these organizations (active or not) by id; an unknown id is left out. */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids == null || ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from organization where id in (:ids)").param("ids", List.copyOf(ids))
                .query((rs, row) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return names;
    }

    /** The first association (the oldest, active or not) of a region, by its name. */
    public Optional<String> associationOf(String regionCode) {
        return jdbc.sql("""
                select name from organization where type = 'ASSOCIATION' and region_code = :region order by id""")
                .param("region", regionCode).query(String.class).list().stream().findFirst();
    }

    /** The name of each region's first active association (the oldest), by region code. */
    public Map<String, String> activeAssociationsByRegion() {
        Map<String, String> associations = new HashMap<>();
        jdbc.sql("select region_code, name from organization where type = 'ASSOCIATION' and active order by id desc")
                .query((rs, row) -> associations.put(rs.getString("region_code"), rs.getString("name"))).list();
        return associations;
    }

    /** The active associations and work stations of a region, associations first, then by name. */
    public List<Carer> carersIn(String regionCode) {
        return jdbc.sql("""
                select id, name, type, region_code from organization where region_code = :region and active
                and type in ('ASSOCIATION', 'WORK_STATION') order by type, name""").param("region", regionCode)
                .query((rs, row) -> carer(rs)).list();
    }

    /** Every active association and work station, associations first, then by region and name. */
    public List<Carer> carers() {
        return jdbc.sql("""
                select id, name, type, region_code from organization
                where active and type in ('ASSOCIATION', 'WORK_STATION') order by type, region_code, name""")
                .query((rs, row) -> carer(rs)).list();
    }

    private static Carer carer(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Carer(rs.getLong("id"), rs.getString("name"), OrgType.valueOf(rs.getString("type")),
                rs.getString("region_code"));
    }
}

package org.yiyong.samaritans;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.shared.DataScope;

/**
 * Small look-ups other modules make about people on the registry, without reading its tables: a
 * person's name and region (within a data scope, or not), their status, who is confirmed for a deed.
 * Set-based reads go through the views this module publishes (samaritans_person_view and others).
 */
@Service
@Transactional(readOnly = true)
public class SamaritanDirectory {

    private final JdbcClient jdbc;

    SamaritanDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's name and region. */
    public record Person(long id, String name, String regionCode, SamaritanStatus status) {
    }

    /** The person, if there is one with this id. */
    public Optional<Person> find(long id) {
        return jdbc.sql("select id, name, region_code, status from samaritan where id = :id").param("id", id)
                .query((rs, row) -> person(rs)).optional();
    }

    /** The person, if there is one with this id within the scope. */
    public Optional<Person> findIn(DataScope scope, long id) {
        return jdbc.sql("select id, name, region_code, status from samaritan where id = :id and region_code in (:scope)")
                .param("id", id).param("scope", scope.regionCodes()).query((rs, row) -> person(rs)).optional();
    }

    /** The first person registered under this name (the lowest id), for demo data that names people. */
    public Optional<Long> firstNamed(String name) {
        return jdbc.sql("select id from samaritan where name = :name order by id").param("name", name)
                .query(Long.class).list().stream().findFirst();
    }

    /** The people registered from earlier records under this name, lowest id first. */
    public List<Long> historicalNamed(String name) {
        return jdbc.sql("select id from samaritan where name = :name and source = 'HISTORICAL' order by id")
                .param("name", name).query(Long.class).list();
    }

    /** The first relative (lowest id) with this name of a person with that name, for demo data. */
    public Optional<Long> relativeNamed(String samaritanName, String relativeName) {
        return jdbc.sql("""
                select r.id from relative r join samaritan s on s.id = r.samaritan_id
                where s.name = :samaritan and r.name = :name order by r.id""")
                .param("samaritan", samaritanName).param("name", relativeName).query(Long.class).list().stream()
                .findFirst();
    }

    /** The first child (lowest id) of a person with this name, for demo data. */
    public Optional<Long> firstChildOf(String samaritanName) {
        return jdbc.sql("""
                select r.id from relative r join samaritan s on s.id = r.samaritan_id
                where s.name = :samaritan and r.relation = 'CHILD' order by r.id""")
                .param("samaritan", samaritanName).query(Long.class).list().stream().findFirst();
    }

    /** The people registered for a deed, by id. */
    public List<Long> confirmedFor(long deedId) {
        return jdbc.sql("select samaritan_id from samaritan_deed where deed_id = :deed order by samaritan_id")
                .param("deed", deedId).query(Long.class).list();
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                SamaritanStatus.valueOf(rs.getString("status")));
    }
}

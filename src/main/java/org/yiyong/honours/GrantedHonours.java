package org.yiyong.honours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.shared.DataScope;

/**
 * Honours granted to people and still standing (not revoked), as the public portal may speak of them: the
 * person, the title and its level, the day and region of the grant, the deed it was for. Group honours are not
 * listed: they name no one person whose consent could be asked.
 */
@Service
@Transactional(readOnly = true)
public class GrantedHonours {

    private static final String SELECT = """
            select h.id, h.samaritan_id, p.name as person_name, t.name as title_name, t.level as title_level,
                   h.decided_on, h.region_code, h.deed_id
            from honour h join title t on t.id = h.title_id join samaritans_person_view p on p.id = h.samaritan_id
            where h.status = 'GRANTED' and h.decided_on is not null and h.recipient = 'PERSON'""";

    private final JdbcClient jdbc;

    GrantedHonours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A standing honour of one person. {@code level} is the title's level (NATIONAL … COUNTY). */
    public record Granted(long honourId, long samaritanId, String name, String title, String level,
            LocalDate grantedOn, String regionCode, Long deedId) {

        public int year() {
            return grantedOn.getYear();
        }
    }

    /** The standing honours of these people, the most recent first. */
    public List<Granted> toPeople(Collection<Long> samaritanIds) {
        if (samaritanIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and h.samaritan_id in (:ids) order by h.decided_on desc, h.id desc")
                .param("ids", List.copyOf(samaritanIds)).query(GrantedHonours::granted).list();
    }

    /** The standing honours granted within the scope, the most recent first, at most {@code limit}. */
    public List<Granted> inScope(DataScope scope, int limit) {
        return jdbc.sql(SELECT + " and h.region_code in (:scope) order by h.decided_on desc, h.id desc")
                .param("scope", scope.regionCodes()).query(GrantedHonours::granted).list().stream().limit(limit)
                .toList();
    }

    /** A standing honour of a person. */
    public Optional<Granted> find(long honourId) {
        return jdbc.sql(SELECT + " and h.id = :id").param("id", honourId).query(GrantedHonours::granted).optional();
    }

    private static Granted granted(ResultSet rs, int row) throws SQLException {
        return new Granted(rs.getLong("id"), rs.getLong("samaritan_id"), rs.getString("person_name"),
                rs.getString("title_name"), rs.getString("title_level"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("region_code"), rs.getObject("deed_id", Long.class));
    }
}

package org.yiyong.honours.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.Regions;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * The register of honours (表彰名录): who was honoured, with which title and level, when and where, in
 * the user's data scope, filtered and paged in SQL. A group, a unit or a station is one row, under its
 * name.
 */
@Service
@Transactional(readOnly = true)
public class HonourRegister {

    /** Who reads the register: the staff who keep the records, the committee and the leaders. */
    static final Set<Role> READERS = Set.of(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.COMMITTEE_MEMBER,
            Role.LEADER);

    private final JdbcClient jdbc;
    private final Regions regions;

    HonourRegister(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** A filter of the register; every part may be empty. {@code year} is the year the honour was decided. */
    public record Filter(Integer year, String title, TitleLevel level, HonourStatus status, String regionCode,
            String q) {
    }

    /** A row of the register. */
    public record Row(long id, String recipient, String recipientKind, String titleCode, String titleName,
            TitleLevel level, HonourStatus status, HonourMode mode, LocalDate decidedOn, String regionCode,
            String regionName, BigDecimal rewardAmount, String certificateNumber, String deedNumber, String path) {
    }

    public PageResult<Row> search(CurrentUser me, Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String from = from(me, filter, params);
        // counted no further than a list is read: a city's count would cost more than its page
        long counted = jdbc.sql("select count(*) from (select 1" + from + " limit :cap) c").params(params)
                .param("cap", PageResult.COUNT_CAP + 1).query(Long.class).single();
        return PageResult.counted(rows(from, params, page.size(), page.offset()), page.page(), page.size(), counted);
    }

    /**
     * Every row the filter finds, in the register's order, at most {@code limit} of them, each handed to {@code each}
     * as it is read (a thousand fetched at a time), none kept: for the register file.
     */
    public void all(CurrentUser me, Filter filter, int limit, Consumer<Row> each) {
        Map<String, Object> params = new HashMap<>();
        select(from(me, filter, params), params, limit, 0).withFetchSize(1000)
                .query((RowCallbackHandler) rs -> each.accept(row(rs)));
    }

    private String from(CurrentUser me, Filter filter, Map<String, Object> params) {
        if (READERS.stream().noneMatch(me::has)) {
            throw new NotAllowed("honour.register.not-allowed");
        }
        List<String> where = new ArrayList<>(List.of("h.region_code in (:scope)"));
        params.put("scope", me.scope().sortedCodes());
        if (filter.year() != null) {
            int year = Inputs.year("year", filter.year());
            where.add("h.decided_on between :first and :last");
            params.put("first", LocalDate.of(year, 1, 1));
            params.put("last", LocalDate.of(year, 12, 31));
        }
        if (filter.title() != null && !filter.title().isBlank()) {
            where.add("t.code = :title");
            params.put("title", filter.title().strip());
        }
        if (filter.level() != null) {
            where.add("t.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.status() != null) {
            where.add("h.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            where.add("h.region_code = :region");
            params.put("region", filter.regionCode().strip());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(coalesce(s.name, h.recipient_name, '')) like :q"
                    + " or lower(coalesce(h.certificate_number, '')) like :q"
                    + " or lower(coalesce(h.deed_number, '')) like :q)");
            params.put("q", "%" + Inputs.text("q", filter.q(), 60, false).toLowerCase(Locale.ROOT) + "%");
        }
        return " from honour h join title t on t.id = h.title_id"
                + " left join samaritans_person_view s on s.id = h.samaritan_id where " + String.join(" and ", where);
    }

    private List<Row> rows(String from, Map<String, Object> params, int limit, long offset) {
        return select(from, params, limit, offset).query((rs, n) -> row(rs)).list();
    }

    private JdbcClient.StatementSpec select(String from, Map<String, Object> params, int limit, long offset) {
        return jdbc.sql("""
                select h.id, coalesce(s.name, h.recipient_name, '') as recipient, h.recipient, t.code, t.name,
                       t.level, h.status, h.mode, h.decided_on, h.region_code, h.reward_amount, h.certificate_number,
                       h.deed_number, h.samaritan_id, h.organization_id, h.deed_id""" + from
                        + " order by h.decided_on desc nulls last, h.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset);
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("recipient"), rs.getString(3),
                rs.getString("code"), rs.getString("name"), TitleLevel.valueOf(rs.getString("level")),
                HonourStatus.valueOf(rs.getString("status")), HonourMode.valueOf(rs.getString("mode")),
                rs.getObject("decided_on", LocalDate.class), rs.getString("region_code"),
                regions.nameOf(rs.getString("region_code")), rs.getBigDecimal("reward_amount"),
                rs.getString("certificate_number"), rs.getString("deed_number"),
                path(rs.getObject("samaritan_id", Long.class), rs.getObject("organization_id", Long.class),
                        rs.getObject("deed_id", Long.class)));
    }

    private static String path(Long samaritan, Long organization, Long deed) {
        if (samaritan != null) {
            return "/samaritans/" + samaritan;
        }
        if (organization != null) {
            return "/organizations/" + organization;
        }
        return deed == null ? null : "/deeds/" + deed;
    }
}

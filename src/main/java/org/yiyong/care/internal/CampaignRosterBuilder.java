package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.organization.Region;
import org.yiyong.organization.Regions;
import org.yiyong.platform.BatchInserts;
import org.yiyong.shared.Money;

/**
 * The roster of a campaign built by {@link CampaignRules} from the registry: the people of its region (or
 * one person) with their honours, tracing, survivors and other campaigns of the same festival, each
 * placed on it or left out with the reason. Runs in the transaction of the command that asks for it; the lines
 * are written many at once ({@link BatchInserts}), not one statement each.
 */
@Component
class CampaignRosterBuilder {

    private final CondolenceStandards standards;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final BatchInserts inserts;

    CampaignRosterBuilder(CondolenceStandards standards, JdbcClient jdbc, Regions regions, BatchInserts inserts) {
        this.standards = standards;
        this.jdbc = jdbc;
        this.regions = regions;
        this.inserts = inserts;
    }

    /** people whose honours are asked for at once */
    private static final int PART = 1000;

    /** what the roster's lines are written as */
    private static final String COLUMNS = "campaign_id, samaritan_id, name, region_code, category, amount, status, "
            + "reason_code, reason_text, manual, payee_name, payee_relative_id, payee_relation, "
            + "conduct_check_required, version";

    /**
     * Lines for every person of the campaign's region who has none yet; returns how many. A city's roster is
     * built one county at a time, so that what is held in memory is one county's people.
     */
    int build(Campaign campaign) {
        int made = 0;
        for (String region : covered(campaign.getRegionCode())) {
            List<Object[]> rows = new ArrayList<>();
            for (Placed placed : place(campaign, null, List.of(region))) {
                CampaignLine line = new CampaignLine(campaign.getId(), placed.person().id(), placed.person().name(),
                        placed.person().regionCode());
                apply(line, placed.decision());
                rows.add(row(line));
            }
            inserts.insert("campaign_line", COLUMNS, rows);
            made += rows.size();
        }
        return made;
    }

    private static Object[] row(CampaignLine line) {
        return new Object[] {line.getCampaignId(), line.getSamaritanId(), line.getName(), line.getRegionCode(),
            line.getCategory() == null ? null : line.getCategory().name(),
            line.getAmount() == null ? null : line.getAmount().amount(), line.getStatus().name(),
            line.getReasonCode().name(), line.getReasonText(), false, line.getPayeeName(),
            line.getPayeeRelativeId(), line.getPayeeRelation(), line.isConductCheckRequired(), 0L};
    }

    static void apply(CampaignLine line, CampaignRules.Decision decision) {
        CampaignRules.Survivor payee = decision.payee();
        String payeeName = decision.category() == null ? null : payee == null ? line.getName() : payee.name();
        Long payeeId = payee == null ? null : payee.id();
        String relation = payee == null ? null : payee.relation();
        Money amount = decision.amount() == null ? null : Money.of(decision.amount());
        if (decision.included()) {
            line.include(decision.category(), amount, payeeName, payeeId, relation, decision.reason(),
                    decision.text());
        } else {
            line.exclude(decision.category(), amount, payeeName, payeeId, relation, decision.reason(),
                    decision.text());
        }
        if (decision.conductCheckRequired()) {
            line.requireConductCheck();
        }
    }

    record Placed(CampaignRules.Person person, CampaignRules.Decision decision) {
    }

    /**
     * The rules applied to the people of the campaign's region who are not on it yet (or to one person):
     * a query for the people with their tracing, their honours a thousand at a time, one for survivors and one for
     * other campaigns.
     */
    List<Placed> place(Campaign campaign, Long onlySamaritanId) {
        return place(campaign, onlySamaritanId, covered(campaign.getRegionCode()));
    }

    private List<Placed> place(Campaign campaign, Long onlySamaritanId, List<String> covered) {
        Map<String, Object> params = new HashMap<>();
        params.put("covered", covered);
        params.put("campaign", campaign.getId());
        String one = "";
        if (onlySamaritanId != null) {
            one = " and s.id = :one";
            params.put("one", onlySamaritanId);
        }
        List<Row> found = jdbc.sql("""
                select s.id, s.name, s.region_code, s.status, s.death_kind, s.lost_contact, s.last_found_on
                from samaritans_household_view s
                where s.region_code in (:covered)
                  and not exists (select 1 from campaign_line l where l.campaign_id = :campaign
                                  and l.samaritan_id = s.id)""" + one + " order by s.region_code, s.id")
                .params(params)
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                        rs.getString("status"), rs.getString("death_kind"), rs.getBoolean("lost_contact"),
                        rs.getObject("last_found_on", LocalDate.class)))
                .list();
        Map<Long, Standing> standings = standings(found);
        List<CampaignRules.Person> people = new ArrayList<>(found.size());
        for (Row row : found) {
            Standing standing = standings.getOrDefault(row.id(), Standing.NONE);
            people.add(new CampaignRules.Person(row.id(), row.name(), row.regionCode(), row.status(), row.deathKind(),
                    row.lostContact(), row.lastFoundOn(), standing.granted(), standing.revoked(), standing.best()));
        }
        if (people.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CampaignRules.Survivor>> survivors = jdbc.sql("""
                select r.id, r.samaritan_id, r.relation, r.name, r.birth_date, r.stage, r.schooling_ends_on,
                       r.remarried_on
                from samaritans_relative_view r join samaritans_person_view s on s.id = r.samaritan_id
                where s.status = 'DECEASED' and s.region_code in (:covered) and r.died_on is null
                  and r.relation in ('SPOUSE', 'PARENT', 'CHILD')""" + one + " order by r.samaritan_id, r.id")
                .params(params)
                .query((rs, row) -> new CampaignRules.Survivor(rs.getLong("id"), rs.getLong("samaritan_id"),
                        rs.getString("relation"), rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("stage"), rs.getObject("schooling_ends_on", LocalDate.class),
                        rs.getObject("remarried_on", LocalDate.class)))
                .list().stream().collect(Collectors.groupingBy(CampaignRules.Survivor::samaritanId));
        Map<Long, String> elsewhere = new HashMap<>();
        jdbc.sql("""
                select l.samaritan_id, min(c.name) as campaign_name
                from campaign_line l join campaign c on c.id = l.campaign_id
                where c.festival = :festival and c.campaign_year = :year and c.id <> :campaign
                  and c.status <> 'CANCELLED' and l.status in ('INCLUDED', 'SENT', 'PAID')
                  and (case when c.province_amount is null then 0 else 1 end) = :provincial
                  and l.region_code in (:covered)
                group by l.samaritan_id""")
                .params(params).param("festival", campaign.getFestival().name())
                .param("year", campaign.getCampaignYear()).param("provincial", campaign.isProvincial() ? 1 : 0)
                .query((rs, row) -> elsewhere.put(rs.getLong("samaritan_id"), rs.getString("campaign_name")))
                .list();
        Map<CondolenceCategory, BigDecimal> amounts = campaign.amounts(standards);
        List<Placed> placed = new ArrayList<>(people.size());
        for (CampaignRules.Person person : people) {
            placed.add(new Placed(person, CampaignRules.decide(person, survivors.getOrDefault(person.id(), List.of()),
                    elsewhere.get(person.id()), amounts, campaign.getReferenceDate())));
        }
        return placed;
    }

    private record Row(long id, String name, String regionCode, String status, String deathKind, boolean lostContact,
            LocalDate lastFoundOn) {
    }

    /** A person's honours: granted, revoked, and the rank of the best granted (1 national … 4), if any. */
    private record Standing(int granted, int revoked, Integer best) {
        static final Standing NONE = new Standing(0, 0, null);
    }

    /**
     * The honours of the people found, asked of the honours' view a thousand people at a time: joined to the people
     * the view would first count the honours of the whole country, once for every county of a city.
     */
    private Map<Long, Standing> standings(List<Row> people) {
        Map<Long, Standing> standings = new HashMap<>();
        for (int from = 0; from < people.size(); from += PART) {
            List<Long> ids = people.subList(from, Math.min(people.size(), from + PART)).stream().map(Row::id).toList();
            jdbc.sql("select samaritan_id, granted, revoked, best from honours_standing_view where samaritan_id in (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        standings.put(rs.getLong("samaritan_id"), new Standing(rs.getInt("granted"),
                                rs.getInt("revoked"), rs.getObject("best") == null ? null : rs.getInt("best")));
                    });
        }
        return standings;
    }

    /** The region and the regions under it (a city campaign covers every county and functional area). */
    List<String> covered(String region) {
        return regions.find(region).map(found -> java.util.stream.Stream.concat(java.util.stream.Stream.of(found),
                found.children().stream()).map(Region::code).toList()).orElse(List.of());
    }
}

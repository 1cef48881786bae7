package org.yiyong.care.internal;

import static org.yiyong.care.internal.CampaignAccess.READ;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.identity.Role;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;

/**
 * Reading festival condolence campaigns: the campaigns of the caller's scope with the sums of their
 * rosters, one roster (who is in, who was left out and why), a person's condolences for their profile
 * (the profile template calls {@code @campaignRoster.ofSamaritan}), and the regions a campaign may cover.
 * Campaigns are made and changed through {@link CampaignCommands}.
 */
@Service
public class CampaignRoster {

    private final Campaigns campaigns;
    private final CampaignLines lines;
    private final CampaignAccess access;
    private final JdbcClient jdbc;
    private final Regions regions;

    CampaignRoster(Campaigns campaigns, CampaignLines lines, CampaignAccess access, JdbcClient jdbc,
            Regions regions) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.access = access;
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** A campaign with the sums of its roster. */
    public record CampaignSummary(Campaign campaign, String regionName, long included, long excluded, long removed,
            long sent, long paid, BigDecimal amount, long awaitingCheck) {

        /** People counted on the campaign: included, sent or paid. */
        public long people() {
            return included + sent + paid;
        }
    }

    /** One condolence of a person, for their profile. */
    public record Condolence(long campaignId, String campaignName, int year, Campaign.Festival festival,
            CampaignLine.Status status, CondolenceCategory category, BigDecimal amount, CampaignLine.Reason reason,
            String reasonText, String payeeName, LocalDate paidOn) {
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Campaign get(CurrentUser me, long id) {
        return access.inScope(me, id);
    }

    /**
     * A page of the roster as the page shows it: {@code in} (on the campaign), {@code out} (left out or taken
     * off), {@code check} (awaiting a conduct check) or {@code all}; read a page at a time by the database.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PageResult<CampaignLine> page(CurrentUser me, long id, String shown, PageRequest page) {
        access.inScope(me, id);
        List<String> statuses = switch (shown == null ? "in" : shown) {
            case "out" -> List.of("EXCLUDED", "REMOVED");
            case "check" -> List.of("INCLUDED", "EXCLUDED");
            case "all" -> List.of("INCLUDED", "SENT", "PAID", "EXCLUDED", "REMOVED");
            default -> List.of("INCLUDED", "SENT", "PAID");
        };
        return read(id, statuses, "check".equals(shown), page);
    }

    /** A page of the roster's lines of the statuses given (only those awaiting a conduct check with {@code check}). */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PageResult<CampaignLine> page(CurrentUser me, long id, java.util.Collection<CampaignLine.Status> statuses,
            boolean check, PageRequest page) {
        access.inScope(me, id);
        return read(id, (statuses.isEmpty() ? java.util.EnumSet.allOf(CampaignLine.Status.class) : statuses).stream()
                .map(Enum::name).toList(), check, page);
    }

    private PageResult<CampaignLine> read(long id, List<String> statuses, boolean check, PageRequest page) {
        var found = lines.page(id, statuses, check,
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        return new PageResult<>(found.getContent(), page.page(), page.size(), found.getTotalElements());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public CampaignLine line(CurrentUser me, long id, long lineId) {
        access.inScope(me, id);
        return access.lineOf(id, lineId);
    }

    /** The campaigns of the caller's scope, newest first, with their sums. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<CampaignSummary> list(CurrentUser me) {
        return summaries(campaigns.findTop100ByRegionCodeInOrderByIdDesc(me.scope().regionCodes()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public CampaignSummary summary(CurrentUser me, long id) {
        return summaries(List.of(access.inScope(me, id))).get(0);
    }

    private List<CampaignSummary> summaries(List<Campaign> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<CampaignLine.Status, Long>> counts = new HashMap<>();
        Map<Long, BigDecimal> amounts = new HashMap<>();
        Map<Long, Long> awaiting = new HashMap<>();
        Collection<Long> ids = found.stream().map(Campaign::getId).toList();
        jdbc.sql("""
                select campaign_id, status, count(*) as n, coalesce(sum(amount), 0) as amount,
                       sum(case when conduct_check_required and (conduct_good is null or not conduct_good)
                           then 1 else 0 end) as awaiting
                from campaign_line where campaign_id in (:ids) group by campaign_id, status""")
                .param("ids", ids)
                .query((rs, row) -> {
                    long campaign = rs.getLong("campaign_id");
                    CampaignLine.Status status = CampaignLine.Status.valueOf(rs.getString("status"));
                    counts.computeIfAbsent(campaign, c -> new EnumMap<>(CampaignLine.Status.class))
                            .put(status, rs.getLong("n"));
                    if (status == CampaignLine.Status.INCLUDED || status == CampaignLine.Status.SENT
                            || status == CampaignLine.Status.PAID) {
                        amounts.merge(campaign, rs.getBigDecimal("amount"), BigDecimal::add);
                    }
                    if (status == CampaignLine.Status.INCLUDED || status == CampaignLine.Status.EXCLUDED) {
                        awaiting.merge(campaign, rs.getLong("awaiting"), Long::sum);
                    }
                    return null;
                })
                .list();
        return found.stream().map(c -> {
            Map<CampaignLine.Status, Long> n = counts.getOrDefault(c.getId(), Map.of());
            return new CampaignSummary(c, regions.find(c.getRegionCode()).map(Region::name).orElse(null),
                    n.getOrDefault(CampaignLine.Status.INCLUDED, 0L), n.getOrDefault(CampaignLine.Status.EXCLUDED, 0L),
                    n.getOrDefault(CampaignLine.Status.REMOVED, 0L), n.getOrDefault(CampaignLine.Status.SENT, 0L),
                    n.getOrDefault(CampaignLine.Status.PAID, 0L),
                    amounts.getOrDefault(c.getId(), BigDecimal.ZERO).setScale(2), awaiting.getOrDefault(c.getId(), 0L));
        }).toList();
    }

    /**
     * A person's condolences, for their profile: the campaigns of the caller's scope they are on or were
     * left out of. Empty for a user who may not read campaigns.
     */
    @Transactional(readOnly = true)
    public List<Condolence> ofSamaritan(CurrentUser me, long samaritanId) {
        if (me == null || !me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.LEADER)) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.name, c.campaign_year, c.festival, l.status, l.category, l.amount, l.reason_code,
                       l.reason_text, l.payee_name, l.paid_on
                from campaign_line l join campaign c on c.id = l.campaign_id
                where l.samaritan_id = :id and c.region_code in (:scope) and c.status <> 'CANCELLED'
                order by c.reference_date desc, c.id desc""")
                .param("id", samaritanId).param("scope", me.scope().regionCodes())
                .query((rs, row) -> new Condolence(rs.getLong("id"), rs.getString("name"), rs.getInt("campaign_year"),
                        Campaign.Festival.valueOf(rs.getString("festival")),
                        CampaignLine.Status.valueOf(rs.getString("status")), rs.getString("category") == null ? null
                                : CondolenceCategory.valueOf(rs.getString("category")), rs.getBigDecimal("amount"),
                        CampaignLine.Reason.valueOf(rs.getString("reason_code")), rs.getString("reason_text"),
                        rs.getString("payee_name"), rs.getObject("paid_on", LocalDate.class)))
                .list();
    }

    /** The regions a user may start a campaign for: their own region and those under it. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<RegionChoice> regions(CurrentUser me) {
        // the city first, then the others in list order (sort order, then code)
        return regions.inListOrder().stream()
                .filter(region -> me.scope().covers(region.code()) && region.level() != RegionLevel.PROVINCE)
                .sorted(java.util.Comparator.comparing(region -> region.level() == RegionLevel.CITY ? 0 : 1))
                .map(region -> new RegionChoice(region.code(), region.name())).toList();
    }

    /** A region a campaign may cover. */
    public record RegionChoice(String code, String name) {
    }
}

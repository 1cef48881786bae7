package org.yiyong.honours.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.Users;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.RecordNotFound;

/**
 * 集中表彰 from opening to granted honours: staff open a round over a window of confirmations, draw the
 * candidates, start the review; the panel members declare conflicts and score; staff rank, give titles,
 * record the granting body's approval and grant — each honour with its reward and certificate. A round is
 * the city's (run by city staff, with city titles and above) or one county's (run by that county's staff or
 * the city's, drawing the county's confirmations and units, with county titles paid by the county).
 */
@Service
public class RoundManagement {

    private static final String STAFF = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    private static final String READERS = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'COMMITTEE_MEMBER', 'LEADER')";
    private static final String ENTITY = "HonourRound";

    private final HonourRounds rounds;
    private final TitleCatalogue catalogue;
    private final HonourGrants grants;
    private final JdbcClient jdbc;
    private final OrganizationLookup organizations;
    private final Users users;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    RoundManagement(HonourRounds rounds, TitleCatalogue catalogue, HonourGrants grants, JdbcClient jdbc, Users users,
            OrganizationLookup organizations, Regions regions, AuditTrail audit, Clock clock) {
        this.regions = regions;
        this.rounds = rounds;
        this.catalogue = catalogue;
        this.grants = grants;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound open(CurrentUser me, String name, LocalDate from, LocalDate to, Map<String, Integer> criteria,
            List<String> members) {
        return open(me, name, from, to, criteria, members, null);
    }

    /** A round of the city ({@code regionCode} blank or the city's) or of one county in the caller's scope. */
    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound open(CurrentUser me, String name, LocalDate from, LocalDate to, Map<String, Integer> criteria,
            List<String> members, String regionCode) {
        String county = regionCode == null || regionCode.isBlank() || regionCode.trim().equals(regions.city().code())
                ? null : regionCode.trim();
        if (county == null ? !me.has(Role.CITY_STAFF) : regions.find(county)
                .filter(region -> region.level() != RegionLevel.CITY && region.level() != RegionLevel.PROVINCE)
                .filter(region -> me.scope().covers(region.code())).isEmpty()) {
            throw new InvalidField("regionCode", "round.region.outside");
        }
        Inputs.requiredText("name", name);
        if (name.length() > 100) {
            throw new InvalidField("name", "validation.too-long");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidField("windowTo", "round.window.invalid");
        }
        List<String> panel = members == null ? List.of() : members.stream().filter(m -> m != null && !m.isBlank())
                .map(String::trim).distinct().toList();
        for (String member : panel) {
            boolean reviewer = users.holds(member, Role.COMMITTEE_MEMBER);
            if (!reviewer) {
                throw new InvalidField("members", "round.members.not-reviewer", member);
            }
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (criteria != null) {
            // a criterion's name is text like any other: no control characters, not blank, at most 60 characters
            criteria.forEach((criterion, weight) -> weights.put(Inputs.text("criteria", criterion, 60, true), weight));
        }
        HonourRound round = rounds.saveAndFlush(new HonourRound(name.trim(), from, to, weights, panel, me.username(),
                clock.instant()).ofCounty(county));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, round.getId()).withDetail(round.getName()
                + (county == null ? "" : " (county " + county + ")")));
        return round;
    }

    /** A round the caller may see: the city's, or a county's within the caller's scope. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public HonourRound get(CurrentUser me, long id) {
        return rounds.findById(id).filter(round -> visible(me, round))
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<HonourRound> list(CurrentUser me) {
        return rounds.findAllByOrderByIdDesc().stream().filter(round -> visible(me, round)).toList();
    }

    private static boolean visible(CurrentUser me, HonourRound round) {
        return !round.isCounty() || me.scope().covers(round.getRegionCode());
    }

    /** Whether the caller runs the round: city staff any round, county staff their county's. */
    public static boolean runs(CurrentUser me, HonourRound round) {
        return me.has(Role.CITY_STAFF) || (round.isCounty() && me.has(Role.COUNTY_STAFF)
                && me.scope().covers(round.getRegionCode()));
    }

    /** A round the caller runs; a round they may only see is refused. */
    private HonourRound run(CurrentUser me, long id) {
        HonourRound round = get(me, id);
        if (!runs(me, round)) {
            throw new NotAllowed("round.not-yours");
        }
        return round;
    }

    /**
     * Draws the actors confirmed in the window (anywhere in the city; in the county for a county's round) as
     * candidates, and for every deed
     * with two or more confirmed actors, their group; returns how many were new.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public int draw(CurrentUser me, long id) {
        HonourRound round = run(me, id);
        record Confirmed(long samaritanId, long deedId, String deedNumber, String name, String regionCode) {
        }
        List<Confirmed> confirmed = jdbc.sql("""
                select s.id as samaritan_id, d.deed_id, d.deed_number, s.name, s.region_code
                from samaritans_confirmation_view d join samaritans_person_view s on s.id = d.samaritan_id
                where d.confirmed_on between :from and :to
                  and (cast(:county as varchar(12)) is null or s.region_code = :county)
                order by d.confirmed_on, d.id""")
                .param("from", round.getWindowFrom()).param("to", round.getWindowTo())
                .param("county", round.getRegionCode())
                .query((rs, row) -> new Confirmed(rs.getLong("samaritan_id"), rs.getLong("deed_id"),
                        rs.getString("deed_number"), rs.getString("name"), rs.getString("region_code")))
                .list();
        int added = 0;
        Map<Long, List<Confirmed>> byDeed = new LinkedHashMap<>();
        for (Confirmed c : confirmed) {
            if (round.addCandidate(RoundCandidate.person(c.samaritanId(), c.deedId(), c.deedNumber(), c.name(),
                    c.regionCode()))) {
                added++;
            }
            byDeed.computeIfAbsent(c.deedId(), deed -> new java.util.ArrayList<>()).add(c);
        }
        for (List<Confirmed> actors : byDeed.values()) {
            if (actors.size() > 1) {
                Confirmed first = actors.get(0);
                String name = actors.size() > 3
                        ? actors.stream().limit(3).map(Confirmed::name).collect(Collectors.joining("、")) + "等"
                                + actors.size() + "人群体"
                        : actors.stream().map(Confirmed::name).collect(Collectors.joining("、")) + "群体";
                if (round.addCandidate(RoundCandidate.group(first.deedId(), first.deedNumber(), name,
                        first.regionCode()))) {
                    added++;
                }
            }
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail(added + " candidates drawn"));
        return added;
    }

    /** The associations (for 先进单位) and work stations (for 先进工作站) that can be nominated. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<Nominee> nominees() {
        return nominees(null);
    }

    /** The associations and work stations that can stand in a round: a county's round, the county's only. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<Nominee> nominees(HonourRound round) {
        return organizations.carers().stream()
                .filter(carer -> round == null || !round.isCounty() || round.getRegionCode().equals(carer.regionCode()))
                .map(carer -> new Nominee(carer.id(), carer.name(),
                        carer.type() == OrgType.ASSOCIATION ? Recipient.UNIT : Recipient.STATION, carer.regionCode()))
                .toList();
    }

    /** An association or work station that can stand in a round. */
    public record Nominee(long id, String name, Recipient recipient, String regionCode) {
    }

    /** Nominates an association (先进单位) or a work station (先进工作站) as a candidate of an open round. */
    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound nominate(CurrentUser me, long id, Long organizationId) {
        Inputs.required("organizationId", organizationId);
        HonourRound round = run(me, id);
        Nominee nominee = nominees(round).stream().filter(n -> n.id() == organizationId).findFirst()
                .orElseThrow(() -> new InvalidField("organizationId", "round.nominee.invalid"));
        if (!round.addCandidate(RoundCandidate.organization(nominee.recipient(), nominee.id(), nominee.name(),
                nominee.regionCode()))) {
            throw new HonourRuleBroken("round.nominee.already", nominee.name());
        }
        return recorded(round, "nominated " + nominee.name());
    }

    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound startReview(CurrentUser me, long id) {
        HonourRound round = run(me, id);
        round.startReview();
        return recorded(round, "review started");
    }

    @Transactional
    @PreAuthorize("hasRole('COMMITTEE_MEMBER')")
    public HonourRound declareConflict(CurrentUser me, long id, long candidateId, String reason) {
        Inputs.requiredText("reason", reason);
        if (reason.length() > 300) {
            throw new InvalidField("reason", "validation.too-long");
        }
        HonourRound round = get(me, id);
        round.declareConflict(me.username(), candidateId, reason.trim());
        return recorded(round, "conflict declared for candidate " + candidateId + ": " + reason.trim());
    }

    @Transactional
    @PreAuthorize("hasRole('COMMITTEE_MEMBER')")
    public HonourRound score(CurrentUser me, long id, long candidateId, Map<Long, Integer> scores) {
        HonourRound round = get(me, id);
        round.score(me.username(), candidateId, scores == null ? Map.of() : scores);
        return recorded(round, "scored candidate " + candidateId + ": " + scores);
    }

    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound rank(CurrentUser me, long id) {
        HonourRound round = run(me, id);
        round.rank();
        return recorded(round, "ranked");
    }

    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound assignTitle(CurrentUser me, long id, long candidateId, String titleCode) {
        HonourRound round = run(me, id);
        round.candidate(candidateId);
        Long titleId = null;
        if (titleCode != null && !titleCode.isBlank()) {
            Title title = catalogue.title(titleCode);
            if (title.isInstant()) {
                throw new InvalidField("titleCode", "round.title.not-for-rounds");
            }
            if (title.getRecipient() != round.candidate(candidateId).getRecipient()) {
                throw new InvalidField("titleCode", "round.title.wrong-recipient");
            }
            if (round.isCounty() != (title.getLevel() == TitleLevel.COUNTY)) {
                throw new InvalidField("titleCode", round.isCounty() ? "round.title.county-only"
                        : "round.title.not-county");
            }
            titleId = title.getId();
        }
        round.assignTitle(candidateId, titleId);
        return recorded(round, "candidate " + candidateId + " titled " + titleCode);
    }

    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound approve(CurrentUser me, long id, String document) {
        Inputs.requiredText("documentNumber", document);
        HonourRound round = run(me, id);
        round.approve(document.trim());
        return recorded(round, "approved by " + document.trim());
    }

    /** The ceremony: every titled candidate is granted their honour, with the reward in force on that day. */
    @Transactional
    @PreAuthorize(STAFF)
    public HonourRound grant(CurrentUser me, long id, LocalDate ceremonyOn) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = ceremonyOn == null ? today : ceremonyOn;
        if (on.isAfter(today)) {
            throw new InvalidField("ceremonyOn", "honour.date.future");
        }
        HonourRound round = run(me, id);
        round.granted(on);
        for (RoundCandidate candidate : round.ranking()) {
            if (candidate.getTitleId() != null) {
                Honour honour = grants.grantInRound(me, id, candidate, catalogue.title(candidate.getTitleId()),
                        round.getDocumentNumber(), on);
                candidate.honoured(honour.getId());
            }
        }
        return recorded(round, "granted at the ceremony of " + on);
    }

    /** A change made to a round, kept in the audit trail with what was done. */
    private HonourRound recorded(HonourRound round, String detail) {
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, round.getId()).withDetail(detail));
        return round;
    }
}

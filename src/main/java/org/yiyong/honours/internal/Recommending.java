package org.yiyong.honours.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;

/**
 * 向上推荐: recommending a samaritan to the province or the nation — the package (a summary PDF and the
 * deed's evidence in one zip), and the outcome, which when granted is recorded as an honour of that level.
 */
@Service
public class Recommending {

    private static final String ENTITY = "Recommendation";

    private final Recommendations recommendations;
    private final TitleCatalogue catalogue;
    private final HonourGrants grants;
    private final HonourLookup lookup;
    private final HeldHonours held;
    private final SamaritanRegistry samaritans;
    private final Attachments attachments;
    private final PdfDocuments documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final Regions regions;

    Recommending(Recommendations recommendations, TitleCatalogue catalogue, HonourGrants grants,
            HonourLookup lookup, HeldHonours held, SamaritanRegistry samaritans, Attachments attachments,
            PdfDocuments documents, AuditTrail audit, Clock clock, JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.recommendations = recommendations;
        this.catalogue = catalogue;
        this.grants = grants;
        this.lookup = lookup;
        this.held = held;
        this.samaritans = samaritans;
        this.attachments = attachments;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Recommendation recommend(CurrentUser me, long samaritanId, Long deedId, String titleCode,
            String recommendedTo, String reason) {
        Inputs.required("deedId", deedId);
        Title title = catalogue.title(titleCode == null ? "" : titleCode);
        if (title.getLevel() != TitleLevel.PROVINCIAL && title.getLevel() != TitleLevel.NATIONAL) {
            throw new InvalidField("titleCode", "recommendation.level");
        }
        if (recommendedTo == null || recommendedTo.isBlank() || recommendedTo.length() > 100) {
            throw new InvalidField("recommendedTo", recommendedTo == null || recommendedTo.isBlank()
                    ? "validation.required" : "validation.too-long");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidField("reason", reason == null || reason.isBlank() ? "validation.required"
                    : "validation.too-long");
        }
        if (title.getRecipient() == Recipient.UNIT || title.getRecipient() == Recipient.STATION) {
            throw new InvalidField("titleCode", "recommendation.not-for-units");
        }
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        SamaritanProfile.Confirmation deed = samaritan.deed(deedId)
                .orElseThrow(() -> new InvalidField("deedId", "honour.deed.not-confirmed"));
        String group = null;
        if (title.getRecipient() == Recipient.GROUP) {
            List<Long> members = lookup.groupMembers(deedId);
            if (members.size() < 2) {
                throw new InvalidField("titleCode", "recommendation.group.one-actor");
            }
            group = groupName(members);
            if (recommendations.existsByDeedIdAndTitleId(deedId, title.getId())) {
                throw new HonourRuleBroken("recommendation.already", group, title.getName());
            }
        } else if (recommendations.existsBySamaritanIdAndDeedIdAndTitleId(samaritanId, deedId, title.getId())) {
            throw new HonourRuleBroken("recommendation.already", samaritan.name(), title.getName());
        }
        Recommendation recommendation = new Recommendation(samaritanId, deedId, deed.deedNumber(),
                samaritan.regionCode(), title.getId(), LocalDate.now(clock), recommendedTo.trim(), reason.trim(),
                me.username());
        if (group != null) {
            recommendation.forGroup(group);
        }
        try {
            recommendations.saveAndFlush(recommendation);
        } catch (DataIntegrityViolationException twoAtOnce) {
            throw new HonourRuleBroken("recommendation.already", group != null ? group : samaritan.name(),
                    title.getName());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, recommendation.getId())
                .withDetail(title.getName() + " → " + recommendedTo.trim()));
        return recommendation;
    }

    /** A group named after its members: 陈某、林某群体, or 陈某、林某、王某等5人群体. */
    private String groupName(List<Long> members) {
        List<String> names = members.stream().map(samaritans::nameOf).toList();
        return names.size() > 3 ? String.join("、", names.subList(0, 3)) + "等" + names.size() + "人群体"
                : String.join("、", names) + "群体";
    }

    /** A samaritan's recommendations, as the profile lists them (the profile was opened within the scope). */
    @Transactional(readOnly = true)
    public java.util.List<Recommendation> of(long samaritanId) {
        return recommendations.findBySamaritanIdOrderByIdDesc(samaritanId);
    }

    /** A line of the register of recommendations upward, with what came of it. */
    public record Line(long id, long samaritanId, String name, String deedNumber, String regionCode,
            String regionName, String titleName, TitleLevel level, LocalDate recommendedOn, String recommendedTo,
            Recommendation.Status status, LocalDate outcomeOn, String outcomeNote, Long honourId) {
    }

    /**
     * 向上推荐登记: the recommendations made in a year (all years if none) in the caller's scope, or one region
     * of it, optionally of one outcome; in the order they were made.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public java.util.List<Line> register(CurrentUser me, Integer year, String regionCode,
            Recommendation.Status status) {
        java.util.Set<String> regionCodes = me.scope().narrowedTo(regionCode);
        if (year != null) {
            Inputs.year("year", year);
        }
        return jdbc.sql("""
                select r.id, r.samaritan_id, coalesce(r.group_name, s.name) as name, r.deed_number, r.region_code,
                       t.name as title, t.level, r.recommended_on, r.recommended_to, r.status, r.outcome_on,
                       r.outcome_note, r.honour_id
                from recommendation r join title t on t.id = r.title_id
                join samaritans_person_view s on s.id = r.samaritan_id
                where r.region_code in (:regions)
                  and (cast(:year as integer) is null or extract(year from r.recommended_on) = :year)
                  and (cast(:status as varchar(20)) is null or r.status = :status)
                order by r.recommended_on, r.id
                fetch first 2000 rows only""")
                .param("regions", regionCodes).param("year", year)
                .param("status", status == null ? null : status.name())
                .query((rs, row) -> new Line(rs.getLong("id"), rs.getLong("samaritan_id"), rs.getString("name"),
                        rs.getString("deed_number"), rs.getString("region_code"),
                        regions.nameOf(rs.getString("region_code")), rs.getString("title"),
                        TitleLevel.valueOf(rs.getString("level")), rs.getObject("recommended_on", LocalDate.class),
                        rs.getString("recommended_to"), Recommendation.Status.valueOf(rs.getString("status")),
                        rs.getObject("outcome_on", LocalDate.class), rs.getString("outcome_note"),
                        rs.getObject("honour_id", Long.class)))
                .list();
    }

    public String titleName(long titleId) {
        return catalogue.title(titleId).getName();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public Recommendation get(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                recommendations.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), recommendations::existsById);
    }

    /** The package for the body above: the summary PDF and every evidence file of the deed, in one zip. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public byte[] packageOf(CurrentUser me, long id) {
        Recommendation recommendation = get(me, id);
        SamaritanProfile samaritan = samaritans.profile(me, recommendation.getSamaritanId());
        Title title = catalogue.title(recommendation.getTitleId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("recommendation", recommendation);
        variables.put("samaritan", samaritan);
        variables.put("title", title);
        variables.put("deed", samaritan.deed(recommendation.getDeedId()).orElse(null));
        variables.put("honours", held.heldBy(samaritan.id()));
        variables.put("members", recommendation.getGroupName() == null ? List.of()
                : lookup.groupMembers(recommendation.getDeedId()).stream().map(samaritans::nameOf).toList());
        variables.put("recommendedOn", PdfDocuments.officialDate(recommendation.getRecommendedOn()));
        byte[] summary = documents.render("honours/recommendation", variables);
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("推荐材料-" + (recommendation.getGroupName() != null
                    ? recommendation.getGroupName() : samaritan.name()) + ".pdf"));
            zip.write(summary);
            zip.closeEntry();
            Set<String> names = new HashSet<>();
            for (Attachment evidence : attachments.list(me, "Deed", recommendation.getDeedId())) {
                String name = evidence.fileName();
                for (int n = 2; !names.add(name); n++) {
                    name = n + "-" + evidence.fileName();
                }
                zip.putNextEntry(new ZipEntry("证据材料/" + name));
                try (InputStream in = attachments.open(me, evidence.id()).content().getInputStream()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
            audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, ENTITY, id).withDetail("recommendation package"));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome above; a granted one is recorded as an honour of the recommended title. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public Recommendation conclude(CurrentUser me, long id, boolean granted, LocalDate decidedOn, String document,
            String note) {
        LocalDate on = decidedOn == null ? LocalDate.now(clock) : decidedOn;
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("outcomeOn", "honour.date.future");
        }
        if (granted && (document == null || document.isBlank())) {
            throw new InvalidField("documentNumber", "validation.required");
        }
        if (note != null && note.length() > 500) {
            throw new InvalidField("note", "validation.too-long");
        }
        Recommendation recommendation = get(me, id);
        Long honour = null;
        if (granted) {
            honour = grants.recordUpward(me, recommendation, catalogue.title(recommendation.getTitleId()), on,
                    document.trim()).getId();
        }
        recommendation.concluded(granted, on, note == null || note.isBlank() ? null : note.trim(), honour);
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail(granted ? "granted above" : "not granted"));
        return recommendation;
    }
}

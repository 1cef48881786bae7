package org.yiyong.honours.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;

/**
 * 中考加分证明: the certificate a child of an honoured samaritan takes to the exam office, with the
 * points of the parent's highest honour in force (by default: provincial or national +5, city +3,
 * county +2). A child gets one certificate a year, numbered and kept in the register (中考加分证明登记);
 * asking again that year prints the same certificate again. Every print is audited.
 */
@Service
public class ExamBonus {

    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final SamaritanRegistry samaritans;
    private final PdfDocuments documents;
    private final HonourProperties properties;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final HonourNumbers numbers;
    private final Regions regions;

    ExamBonus(Honours honours, TitleCatalogue catalogue, SamaritanRegistry samaritans, PdfDocuments documents,
            HonourProperties properties, JdbcClient jdbc, AuditTrail audit, Clock clock, HonourNumbers numbers,
            Regions regions) {
        this.regions = regions;
        this.honours = honours;
        this.catalogue = catalogue;
        this.samaritans = samaritans;
        this.documents = documents;
        this.properties = properties;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.numbers = numbers;
    }

    /** The highest granted, unrevoked honour of a samaritan, if any. */
    @Transactional(readOnly = true)
    public Optional<Title> highestTitle(long samaritanId) {
        return highestTitle(honours.heldBy(samaritanId));
    }

    private Optional<Title> highestTitle(List<Honour> held) {
        return held.stream()
                .filter(honour -> honour.getStatus() == HonourStatus.GRANTED)
                .map(honour -> catalogue.title(honour.getTitleId()))
                .min(Comparator.comparing(Title::getLevel).thenComparing(Title::getSortOrder));
    }

    /** The points a child of this samaritan gets; 0 without a granted honour. */
    @Transactional(readOnly = true)
    public int points(long samaritanId) {
        return points(honours.heldBy(samaritanId));
    }

    /** The points a child gets of a samaritan who holds these honours. */
    int points(List<Honour> held) {
        return highestTitle(held).map(title -> properties.examBonus().getOrDefault(title.getLevel(), 0)).orElse(0);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public byte[] certificate(CurrentUser me, long samaritanId, long relativeId) {
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        SamaritanProfile.FamilyMember child = samaritan.relative(relativeId)
                .orElseThrow(() -> new InvalidField("relativeId", "honour.exam-bonus.not-a-child"));
        if (child.relation() != Relation.CHILD) {
            throw new InvalidField("relativeId", "honour.exam-bonus.not-a-child");
        }
        LocalDate today = LocalDate.now(clock);
        Issued issued = issuedIn(relativeId, today.getYear()).orElse(null);
        if (issued == null) {
            Title highest = highestTitle(samaritanId)
                    .orElseThrow(() -> new InvalidField("samaritanId", "honour.exam-bonus.no-honour"));
            issued = new Issued(numbers.examBonus(today.getYear()), highest.getId(),
                    properties.examBonus().getOrDefault(highest.getLevel(), 0), today);
            jdbc.sql("""
                    insert into exam_bonus_certificate (number, samaritan_id, relative_id, child_name, parent_name,
                        region_code, title_id, points, issue_year, issued_on, issued_by, issued_at)
                    values (:number, :samaritan, :relative, :child, :parent, :region, :title, :points, :year, :on,
                        :by, :at)""")
                    .param("number", issued.number()).param("samaritan", samaritanId).param("relative", relativeId)
                    .param("child", child.name()).param("parent", samaritan.name())
                    .param("region", samaritan.regionCode()).param("title", issued.titleId())
                    .param("points", issued.points()).param("year", today.getYear()).param("on", today)
                    .param("by", me.username()).param("at", java.sql.Timestamp.from(clock.instant())).update();
        }
        Title title = catalogue.title(issued.titleId());
        int points = issued.points();
        String number = issued.number();
        Map<String, Object> variables = new HashMap<>();
        variables.put("child", child.name());
        variables.put("parent", samaritan.name());
        variables.put("title", title);
        variables.put("points", points);
        variables.put("number", number);
        variables.put("issuedOn", PdfDocuments.officialDate(issued.issuedOn()));
        byte[] pdf = documents.render("honours/exam-bonus", variables);
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, "ExamBonusCertificate", number)
                .withDetail(child.name() + " +" + points + " (" + title.getName() + ")"));
        return pdf;
    }

    private record Issued(String number, long titleId, int points, LocalDate issuedOn) {
    }

    private Optional<Issued> issuedIn(long relativeId, int year) {
        return jdbc.sql("""
                select number, title_id, points, issued_on from exam_bonus_certificate
                where relative_id = :relative and issue_year = :year""")
                .param("relative", relativeId).param("year", year)
                .query((rs, row) -> new Issued(rs.getString("number"), rs.getLong("title_id"), rs.getInt("points"),
                        rs.getObject("issued_on", LocalDate.class)))
                .optional();
    }

    /** A certificate of the register, with the parent's title and the child's points. */
    public record Certificate(long id, String number, long samaritanId, String childName, String parentName,
            String regionCode, String regionName, String titleName, TitleLevel level, int points, LocalDate issuedOn,
            String issuedBy) {
    }

    /** The register of a year's certificates in the caller's scope (a region within it, if given). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public List<Certificate> register(CurrentUser me, int year, String regionCode) {
        Inputs.year("year", year);
        java.util.Set<String> regionCodes = me.scope().narrowedTo(regionCode);
        return jdbc.sql("""
                select c.id, c.number, c.samaritan_id, c.child_name, c.parent_name, c.region_code, t.name as title,
                       t.level, c.points, c.issued_on, c.issued_by
                from exam_bonus_certificate c join title t on t.id = c.title_id
                where c.issue_year = :year and c.region_code in (:regions)
                order by c.issued_on, c.number""")
                .param("year", year).param("regions", regionCodes)
                .query((rs, row) -> new Certificate(rs.getLong("id"), rs.getString("number"),
                        rs.getLong("samaritan_id"), rs.getString("child_name"), rs.getString("parent_name"),
                        rs.getString("region_code"), regions.nameOf(rs.getString("region_code")),
                        rs.getString("title"), TitleLevel.valueOf(rs.getString("level")), rs.getInt("points"),
                        rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by")))
                .list();
    }
}

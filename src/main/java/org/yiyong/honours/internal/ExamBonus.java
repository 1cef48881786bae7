package org.yiyong.honours.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
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
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;

/**
 * 中考加分证明: the certificate a child of an honoured samaritan takes to the exam office, with the
 * points of the parent's highest honour in force (by default: provincial or national +5, city +3,
 * county +2). Each certificate issued is numbered and audited.
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

    ExamBonus(Honours honours, TitleCatalogue catalogue, SamaritanRegistry samaritans, PdfDocuments documents,
            HonourProperties properties, JdbcClient jdbc, AuditTrail audit, Clock clock, HonourNumbers numbers) {
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
        return honours.heldBy(samaritanId).stream()
                .filter(honour -> honour.getStatus() == HonourStatus.GRANTED)
                .map(honour -> catalogue.title(honour.getTitleId()))
                .min(Comparator.comparing(Title::getLevel).thenComparing(Title::getSortOrder));
    }

    /** The points a child of this samaritan gets; 0 without a granted honour. */
    @Transactional(readOnly = true)
    public int points(long samaritanId) {
        return highestTitle(samaritanId).map(title -> properties.examBonus().getOrDefault(title.getLevel(), 0))
                .orElse(0);
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
        Title title = highestTitle(samaritanId)
                .orElseThrow(() -> new InvalidField("samaritanId", "honour.exam-bonus.no-honour"));
        int points = properties.examBonus().getOrDefault(title.getLevel(), 0);
        LocalDate today = LocalDate.now(clock);
        String number = numbers.examBonus(today.getYear());
        Map<String, Object> variables = new HashMap<>();
        variables.put("child", child.name());
        variables.put("parent", samaritan.name());
        variables.put("title", title);
        variables.put("points", points);
        variables.put("number", number);
        variables.put("issuedOn", PdfDocuments.officialDate(today));
        byte[] pdf = documents.render("honours/exam-bonus", variables);
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, "ExamBonusCertificate", number)
                .withDetail(child.name() + " +" + points + " (" + title.getName() + ")"));
        return pdf;
    }
}

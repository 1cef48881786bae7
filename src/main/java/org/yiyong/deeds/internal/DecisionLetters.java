package org.yiyong.deeds.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationView;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.Regions;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;

/**
 * 决定书: the numbered decision letter of a deed, in the style of an official document — issuing bureau,
 * title, number, addressee, facts, the decision per actor, the right to a review, seal line and date in
 * Chinese numerals — rendered to PDF with an embedded Chinese font.
 */
@Component
public class DecisionLetters {

    private final PdfDocuments documents;
    private final Regions regions;
    private final OrganizationManagement organizations;
    private final DocumentNumbers numbers;
    private final Attachments attachments;
    private final DeadlineProperties rules;

    DecisionLetters(PdfDocuments documents, Regions regions, OrganizationManagement organizations,
            DocumentNumbers numbers, Attachments attachments, DeadlineProperties rules) {
        this.documents = documents;
        this.regions = regions;
        this.organizations = organizations;
        this.numbers = numbers;
        this.attachments = attachments;
        this.rules = rules;
    }

    /**
     * Renders the letter of a decided deed and keeps it with the deed's files, as issued: later edits
     * to the deed do not change it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Attachment issue(CurrentUser by, Deed deed) {
        byte[] pdf = render(deed, rules.reviewDays());
        Attachment letter = attachments.store(by, "Deed", deed.getId(), "决定书 " + deed.getDecisionNumber() + ".pdf",
                new ByteArrayInputStream(pdf));
        deed.attachDecisionLetter(letter.id());
        return letter;
    }

    /** The next letter number of the region's bureau for the year, e.g. {@code 晋公见确〔2026〕3号}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextNumber(String regionCode, int year) {
        return numbers.next(DocumentKind.DECISION_LETTER, numbers.counter("deed_decision_sequence",
                Map.of("region_code", regionCode, "decision_year", year)),
                Map.of("regionShort", numbers.regionShort(regions.nameOf(regionCode)), "year", year));
    }

    /** The bureau that confirms deeds of the region: its police bureau (or district sub-bureau). */
    String bureauOf(String regionCode) {
        return organizations.firstActive(regionCode, List.of(OrgType.POLICE_BUREAU, OrgType.POLICE_SUB_BUREAU))
                .map(OrganizationView::name).orElseGet(() -> regions.nameOf(regionCode) + "公安局");
    }

    /** Where a review (复核) is asked: the bureau of the city above the deed's county. */
    String reviewBodyOf(String regionCode) {
        return regions.find(regionCode).map(region -> region.parentCode())
                .filter(parent -> parent != null)
                .map(parent -> regions.nameOf(parent) + "公安局")
                .orElse("上一级公安机关");
    }

    byte[] render(Deed deed, int reviewDays) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("deed", deed);
        variables.put("bureau", bureauOf(deed.getRegionCode()));
        variables.put("reviewBody", reviewBodyOf(deed.getRegionCode()));
        variables.put("reviewDays", PdfDocuments.chineseNumber(reviewDays));
        variables.put("addressee", addressee(deed));
        variables.put("occurredOn", chineseDate(deed.getOccurredAt().toLocalDate(), false));
        variables.put("acceptedOn", deed.getAcceptedOn() == null ? null : chineseDate(deed.getAcceptedOn(), false));
        variables.put("noticeStart", deed.getNoticeStart() == null ? null : chineseDate(deed.getNoticeStart(), false));
        variables.put("noticeEnd", deed.getNoticeEnd() == null ? null : chineseDate(deed.getNoticeEnd(), false));
        variables.put("decidedOn", chineseDate(deed.getDecidedOn(), true));
        return documents.render("deeds/decision-letter", variables);
    }

    private static String addressee(Deed deed) {
        for (ParticipantRole role : List.of(ParticipantRole.APPLICANT, ParticipantRole.NOMINATOR)) {
            var names = deed.getParticipants().stream().filter(p -> p.getRole() == role)
                    .map(Participant::getName).toList();
            if (!names.isEmpty()) {
                return String.join("、", names);
            }
        }
        return String.join("、", deed.actors().stream().map(Participant::getName).toList());
    }

    /** 二〇二六年十一月二十八日 (official style), or 2026年11月28日 in running text. */
    static String chineseDate(LocalDate day, boolean official) {
        if (official) {
            return PdfDocuments.officialDate(day);
        }
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}

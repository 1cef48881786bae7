package org.yiyong.honours.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;

/**
 * 见义勇为确认证书: issued to each confirmed person apart from any title, naming the act and the decision
 * that confirmed it. Its number is the decision letter's number and the person's place among the
 * people it confirmed (1, 2, …), so the same certificate always carries the same number.
 */
@Service
public class ConfirmationCertificates {

    private final SamaritanRegistry samaritans;
    private final PdfDocuments documents;
    private final AuditTrail audit;

    ConfirmationCertificates(SamaritanRegistry samaritans, PdfDocuments documents, AuditTrail audit) {
        this.samaritans = samaritans;
        this.documents = documents;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public byte[] render(CurrentUser me, long samaritanId, long deedId) {
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        SamaritanProfile.Confirmation deed = samaritan.deed(deedId)
                .orElseThrow(() -> new InvalidField("deedId", "honour.deed.not-confirmed"));
        String number = (deed.decisionNumber() == null ? deed.deedNumber() : deed.decisionNumber())
                + "-" + samaritans.placeInDecision(deed.deedId(), deed.participantId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", samaritan.name());
        variables.put("deed", deed);
        variables.put("occurredOn", deed.occurredOn().getYear() + "年" + deed.occurredOn().getMonthValue() + "月"
                + deed.occurredOn().getDayOfMonth() + "日");
        variables.put("confirmedOn", PdfDocuments.officialDate(deed.confirmedOn()));
        variables.put("number", number);
        byte[] pdf = documents.render("honours/confirmation-certificate", variables);
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, "ConfirmationCertificate", number)
                .withDetail(samaritan.name()));
        return pdf;
    }
}

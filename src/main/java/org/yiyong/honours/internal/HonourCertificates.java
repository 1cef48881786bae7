package org.yiyong.honours.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;

/** The certificate of a granted honour: its PDF for staff, and the check the public makes by its code. */
@Service
public class HonourCertificates {

    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final SamaritanRegistry samaritans;
    private final Certificates certificates;
    private final HonourLookup lookup;

    HonourCertificates(Honours honours, TitleCatalogue catalogue, SamaritanRegistry samaritans,
            Certificates certificates, HonourLookup lookup) {
        this.honours = honours;
        this.catalogue = catalogue;
        this.samaritans = samaritans;
        this.certificates = certificates;
        this.lookup = lookup;
    }

    /** The certificate PDF of a granted (or revoked) honour. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public byte[] certificate(CurrentUser me, long id) {
        Honour honour = lookup.inScope(me, id);
        if (honour.getCertificateNumber() == null) {
            throw new HonourRuleBroken("honour.certificate.not-granted");
        }
        List<String> members = honour.getMemberIds().stream().map(samaritans::nameOf).toList();
        return certificates.render(honour, catalogue.title(honour.getTitleId()), lookup.holderOf(honour), members);
    }

    /** What the public sees for a certificate's code: genuine or revoked, holder, title, body and date. */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[2-9A-Z]{10}")) {
            return Optional.empty();
        }
        return honours.findByVerificationCode(code).map(honour -> {
            Title title = catalogue.title(honour.getTitleId());
            return new Verification(honour.getStatus() != HonourStatus.REVOKED, lookup.holderOf(honour),
                    title.getName(), title.getGrantingBody(), honour.getDecidedOn(), honour.getCertificateNumber(),
                    honour.getRevokedOn());
        });
    }

    /** A certificate as the public verification page shows it. */
    public record Verification(boolean genuine, String holder, String title, String grantingBody, LocalDate decidedOn,
            String certificateNumber, LocalDate revokedOn) {
    }
}

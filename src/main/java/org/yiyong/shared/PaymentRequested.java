package org.yiyong.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A module asks the funds to pay someone: a reward granted, a condolence, student aid, a hardship grant.
 * The funds turn it into one payment order, once, however often it arrives ({@code source} and
 * {@code sourceRef} name it). {@code payingRegion} is the region of the association that pays: a county,
 * or {@code null} for the city association.
 */
public record PaymentRequested(String source, String sourceRef, String payingRegion, PaymentPurpose purpose,
        Long payeeSamaritanId, Long payeeOrganizationId, String payeeName, BigDecimal amount, String description,
        String decisionDocument, String requestedBy, LocalDate requestedOn) {
}

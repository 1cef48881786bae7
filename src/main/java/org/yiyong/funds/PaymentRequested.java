package org.yiyong.funds;

import java.time.LocalDate;
import org.yiyong.shared.Money;

/**
 * A module asks the funds to pay someone: a reward granted, a condolence, student aid, a hardship grant.
 * The funds turn it into one payment order, once, however often it arrives ({@code source} names it).
 * {@code payingRegion} is the region of the association that pays: a county or a city (a region without a fund
 * of its own pays from the one above it), or {@code null} for the city association.
 */
public record PaymentRequested(PaymentSource source, String payingRegion, PaymentPurpose purpose,
        Long payeeSamaritanId, Long payeeOrganizationId, String payeeName, Money amount, String description,
        String decisionDocument, String requestedBy, LocalDate requestedOn) {
}

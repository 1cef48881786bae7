package org.yiyong.samaritans.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.yiyong.shared.Money;

/** The yearly disability pension of one grade in one year, as the bureau set it. */
public record PensionStandard(int year, int grade, BigDecimal annualAmount, String updatedBy, Instant updatedAt) {

    /** {@code ¥90,800.00}, for pages. */
    public String annualText() {
        return Money.of(annualAmount).format();
    }

    /** A twelfth of the year, rounded to the fen, for pages. */
    public String monthlyText() {
        return Money.ofRounded(annualAmount.divide(BigDecimal.valueOf(12), 4, java.math.RoundingMode.HALF_UP))
                .format();
    }
}

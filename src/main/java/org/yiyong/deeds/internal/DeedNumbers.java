package org.yiyong.deeds.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;

/**
 * Deed numbers: region code, year and a sequence within both, e.g. {@code 350582-2024-0007} (format
 * {@code yiyong.numbering.formats.deed}). The counter row is updated under its row lock, so two nodes
 * never hand out the same number.
 */
@Component
public class DeedNumbers {

    private final DocumentNumbers numbers;

    DeedNumbers(DocumentNumbers numbers) {
        this.numbers = numbers;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String regionCode, int year) {
        return numbers.next(DocumentKind.DEED,
                numbers.counter("deed_number_sequence", Map.of("region_code", regionCode, "deed_year", year)),
                Map.of("region", regionCode, "year", year));
    }
}

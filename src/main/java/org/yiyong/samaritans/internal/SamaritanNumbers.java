package org.yiyong.samaritans.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;

/**
 * Registry numbers: the county's code and a sequence, e.g. {@code 350582-S0012} (format
 * {@code yiyong.numbering.formats.samaritan}), under the counter's row lock.
 */
@Component
public class SamaritanNumbers {

    private final DocumentNumbers numbers;

    SamaritanNumbers(DocumentNumbers numbers) {
        this.numbers = numbers;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String regionCode) {
        return numbers.next(DocumentKind.SAMARITAN,
                numbers.counter("samaritan_number_sequence", Map.of("region_code", regionCode)),
                Map.of("region", regionCode));
    }
}

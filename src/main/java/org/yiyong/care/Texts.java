package org.yiyong.care;

import java.math.BigDecimal;
import org.yiyong.shared.InvalidField;

/** The checks every care form makes on its text and amounts. */
final class Texts {

    private Texts() {
    }

    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvalidField(field, "validation.required");
        }
        return text;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > max) {
            throw new InvalidField(field, "validation.too-long");
        }
        return text;
    }

    static BigDecimal amount(String field, BigDecimal amount) {
        if (amount == null) {
            throw new InvalidField(field, "validation.required");
        }
        if (amount.signum() <= 0) {
            throw new InvalidField(field, "money.positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidField(field, "money.cents");
        }
        if (amount.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw new InvalidField(field, "money.too-large");
        }
        return amount.setScale(2);
    }
}

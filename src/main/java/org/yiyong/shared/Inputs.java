package org.yiyong.shared;

import java.math.BigDecimal;

/** The checks forms and API requests make on free text and amounts, with the same messages everywhere. */
public final class Inputs {

    private Inputs() {
    }

    /** The text without surrounding blanks, or {@code null} when blank and not required. */
    public static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidField(field, "validation.required");
            }
            return null;
        }
        if (text.length() > max) {
            throw new InvalidField(field, "validation.too-long");
        }
        return text;
    }

    /** An amount of money: given, above zero, at most two decimals, at most {@code max}; with scale 2. */
    public static BigDecimal amount(String field, BigDecimal amount, BigDecimal max) {
        if (amount == null) {
            throw new InvalidField(field, "validation.required");
        }
        if (amount.signum() <= 0) {
            throw new InvalidField(field, "money.positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidField(field, "money.cents");
        }
        if (amount.compareTo(max) > 0) {
            throw new InvalidField(field, "money.too-large");
        }
        return amount.setScale(2);
    }
}

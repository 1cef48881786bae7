package org.yiyong.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;

/**
 * The checks forms and API requests make on what people type, with the same messages everywhere.
 *
 * <p>Some rules hold for every value of a type, whatever the field: text has no control characters,
 * a date lies within {@link #EARLIEST} and {@link #LATEST}, a decimal fits the narrowest money column.
 * {@link #check} applies them; the web layer runs it on every value a form or a JSON body binds, so
 * that such a value is refused at its field before anything is saved. The other methods are for
 * the rules of one field (required, length, a narrower range).
 */
public final class Inputs {

    /** The first day a date may be: nothing Yiyong records (births included) happened before. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The last day a date may be: deadlines, standards and plans do not reach further. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /**
     * The largest amount every money column holds: {@code numeric(12,2)} is the narrowest of them (the
     * funds' ledger columns are {@code numeric(14,2)}), so an amount within it is never refused by the
     * database after the checks have passed.
     */
    public static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999.99");

    private Inputs() {
    }

    /**
     * The value, which the field requires: {@code null} is refused with "必填" at the field.
     *
     * @throws InvalidField on {@code field} when the value is missing
     */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "validation.required");
        }
        return value;
    }

    /**
     * The text, which the field requires: {@code null} and blank text are refused with "必填" at the field.
     * The text is returned as given; {@link #text} also strips it and checks its length.
     *
     * @throws InvalidField on {@code field} when the text is missing or blank
     */
    public static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "validation.required");
        }
        return value;
    }

    /** The text without surrounding blanks, or {@code null} when blank and not required. */
    public static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : plain(field, value).strip();
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

    /** Whether {@link #check} has a rule for values of this type. */
    public static boolean isChecked(Class<?> type) {
        return type == String.class || type == LocalDate.class || type == LocalDateTime.class
                || type == Year.class || type == YearMonth.class || type == BigDecimal.class;
    }

    /**
     * The value unchanged if it keeps the rule of its type (see the class description); {@code null}
     * and values of other types pass.
     *
     * @throws InvalidField on {@code field} when it does not
     */
    public static <T> T check(String field, T value) {
        if (value instanceof String text) {
            plain(field, text);
        } else if (value instanceof LocalDate date) {
            date(field, date, EARLIEST, LATEST);
        } else if (value instanceof LocalDateTime dateTime) {
            date(field, dateTime.toLocalDate(), EARLIEST, LATEST);
        } else if (value instanceof Year year) {
            year(field, year.getValue());
        } else if (value instanceof YearMonth month) {
            date(field, month.atDay(1), EARLIEST, LATEST);
        } else if (value instanceof BigDecimal decimal) {
            decimal(field, decimal);
        }
        return value;
    }

    /**
     * Text without control characters (NUL and the like, which PostgreSQL cannot store and no keyboard
     * types), except tab and line breaks, which multi-line text has.
     */
    public static String plain(String field, String value) {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    throw new InvalidField(field, "validation.control-characters");
                }
            }
        }
        return value;
    }

    /** A date within {@code earliest} and {@code latest}, both included; {@code null} passes. */
    public static LocalDate date(String field, LocalDate value, LocalDate earliest, LocalDate latest) {
        if (value != null && (value.isBefore(earliest) || value.isAfter(latest))) {
            throw new InvalidField(field, "validation.date-range", earliest.toString(), latest.toString());
        }
        return value;
    }

    /** A year within those of {@link #EARLIEST} and {@link #LATEST}. */
    public static int year(String field, int year) {
        if (year < EARLIEST.getYear() || year > LATEST.getYear()) {
            throw new InvalidField(field, "validation.year-range", String.valueOf(EARLIEST.getYear()),
                    String.valueOf(LATEST.getYear()));
        }
        return year;
    }

    /**
     * A decimal the money columns can hold: at most two decimals and at most {@link #LARGEST_AMOUNT}
     * either way; {@code null} passes. Whether it may be zero or negative is the field's own rule.
     */
    public static BigDecimal decimal(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidField(field, "money.cents");
        }
        if (value.abs().compareTo(LARGEST_AMOUNT) > 0) {
            throw new InvalidField(field, "validation.amount-range", LARGEST_AMOUNT.toPlainString());
        }
        return value;
    }
}

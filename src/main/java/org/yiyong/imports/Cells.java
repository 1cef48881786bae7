package org.yiyong.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yiyong.shared.ResidentId;

/**
 * What real registers do to numbers, dates and amounts, undone where the meaning is certain: full-width digits
 * and letters, spaces inside ID numbers, 15-digit ID numbers of the old kind (made 18 digits by GB 11643: the
 * century "19" after the region, and the check digit), dates as text in the usual forms (2019.3.5, 2019/3/5,
 * 2019-03-05, 2019年3月5日, 20190305) or as Excel day numbers, amounts with ¥, 元, thousands commas or 万元.
 * Anything else is left for the register to refuse with its reason.
 */
public final class Cells {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** A date cell as the sheet stores it: five digits (1927 to 2173), never a year typed alone. */
    private static final Pattern EXCEL_DAY = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** Excel's day 0 as its day numbers above 60 count (its 1900-02-29 never was). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private Cells() {
    }

    /** The text with full-width characters made ordinary and blanks (also U+3000, no-break space) trimmed; or null. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
        return text.isEmpty() ? null : text;
    }

    /** Full-width digits and letters as ASCII (NFKC), for numbers; null when there is nothing. */
    public static String ascii(String raw) {
        return raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }

    /**
     * An 18-character resident ID number from what was typed: full-width characters, spaces and hyphens removed,
     * {@code x} as {@code X}; a 15-digit number of the old kind converted. Answers the cleaned text whether or not
     * it is a valid number (the register checks it); null when empty.
     */
    public static String residentId(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        String id = ascii(text).replaceAll("[\\s\\-]", "").toUpperCase(java.util.Locale.ROOT);
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            return ResidentId.withCheckDigit(id.substring(0, 6) + "19" + id.substring(6));
        }
        return id;
    }

    /**
     * A date from a cell: an Excel day number (a date cell, as the sheet stores it) or text in one of the usual
     * forms.
     *
     * @throws IllegalArgumentException when it is none of them, or not a day of the calendar
     */
    public static LocalDate date(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        String value = ascii(text);
        try {
            if (EXCEL_DAY.matcher(value).matches()) {
                int day = (int) Double.parseDouble(value);
                return EXCEL_EPOCH.plusDays(day);
            }
            Matcher date = DATE.matcher(value);
            if (date.matches()) {
                return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
            }
            Matcher compact = COMPACT_DATE.matcher(value);
            if (compact.matches()) {
                return LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)));
            }
        } catch (DateTimeException | NumberFormatException impossible) {
            throw new IllegalArgumentException(value, impossible);
        }
        throw new IllegalArgumentException(value);
    }

    /**
     * An amount of yuan from a cell: ¥/￥, 元, spaces and thousands commas dropped; 万元 or 万 multiplies by 10,000.
     *
     * @throws IllegalArgumentException when what is left is not a plain number
     */
    public static BigDecimal amount(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        String value = ascii(text).replaceAll("[¥￥,\\s]", "").replace("人民币", "");
        BigDecimal factor = BigDecimal.ONE;
        if (value.endsWith("万元") || value.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            value = value.substring(0, value.lastIndexOf('万'));
        } else if (value.endsWith("元")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!AMOUNT.matcher(value).matches()) {
            throw new IllegalArgumentException(text);
        }
        return new BigDecimal(value).multiply(factor).stripTrailingZeros();
    }

    /**
     * Text as it may be kept and exported: a cell that a spreadsheet would run as a formula ({@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return first) is kept as typed; it is exports that defuse it
     * ({@link #defused}).
     */
    public static boolean looksLikeFormula(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    /** The text made safe for a spreadsheet: a leading apostrophe before what would be run as a formula. */
    public static String defused(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}

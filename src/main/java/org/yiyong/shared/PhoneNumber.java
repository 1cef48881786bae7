package org.yiyong.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mainland mobile number or a landline with its area code, normalised ({@code 0595-22180110}). */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /**
     * Area codes are 010 and 02x (3 digits) or 03xx to 09xx (4 digits); naming them this way tells
     * 010 1234 5678 from a 4-digit code when there is no hyphen.
     */
    private static final Pattern LANDLINE = Pattern.compile("(010|02\\d|0[3-9]\\d{2})-?(\\d{7,8})(?:-(\\d{1,6}))?");

    private final String value;
    private final boolean mobile;

    private PhoneNumber(String value, boolean mobile) {
        this.value = value;
        this.mobile = mobile;
    }

    /** Ignores spaces; accepts a landline with or without the hyphen after the area code, and an -extension. */
    public static PhoneNumber parse(String text) {
        String candidate = text == null ? "" : text.replaceAll("\\s+", "");
        if (MOBILE.matcher(candidate).matches()) {
            return new PhoneNumber(candidate, true);
        }
        Matcher landline = LANDLINE.matcher(candidate);
        if (landline.matches()) {
            String extension = landline.group(3) == null ? "" : "-" + landline.group(3);
            return new PhoneNumber(landline.group(1) + "-" + landline.group(2) + extension, false);
        }
        throw new InvalidField("phone", "phone.format");
    }

    /**
     * The number typed in a form's field, normalised; {@code null} when left blank. A number that is not one
     * is refused at that field.
     */
    public static String optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text).value();
        } catch (InvalidField wrong) {
            throw new InvalidField(field, wrong.messageKey(), wrong.arguments());
        }
    }

    /** A mobile as 11 digits; a landline as {@code 0595-22180110} or {@code 0595-22180110-8001}. */
    public String value() {
        return value;
    }

    public boolean isMobile() {
        return mobile;
    }

    /** For lists and exports: see {@link Masking#phone(String)}. */
    public String masked() {
        return Masking.phone(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}

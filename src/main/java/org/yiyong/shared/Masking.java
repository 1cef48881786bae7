package org.yiyong.shared;

/** Hides most of a phone number, bank account or name for lists and exports; null stays null, blank becomes "". */
public final class Masking {

    private static final java.util.regex.Pattern RESIDENT_ID =
            java.util.regex.Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final java.util.regex.Pattern MOBILE =
            java.util.regex.Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    private static final java.util.regex.Pattern LANDLINE =
            java.util.regex.Pattern.compile("(?<![0-9])(0[0-9]{2,3}-?)[0-9]{3,4}([0-9]{4})(?![0-9])");

    private Masking() {
    }

    /**
     * Text written by staff, made fit for the public: resident ID numbers, mobile and landline numbers
     * in it are masked ({@code 350582********1234}, {@code 139****1234}, {@code 0595-****0110}).
     */
    public static String freeText(String text) {
        if (text == null) {
            return null;
        }
        String masked = RESIDENT_ID.matcher(text).replaceAll("$1********$2");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll("$1****$2");
    }

    /**
     * A mobile keeps its first 3 and last 4 digits ({@code 139****1234}); a landline keeps its area
     * code, the last 4 digits of the local number and any extension ({@code 0595-****0110-8001}).
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone == null ? null : "";
        }
        String text = phone.strip();
        int areaCodeEnd = text.indexOf('-');
        if (areaCodeEnd >= 0) {
            String rest = text.substring(areaCodeEnd + 1);
            int extensionStart = rest.indexOf('-');
            String local = extensionStart >= 0 ? rest.substring(0, extensionStart) : rest;
            String extension = extensionStart >= 0 ? rest.substring(extensionStart) : "";
            return text.substring(0, areaCodeEnd + 1) + keepingLast(local, 4) + extension;
        }
        if (text.length() >= 8) {
            return text.substring(0, 3) + "*".repeat(text.length() - 7) + text.substring(text.length() - 4);
        }
        return keepingLast(text, 4);
    }

    /**
     * First 4 and last 4 digits with two groups of asterisks between, whatever the length, so that the
     * length is hidden too: {@code 6222 **** **** 0123}. Spaces in the input are ignored.
     */
    public static String bankAccount(String account) {
        if (account == null || account.isBlank()) {
            return account == null ? null : "";
        }
        String digits = account.replaceAll("\\s+", "");
        if (digits.length() <= 4) {
            return "****";
        }
        String last4 = digits.substring(digits.length() - 4);
        if (digits.length() <= 8) {
            return "**** " + last4;
        }
        return digits.substring(0, 4) + " **** **** " + last4;
    }

    /**
     * Keeps the first and last character of a name and hides the rest ({@code 许*强}, {@code 欧**娜});
     * a two-character name keeps its family name ({@code 洪*}). Counts characters outside the BMP as one.
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name == null ? null : "";
        }
        int[] characters = name.strip().codePoints().toArray();
        if (characters.length == 1) {
            return "*";
        }
        if (characters.length == 2) {
            return new String(characters, 0, 1) + "*";
        }
        return new String(characters, 0, 1) + "*".repeat(characters.length - 2)
                + new String(characters, characters.length - 1, 1);
    }

    private static String keepingLast(String text, int shown) {
        if (text.length() <= shown) {
            return "*".repeat(text.length());
        }
        return "*".repeat(text.length() - shown) + text.substring(text.length() - shown);
    }
}

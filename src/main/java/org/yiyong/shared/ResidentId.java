package org.yiyong.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** A PRC resident identity number (GB 11643-1999, 18 characters); prints masked so it never reaches a log. */
public final class ResidentId {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    // "uuuu", not "yyyy": with STRICT resolving, "yyyy" needs an era and refuses every date
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final String value;
    private final LocalDate birthDate;

    private ResidentId(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses against today's date in China. */
    public static ResidentId parse(String text) {
        return parse(text, LocalDate.now(CHINA));
    }

    /**
     * Trims the text and accepts a lower-case x as check character; refuses with the reason that the
     * person can fix: the shape, the birth date, or the check digit.
     */
    public static ResidentId parse(String text, LocalDate today) {
        String candidate = text == null ? "" : text.strip();
        if (candidate.endsWith("x")) {
            candidate = candidate.substring(0, candidate.length() - 1) + "X";
        }
        if (!SHAPE.matcher(candidate).matches()) {
            throw new InvalidField("residentId", "resident-id.format");
        }
        LocalDate birthDate = birthDateIn(candidate);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(today)) {
            throw new InvalidField("residentId", "resident-id.birth-date");
        }
        if (candidate.charAt(17) != checkCharacterFor(candidate)) {
            throw new InvalidField("residentId", "resident-id.check-digit");
        }
        return new ResidentId(candidate, birthDate);
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidField refused) {
            return false;
        }
    }

    private static LocalDate birthDateIn(String candidate) {
        try {
            return LocalDate.parse(candidate.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** The first 17 characters of a number with the check character the standard gives them. */
    public static String withCheckDigit(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("seventeen digits expected");
        }
        return first17 + checkCharacterFor(first17 + "0");
    }

    private static char checkCharacterFor(String candidate) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (candidate.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The full 18 characters, with an upper-case X; show it only to people allowed to see it. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The GB/T 2260 region code where the number was issued (first 6 digits). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The 17th digit (order code) is odd for men and even for women. */
    public boolean isMale() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** First 6 and last 4 characters, 8 asterisks between: {@code 350582********1234}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form: the full number must not end up in logs or exception messages. */
    @Override
    public String toString() {
        return masked();
    }
}

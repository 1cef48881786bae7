package org.yiyong.leads.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a reporter follows a lead with, such as {@code XS-7K3M-Q9PD}: eight random characters
 * (40 bits, so not guessable within the lookup limit) from an alphabet without the look-alikes 0/O
 * and 1/I, easy to read aloud over the phone and to type back.
 */
public final class TrackingCode {

    static final String PREFIX = "XS";
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 8;

    private TrackingCode() {
    }

    public static String random(SecureRandom random) {
        StringBuilder code = new StringBuilder(PREFIX).append('-');
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * A code as typed back, in its stored form: case, spaces and hyphens do not matter, and the prefix
     * may be left out. Empty when it cannot be a tracking code.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-－—_]", "");
        if (compact.length() == PREFIX.length() + LENGTH && compact.startsWith(PREFIX)) {
            compact = compact.substring(PREFIX.length());
        }
        if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + "-" + compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2));
    }
}

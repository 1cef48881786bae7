package org.yiyong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, not longer than BCrypt can hash, of at least three character
 * classes (lower case, upper case, digits, symbols), and not the user name. Answers with message keys,
 * one per broken rule; {@link #messageArguments()} fills in the numbers of every key.
 */
@Component
public class PasswordPolicy {

    /**
     * BCrypt hashes at most 72 bytes and refuses more; counted in UTF-8, where a letter, digit or symbol
     * takes one byte and a Chinese character three.
     */
    public static final int MAX_BYTES = 72;

    /** The bytes of one Chinese character in UTF-8, to state the limit in characters people count. */
    private static final int BYTES_PER_HANZI = 3;

    private final int minLength;

    public PasswordPolicy(IdentityProperties properties) {
        if (properties.passwordMinLength() > MAX_BYTES) {
            throw new IllegalStateException("yiyong.identity.password-min-length must not exceed " + MAX_BYTES
                    + ", the most a password may be");
        }
        this.minLength = properties.passwordMinLength();
    }

    public int minLength() {
        return minLength;
    }

    /**
     * The arguments of every password message: {0} the fewest characters, {1} the most letters, digits
     * and symbols, {2} the most Chinese characters.
     */
    public Object[] messageArguments() {
        return new Object[] {minLength, MAX_BYTES, MAX_BYTES / BYTES_PER_HANZI};
    }

    public List<String> violations(String username, String password) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            violations.add("password.too-short");
        }
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add("password.too-long");
        }
        if (password != null && characterClasses(password) < 3) {
            violations.add("password.too-simple");
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add("password.contains-username");
        }
        return violations;
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        int classes = 0;
        for (boolean present : new boolean[] {lower, upper, digit, symbol}) {
            classes += present ? 1 : 0;
        }
        return classes;
    }
}

package org.yiyong.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, of at least three character classes (lower case, upper case,
 * digits, symbols), and not the user name. Answers with message keys, one per broken rule.
 */
@Component
public class PasswordPolicy {

    private final int minLength;

    public PasswordPolicy(IdentityProperties properties) {
        this.minLength = properties.passwordMinLength();
    }

    public int minLength() {
        return minLength;
    }

    public List<String> violations(String username, String password) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            violations.add("password.too-short");
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

package org.yiyong.identity.web;

import jakarta.validation.constraints.NotBlank;

/**
 * The user's own password change; {@code keepTokens} keeps their personal access tokens, which the
 * change otherwise revokes.
 */
record PasswordForm(@NotBlank(message = "{validation.required}") String currentPassword,
        @NotBlank(message = "{validation.required}") String newPassword,
        @NotBlank(message = "{validation.required}") String confirmPassword, Boolean keepTokens) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "", false);
    }

    /** An unticked box sends nothing. */
    boolean keepsTokens() {
        return Boolean.TRUE.equals(keepTokens);
    }
}

package org.yiyong.identity.web;

import jakarta.validation.constraints.NotBlank;

/** The user's own password change. */
record PasswordForm(@NotBlank(message = "{validation.required}") String currentPassword,
        @NotBlank(message = "{validation.required}") String newPassword,
        @NotBlank(message = "{validation.required}") String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}

package org.yiyong.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.yiyong.identity.Role;

/** The forms of the account pages. */
final class UserForms {

    private UserForms() {
    }

    record NewUser(@NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.too-long}") String username,
            @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.too-long}") String displayName,
            @NotNull(message = "{validation.required}") Long organizationId,
            @NotBlank(message = "{validation.required}") String initialPassword) {

        static NewUser empty() {
            return new NewUser("", "", null, "");
        }
    }

    record EditUser(@NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.too-long}") String displayName,
            @NotNull(message = "{validation.required}") Long organizationId, boolean enabled, long version) {
    }

    record Roles(Set<Role> roles, long version) {
    }

    record ResetPassword(@NotBlank(message = "{validation.required}") String newPassword) {
    }
}

package org.yiyong.identity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new personal access token: a name to recognise it by, and optionally how long it lives. */
record TokenForm(@NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.too-long}") String name,
        @Min(value = 1, message = "{token.valid-days.range}") @Max(value = 3650, message = "{token.valid-days.range}") Integer validDays) {

    static TokenForm empty() {
        return new TokenForm("", 90);
    }
}

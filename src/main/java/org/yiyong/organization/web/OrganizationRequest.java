package org.yiyong.organization.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.internal.OrganizationDetails;

/** The body of POST and PUT /api/v1/organizations. */
record OrganizationRequest(
        @Schema(description = "unique code; generated when left out (POST only)") @Size(max = 40) String code,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 40) String shortName,
        @NotNull OrgType type,
        @Schema(description = "GB/T 2260 region code, e.g. 350582") @NotBlank String regionCode,
        Long parentId,
        @Size(max = 200) String address,
        @Size(max = 40) String phone,
        @Schema(description = "PUT: false deactivates, true reactivates") Boolean active,
        @Schema(description = "PUT: the version read; a stale version is refused with 409") Long version) {

    OrganizationDetails details() {
        return new OrganizationDetails(name, shortName, type, regionCode, parentId, address, phone);
    }
}

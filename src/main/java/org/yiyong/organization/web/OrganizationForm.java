package org.yiyong.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationView;
import org.yiyong.organization.internal.OrganizationDetails;

/** The organization form of the UI. */
record OrganizationForm(@Size(max = 40, message = "{validation.too-long}") String code,
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.too-long}") String name,
        @Size(max = 40, message = "{validation.too-long}") String shortName,
        @NotNull(message = "{validation.required}") OrgType type,
        @NotBlank(message = "{validation.required}") String regionCode,
        Long parentId,
        @Size(max = 200, message = "{validation.too-long}") String address,
        @Size(max = 40, message = "{validation.too-long}") String phone,
        Long version) {

    static OrganizationForm empty(String regionCode) {
        return new OrganizationForm("", "", "", null, regionCode, null, "", "", null);
    }

    static OrganizationForm of(OrganizationView view) {
        return new OrganizationForm(view.code(), view.name(), view.shortName(), view.type(), view.regionCode(),
                view.parentId(), view.address(), view.phone(), view.version());
    }

    OrganizationDetails details() {
        return new OrganizationDetails(name, shortName, type, regionCode, parentId, address, phone);
    }
}

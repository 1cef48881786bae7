package org.yiyong.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/** Who the caller is. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "identity")
class MeApiController {

    @GetMapping
    @Operation(summary = "The signed-in user, their organization, region, roles and data scope")
    Me me(CurrentUser me) {
        return new Me(me.id(), me.username(), me.displayName(),
                new Me.Organization(me.organizationId(), me.organizationName()),
                new Me.Region(me.regionCode(), me.regionName()),
                me.roles().stream().map(Role::name).sorted().toList(),
                me.scope().sortedCodes().stream().toList());
    }

    record Me(long id, String username, String displayName, Organization organization, Region region,
            List<String> roles, List<String> scopeRegionCodes) {

        record Organization(long id, String name) {
        }

        record Region(String code, String name) {
        }
    }
}

package org.yiyong.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAdministration;

/** Who the caller is. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "identity")
class MeApiController {

    private final UserAdministration administration;

    MeApiController(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "The signed-in user, their organization, region, roles and data scope")
    Me me(CurrentUser me) {
        return new Me(me.id(), me.username(), me.displayName(),
                new Me.Organization(me.organizationId(), me.organizationName()),
                new Me.Region(me.regionCode(), me.regionName()),
                me.roles().stream().map(Role::name).sorted().toList(),
                me.scope().sortedCodes().stream().toList());
    }

    @GetMapping("/contact")
    @Operation(summary = "The caller's own mobile and e-mail, and whether the morning digest goes there")
    UserAdministration.Contact contact(CurrentUser me) {
        UserAccount account = administration.own(me);
        return new UserAdministration.Contact(account.getMobile(), account.getEmail(), account.isDigestByEmail(),
                account.isDigestBySms());
    }

    @PutMapping("/contact")
    @Operation(summary = "Change the caller's own mobile and e-mail and where the morning digest goes")
    UserAdministration.Contact changeContact(CurrentUser me, @RequestBody ContactRequest contact) {
        UserAccount account = administration.changeOwnContact(me, new UserAdministration.Contact(contact.mobile(),
                contact.email(), Boolean.TRUE.equals(contact.digestByEmail()), Boolean.TRUE.equals(contact.digestBySms())));
        return new UserAdministration.Contact(account.getMobile(), account.getEmail(), account.isDigestByEmail(),
                account.isDigestBySms());
    }

    /** A channel left out is not chosen; a blank address is removed. */
    record ContactRequest(String mobile, String email, Boolean digestByEmail, Boolean digestBySms) {
    }

    record Me(long id, String username, String displayName, Organization organization, Region region,
            List<String> roles, List<String> scopeRegionCodes) {

        record Organization(long id, String name) {
        }

        record Region(String code, String name) {
        }
    }
}

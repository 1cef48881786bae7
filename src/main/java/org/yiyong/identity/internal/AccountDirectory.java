package org.yiyong.identity.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.OrganizationDirectory;
import org.yiyong.identity.OrganizationDirectory.Placement;

/** Loads accounts for sign-in and for access tokens, with the data scope of their organization. */
@Service
@Transactional(readOnly = true)
public class AccountDirectory implements UserDetailsService {

    private final UserAccounts accounts;
    private final OrganizationDirectory organizations;
    private final Clock clock;

    AccountDirectory(UserAccounts accounts, OrganizationDirectory organizations, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .flatMap(this::signedIn)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<SignedInUser> byId(long id) {
        return accounts.findById(id).flatMap(this::signedIn);
    }

    private Optional<SignedInUser> signedIn(UserAccount account) {
        Optional<Placement> placement = organizations.placementOf(account.getOrganizationId());
        if (placement.isEmpty()) {
            return Optional.empty();
        }
        Placement place = placement.get();
        CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getDisplayName(),
                place.organizationId(), place.name(), place.regionCode(), place.regionName(), place.scope(),
                account.getRoles());
        boolean enabled = account.isEnabled() && place.active();
        return Optional.of(new SignedInUser(user, account.getPasswordHash(), enabled,
                account.isLocked(clock.instant()), account.isPasswordChangeRequired()));
    }
}

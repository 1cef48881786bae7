package org.yiyong.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yiyong.identity.CurrentUser;

/** The Spring Security principal: the current user plus what sign-in needs to check. */
public class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean passwordChangeRequired;

    public SignedInUser(CurrentUser user, String passwordHash, boolean enabled, boolean locked,
            boolean passwordChangeRequired) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public CurrentUser user() {
        return user;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}

package org.yiyong.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiyong.identity.internal.SignedInUser;

/** The user signed in on the current request, for code that cannot take it as a parameter. */
public final class SignedIn {

    private SignedIn() {
    }

    public static Optional<CurrentUser> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.user());
        }
        return Optional.empty();
    }
}

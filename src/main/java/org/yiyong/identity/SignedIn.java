package org.yiyong.identity;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
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

    /**
     * Runs steps signed in as a user (demo data and jobs that act for someone), then restores whoever
     * was signed in before.
     */
    public static <T> T as(UserDetails user, Function<CurrentUser, T> steps) {
        var previous = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            return steps.apply(user().orElseThrow());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

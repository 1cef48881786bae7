package org.yiyong.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API call (and only an API call) that carries {@code Authorization: Bearer <token>} for that one request. A
 * token that is unknown, revoked or expired is answered with 401 at once.
 */
class AccessTokenFilter extends OncePerRequestFilter {

    private final AccessTokenService tokens;
    private final ApiProblems problems;

    AccessTokenFilter(AccessTokenService tokens, ApiProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !ApiProblems.isApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedInUser> user = tokens.authenticate(authorization.substring("Bearer ".length()).trim());
        if (user.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.bad-token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

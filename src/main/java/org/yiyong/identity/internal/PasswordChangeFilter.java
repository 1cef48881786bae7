package org.yiyong.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password was set by an administrator must choose their own before doing anything
 * else: every page sends them to the password form, every API call is refused.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    private final ApiProblems problems;

    PasswordChangeFilter(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && user.passwordChangeRequired() && !isAllowed(request)) {
            if (ApiProblems.isApi(request)) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.password-change-required");
            } else {
                response.sendRedirect(request.getContextPath() + SecurityConfiguration.PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAllowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(SecurityConfiguration.PASSWORD_PAGE) || path.equals("/logout") || path.equals("/error")
                || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/");
    }
}

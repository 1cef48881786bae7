package org.yiyong.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container shows an error that happened elsewhere; asked for directly it
 * has no error to show (Spring Boot would answer 500 with status 999), so it is a page that does not
 * exist: 404, shown by the usual not-found page.
 *
 * <p>The filter sees only requests as they arrive, not the container's own dispatch to the error page.
 */
@Component
class DirectErrorPathGuard extends OncePerRequestFilter implements Ordered {

    static final String ERROR_PATH = "/error";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getDispatcherType() != DispatcherType.REQUEST
                || !(path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}

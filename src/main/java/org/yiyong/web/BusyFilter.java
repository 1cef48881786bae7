package org.yiyong.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with a word to come back shortly when a request finds no free database connection in time (every
 * connection of the pool busy with slower work): a moment of overload, not a fault of the request. Placed before
 * the session filter, which is the first to ask for a connection, so that no page is needed from the database
 * to say so. Pages get a short page of their own, API calls problem+json; both say when to try again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BusyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BusyFilter.class);

    /** Seconds after which to try again. */
    static final int RETRY_AFTER = 10;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!noConnection(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("No database connection free for {} {}: answered 503", request.getMethod(),
                    request.getRequestURI());
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER));
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType("application/problem+json");
                response.getWriter().write("""
                        {"type":"about:blank","title":"服务繁忙","status":503,\
                        "detail":"系统正忙，请 %d 秒后再试。"}""".formatted(RETRY_AFTER));
            } else {
                response.setContentType("text/html");
                response.getWriter().write("""
                        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">\
                        <meta name="viewport" content="width=device-width, initial-scale=1">\
                        <title>系统繁忙</title></head><body style="font-size:18px;font-family:sans-serif;\
                        text-align:center;padding:3em 1em" id="error-page" data-status="503">\
                        <h1>系统繁忙</h1><p>当前访问的人较多，请 %d 秒后刷新本页再试。</p></body></html>"""
                        .formatted(RETRY_AFTER));
            }
        }
    }

    /** Whether the failure comes from a pool that had no connection to give. */
    static boolean noConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

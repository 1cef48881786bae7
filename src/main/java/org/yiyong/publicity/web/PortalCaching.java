package org.yiyong.publicity.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yiyong.identity.SignedIn;

/**
 * HTTP caching of the portal, so that a spike of visitors after a news story is answered by browsers and any
 * proxy in front of Yiyong rather than the database: every page and public JSON is {@code public, max-age=60}
 * with an ETag (a second look within the minute costs nothing; after it, an unchanged page costs a 304). What
 * answers a person's own question — a lead's status, a form's answer — is never stored.
 */
@Configuration(proxyBeanMethods = false)
class PortalCaching implements WebMvcConfigurer {

    static final String PUBLIC_MINUTE = "public, max-age=60";

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> portalEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/public", "/public/*", "/api/v1/public/*");
        registration.setName("portalEtags");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                } else if (request.getRequestURI().startsWith(request.getContextPath() + "/public/leads/status")
                        || request.getRequestURI().startsWith(request.getContextPath() + "/public/certificates/")) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
                } else if (SignedIn.user().isPresent()
                        || request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null) {
                    // a member of staff's page (with the way back to their workbench) is theirs alone; and the root
                    // answered with the portal is, after signing in, the workbench at the same address
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
                } else {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_MINUTE);
                }
                return true;
            }
        }).addPathPatterns("/public", "/public/**", "/api/v1/public/**");
    }
}

package org.yiyong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.yiyong.identity.internal.SignInRecorder.Refusal;

/**
 * How people and scripts get in: form login with a session for people, personal access tokens for
 * scripts. Every sign-in, sign-out, failure and refusal is audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";
    static final String PASSWORD_PAGE = "/account/password";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * No page uses the camera, microphone, location or any other powerful feature. The visit form takes
     * photos through a file input, which opens the phone's camera app with no permission asked of the
     * page, so the camera stays off too.
     */
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), "
            + "display-capture=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), "
            + "accelerometer=(), gyroscope=(), magnetometer=(), screen-wake-lock=(), publickey-credentials-get=(), "
            + "browsing-topics=(), interest-cohort=()";

    /** The public portal's addresses: open to everyone, served without a session. */
    static final String[] PORTAL = {"/public", "/public/**", "/api/v1/public/**", "/robots.txt", "/sitemap.xml"};

    /**
     * The public portal. A visitor gets no session and no cookie: nothing is saved for an anonymous request,
     * and the portal's forms (a lead, an objection) carry no CSRF token, since they act for nobody signed in —
     * anyone may send them, throttled per client address. A member of staff who is signed in is still known
     * here (their session is read, never made).
     */
    @Bean
    @Order(1)
    SecurityFilterChain portalFilterChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http
                .securityMatcher(PORTAL)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInRecorder signIns, SignInThrottle throttle,
            DeniedRequests denied, ApiProblems problems, AccessTokenService tokens, SecurityContextRepository contexts,
            UserAccounts accounts, PasswordEncoder encoder)
            throws Exception {
        http
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.ico", "/error", "/actuator/health/**",
                                "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN_PAGE)
                        .successHandler(successHandler(signIns))
                        .failureHandler(failureHandler(signIns, throttle, accounts, encoder))
                        .permitAll())
                .logout(logout -> logout
                        .logoutSuccessHandler(logoutSuccessHandler(signIns)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::isCsrfSafeApiCall))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(problems, denied))
                        .accessDeniedHandler(accessDeniedHandler(problems, denied)))
                .headers(SecurityConfiguration::headers)
                .addFilterBefore(new SignInThrottle.Filter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccessTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(problems), AccessTokenFilter.class);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                // written only on requests that arrived over HTTPS; behind a TLS proxy that takes
                // YIYONG_FORWARD_HEADERS=native, or the request never looks secure
                .httpStrictTransportSecurity(hsts -> hsts
                        .maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                        .includeSubDomains(true));
    }

    /**
     * A request the firewall refuses (a NUL or an encoded slash in the path, and the like) is a 400 like
     * any other bad request: problem+json for the API, the usual error page otherwise.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiProblems problems) {
        HttpStatusRequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (ApiProblems.isApi(request)) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.request-rejected");
            } else {
                pages.handle(request, response, rejected);
            }
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A JSON API call cannot be forged by another site: a cross-site form cannot send
     * {@code application/json}, and a token in the Authorization header is never sent by a browser on
     * its own. Such calls skip the CSRF token; forms and everything else need it.
     */
    private static boolean isCsrfSafeApiCall(HttpServletRequest request) {
        if (!ApiProblems.isApi(request)) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return true;
        }
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardType()
                    && !type.isWildcardSubtype();
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * API calls get 401 problem+json, and the refusal goes on the audit trail (summarised per client
     * address); pages send the visitor to the sign-in page, which is no refusal worth recording.
     */
    private static AuthenticationEntryPoint entryPoint(ApiProblems problems, DeniedRequests denied) {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
        return (request, response, exception) -> {
            if (ApiProblems.isApi(request)) {
                denied.deniedAnonymous(request);
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
            } else {
                login.commence(request, response, exception);
            }
        };
    }

    private static AuthenticationSuccessHandler successHandler(SignInRecorder signIns) {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (!signIns.succeeded(authentication.getName())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error=bad");
                return;
            }
            if (authentication.getPrincipal() instanceof SignedInUser user && user.passwordChangeRequired()) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A wrong password, an unknown name and a locked account get one answer, so that the sign-in form
     * tells nobody which names exist or are locked. A disabled account is only named as such to someone
     * who typed its password: the account check runs before the password check, and would otherwise
     * tell anyone that the name exists. For the same reason the password of a locked or disabled account
     * is hashed here, so that its refusal takes as long as a wrong password's.
     */
    private static AuthenticationFailureHandler failureHandler(SignInRecorder signIns, SignInThrottle throttle,
            UserAccounts accounts, PasswordEncoder encoder) {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            Refusal reason = reasonOf(exception);
            if (reason != Refusal.BAD_CREDENTIALS) {
                boolean knewThePassword = passwordMatches(accounts, encoder, username,
                        request.getParameter("password"));
                if (reason == Refusal.DISABLED && !knewThePassword) {
                    reason = Refusal.BAD_CREDENTIALS;
                }
            }
            Refusal outcome = signIns.failed(username, reason);
            throttle.failed(request);
            String error = outcome == Refusal.DISABLED ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error=" + error);
        };
    }

    private static boolean passwordMatches(UserAccounts accounts, PasswordEncoder encoder, String username,
            String password) {
        return username != null && password != null && accounts.findByUsername(username.trim())
                .map(account -> encoder.matches(password, account.getPasswordHash()))
                .orElse(false);
    }

    private static Refusal reasonOf(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return Refusal.LOCKED;
        }
        if (exception instanceof DisabledException) {
            return Refusal.DISABLED;
        }
        return Refusal.BAD_CREDENTIALS;
    }

    private static LogoutSuccessHandler logoutSuccessHandler(SignInRecorder signIns) {
        return (request, response, authentication) -> {
            if (authentication != null) {
                signIns.signedOut(authentication.getName());
            }
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?logout");
        };
    }

    /**
     * Refusals of signed-in callers, and of anonymous ones whose request failed the CSRF check: that
     * check runs before sign-in is required, so an anonymous API call other than GET lands here. It is
     * answered 401 like every other anonymous API call, since signing in is what it lacks.
     */
    private static AccessDeniedHandler accessDeniedHandler(ApiProblems problems, DeniedRequests denied) {
        return (request, response, exception) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = caller == null || !caller.isAuthenticated()
                    || caller instanceof AnonymousAuthenticationToken;
            if (anonymous) {
                denied.deniedAnonymous(request);
            } else {
                denied.denied(request, caller.getName());
            }
            if (ApiProblems.isApi(request)) {
                problems.write(request, response, anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                        anonymous ? "problem.unauthenticated" : "problem.forbidden");
            } else {
                response.sendError(HttpStatus.FORBIDDEN.value());
            }
        };
    }
}

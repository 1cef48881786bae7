package org.yiyong.identity.internal;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;

/** Hands the signed-in {@link CurrentUser} to controller methods and to every page as {@code me}. */
@Configuration(proxyBeanMethods = false)
class CurrentUserSupport implements WebMvcConfigurer {

    static {
        // the signed-in user is not a request parameter: keep it out of the OpenAPI document
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    static CurrentUser current() {
        return SignedIn.user().orElse(null);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return CurrentUser.class.equals(parameter.getParameterType());
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                CurrentUser user = current();
                if (user == null) {
                    throw new AuthenticationCredentialsNotFoundException("not signed in");
                }
                return user;
            }
        });
    }

    @ControllerAdvice
    static class CurrentUserModel {

        @ModelAttribute("me")
        CurrentUser me(jakarta.servlet.http.HttpServletRequest request) {
            // a signed-in page's forms carry the CSRF token: resolve it (and the session holding it) now, before
            // the page is written — once a long page has filled the response buffer, no session can be made.
            // A visitor's page gets none: the portal makes no session, and the sign-in page is short.
            CurrentUser user = current();
            Object token = request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
            if (user != null && token instanceof org.springframework.security.web.csrf.CsrfToken csrf) {
                csrf.getToken();
            }
            return user;
        }
    }
}

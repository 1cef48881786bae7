package org.yiyong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem+json answers from security filters, which run before Spring MVC. */
@Component
public class ApiProblems {

    private final MessageSource messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ApiProblems(MessageSource messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(messageKey, null, messageKey, locale));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}

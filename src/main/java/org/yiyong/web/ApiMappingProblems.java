package org.yiyong.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A call to the API that no operation takes — the wrong content type, the wrong method — fails before
 * any controller is chosen, so {@link ApiExceptionHandler} (which speaks for the API's controllers)
 * never sees it. Under {@code /api} it is answered problem+json like every other refusal; elsewhere
 * the exception goes on to the usual error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiMappingProblems {

    private final MessageSource messages;

    ApiMappingProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!isApi(request)) {
            throw ex;
        }
        String supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("problem.media-type", supported), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!isApi(request)) {
            throw ex;
        }
        return problem(HttpStatus.METHOD_NOT_ALLOWED, text("problem.method"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!isApi(request)) {
            throw ex;
        }
        return problem(HttpStatus.NOT_ACCEPTABLE, text("problem.not-acceptable"), request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text("problem.title." + status.value()));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

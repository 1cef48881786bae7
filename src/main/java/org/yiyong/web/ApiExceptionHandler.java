package org.yiyong.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the JSON API as RFC 9457 problem+json, in the caller's language, with the fields at
 * fault under {@code errors}. Nothing the caller sends produces a 500 or a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request) {
        HttpStatus status = ErrorStatus.of(ex.kind());
        ProblemDetail problem = problem(status, text(ex.messageKey(), ex.arguments()), request);
        if (ex instanceof InvalidField invalid) {
            problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message",
                    text(ex.messageKey(), ex.arguments()))));
        }
        return respond(problem);
    }

    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> stale(TransientDataAccessException ex, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, text("error.stale"), request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex, HttpServletRequest request) {
        log.info("Refused a write that broke a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.CONFLICT, text("error.conflict"), request));
    }

    @ExceptionHandler(java.time.DateTimeException.class)
    ResponseEntity<ProblemDetail> impossibleDate(java.time.DateTimeException ex, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, text("error.date"), request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        RefusedValue refused = RefusedValue.in(ex);
        if (refused != null) {
            return domain(refused.at(ex.getName()), request);
        }
        InvalidField invalid = invalidFieldIn(ex);
        if (invalid != null) {
            // a value type that refused what it was given (a region code of the wrong shape)
            return domain(new InvalidField(ex.getName(), invalid.messageKey(), invalid.arguments()), request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.parameter.wrong-type", ex.getName()),
                request);
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message",
                text("problem.parameter.wrong-type", ex.getName()))));
        return respond(problem);
    }

    private static InvalidField invalidFieldIn(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof InvalidField invalid) {
                return invalid;
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected"), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        ProblemDetail problem;
        if (cause instanceof InvalidField invalid) {
            // a value refused by the input rules (InputRulesModule), at the path Jackson reached it by
            String field = ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty() ? path(json)
                    : invalid.field();
            String message = text(invalid.messageKey(), invalid.arguments());
            problem = problem(HttpStatus.BAD_REQUEST, message, request);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            problem = problem(HttpStatus.BAD_REQUEST, text("problem.json.wrong-type", field), request);
            problem.setProperty("errors", List.of(Map.of("field", field, "message",
                    text("problem.json.wrong-type", field))));
        } else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            problem = problem(HttpStatus.BAD_REQUEST, text("problem.json.malformed"), request);
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, text("problem.json.missing-body"), request);
        }
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", messages.getMessage(error, locale)));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation"), request);
        problem.setProperty("errors", errors);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation"), request);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() == null) {
            problem.setDetail(text("problem.title." + status.value()));
        }
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, status);
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private ProblemDetail problem(HttpStatus status, String detail, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        return problem(status, detail, servlet);
    }

    private ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text("problem.title." + status.value()));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

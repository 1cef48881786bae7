package org.yiyong.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.SignedIn;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;

/**
 * Domain refusals on pages: a record outside the data scope gets the 404 page, a refusal the page
 * with its reason in the user's language. Never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final AuditTrail audit;

    PageExceptionHandler(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException ex, HttpServletRequest request) {
        HttpStatus status = ErrorStatus.of(ex.kind());
        if (status == HttpStatus.FORBIDDEN) {
            audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, null, null)
                    .withDetail(request.getMethod() + " " + request.getRequestURI() + " " + ex.messageKey()));
        }
        if (status == HttpStatus.NOT_FOUND) {
            return page(status, "error/404", null, null);
        }
        return page(status, "error/refused", ex.messageKey(), ex.arguments());
    }

    @ExceptionHandler(TransientDataAccessException.class)
    ModelAndView stale() {
        return page(HttpStatus.CONFLICT, "error/refused", "error.stale", new Object[0]);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView conflict(DataIntegrityViolationException ex) {
        log.info("Refused a write that broke a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return page(HttpStatus.CONFLICT, "error/refused", "error.conflict", new Object[0]);
    }

    @ExceptionHandler(DateTimeException.class)
    ModelAndView impossibleDate(DateTimeException ex) {
        return page(HttpStatus.BAD_REQUEST, "error/refused", "error.date", new Object[0]);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
        RefusedValue refused = RefusedValue.in(ex);
        if (refused != null) {
            InvalidField invalid = refused.at(ex.getName());
            return page(HttpStatus.BAD_REQUEST, "error/refused", invalid.messageKey(), invalid.arguments());
        }
        log.debug("Bad parameter {}", ex.getName());
        return page(HttpStatus.NOT_FOUND, "error/404", null, null);
    }

    private static ModelAndView page(HttpStatus status, String view, String messageKey, Object[] arguments) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        page.addObject("messageArgs", arguments);
        page.addObject("me", SignedIn.user().orElse(null));
        return page;
    }
}

package org.yiyong.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A throttled public form gets a 429 page that says, in the user's language, to try again later. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ThrottledPage {

    @ExceptionHandler(TooManyRequests.class)
    ModelAndView tooMany(TooManyRequests ex, HttpServletResponse response) {
        long seconds = Math.max(1, ex.retryAfter().toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ModelAndView page = new ModelAndView("error/429");
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("status", HttpStatus.TOO_MANY_REQUESTS.value());
        page.addObject("messageKey", "throttle." + ex.action().name());
        page.addObject("minutes", Math.max(1, (seconds + 59) / 60));
        return page;
    }
}

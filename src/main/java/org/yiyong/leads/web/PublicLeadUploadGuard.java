package org.yiyong.leads.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * A lead form whose files are larger than the upload limit goes back to the form with a message that
 * says so. Without this the container gives up on the body before the CSRF check can read its token,
 * and the sender sees "no permission" instead. It must run ahead of Spring Security; it only reads
 * the body, so answering before the CSRF check is safe.
 */
@Component
class PublicLeadUploadGuard extends OncePerRequestFilter implements Ordered {

    @Override
    public int getOrder() {
        return -102;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !PublicLeadController.NEW_PATH.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            new StandardMultipartHttpServletRequest(request);
        } catch (MaxUploadSizeExceededException tooLarge) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION,
                    response.encodeRedirectURL(request.getContextPath() + PublicLeadController.NEW_PATH + "?too-large"));
            return;
        } catch (MultipartException otherwiseBroken) {
            // left to the usual handling further on
        }
        chain.doFilter(request, response);
    }
}

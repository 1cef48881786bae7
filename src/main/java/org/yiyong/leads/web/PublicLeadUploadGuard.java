package org.yiyong.leads.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
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
 * says so; one whose body the container cannot read at all (a file name with a NUL byte in it) gets the
 * form again, answered 400, with a message. Without this the container gives up on the body before the
 * CSRF check can read its token, and the sender sees "no permission" instead. It must run ahead of Spring Security; it only reads
 * the body, so answering before the CSRF check is safe.
 */
@Component
class PublicLeadUploadGuard extends OncePerRequestFilter implements Ordered {

    /** Request attribute set when the form's body could not be read; the form then says so. */
    static final String UNREADABLE = PublicLeadUploadGuard.class.getName() + ".UNREADABLE";

    private static final Logger log = LoggerFactory.getLogger(PublicLeadUploadGuard.class);

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
                || !PublicLeadController.NEW_PATH.equals(path) && !LeadReportController.NEW_PATH.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            new StandardMultipartHttpServletRequest(request);
        } catch (MaxUploadSizeExceededException tooLarge) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION,
                    response.encodeRedirectURL(request.getRequestURI() + "?too-large"));
            return;
        } catch (MultipartException unreadable) {
            // Tomcat refuses the whole body, e.g. for a file name with a NUL byte in it, so not even the
            // CSRF token can be read. The sender gets the empty form again, answered 400, with a
            // message: the request goes on as the form's GET, which changes nothing.
            log.info("Refused an unreadable lead form: {}",
                    NestedExceptionUtils.getMostSpecificCause(unreadable).getMessage());
            request.setAttribute(UNREADABLE, Boolean.TRUE);
            chain.doFilter(new EmptyGet(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request as a GET of the form, without the body that could not be read. */
    private static final class EmptyGet extends HttpServletRequestWrapper {

        EmptyGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return isBodyHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isBodyHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }

        private static boolean isBodyHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
        }
    }
}

package org.yiyong.files.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiyong.files.Attachments;
import org.yiyong.files.Attachments.StoredFile;
import org.yiyong.files.internal.FileStore;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attachments on pages: the upload form posts here and is sent back to the page it came from with
 * the outcome as a flash message; a download is always saved, never shown in the browser.
 */
@Controller
class FileController {

    static final String UPLOAD_PATH = "/files";
    /** the visit form, which sends its photos with the visit */
    static final String VISIT_PATH = "/visits";
    private static final String HOME = "/";
    private static final Logger log = LoggerFactory.getLogger(FileController.class);
    /** The flash map store Spring MVC uses by default, for the filter that answers before MVC. */
    private static final FlashMapManager FLASH = new SessionFlashMapManager();

    private final Attachments attachments;

    FileController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(UPLOAD_PATH)
    String upload(CurrentUser me, @RequestParam String ownerType, @RequestParam long ownerId,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        String back = "redirect:" + (isLocalPath(returnTo) ? returnTo : HOME);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            redirect.addFlashAttribute("failure", "file.missing");
            return back;
        }
        try (InputStream content = file.getInputStream()) {
            attachments.store(me, ownerType, ownerId, file.getOriginalFilename(), content);
            redirect.addFlashAttribute("success", "file.uploaded");
        } catch (InvalidField refused) {
            redirect.addFlashAttribute("failure", refused.messageKey());
            redirect.addFlashAttribute("failureArgs", texts(refused.arguments()));
        } catch (IOException | UncheckedIOException failed) {
            log.error("Could not store an upload for {} {}", ownerType, ownerId, failed);
            redirect.addFlashAttribute("failure", "file.storage-failed");
        }
        return back;
    }

    @GetMapping("/files/{id}")
    ResponseEntity<Resource> download(CurrentUser me, @PathVariable long id) {
        return download(attachments.open(me, id));
    }

    /**
     * The download answer both the pages and the API give; the length is set from the file by the
     * resource converter, which also answers range requests.
     */
    static ResponseEntity<Resource> download(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.downloadName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    /**
     * {@code attachment} with an ASCII fallback name and the real name in UTF-8 (RFC 6266, RFC 8187), so
     * that a Chinese name arrives intact in every current browser.
     */
    static String contentDisposition(String fileName) {
        StringBuilder fallback = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    /** A path on this site: starts with one slash, so that {@code //host} or {@code /\host} cannot leave it. */
    static boolean isLocalPath(String path) {
        return path != null && path.length() < 2000 && path.startsWith("/") && !path.startsWith("//")
                && path.indexOf('\\') < 0 && path.indexOf('{') < 0 && path.indexOf('}') < 0
                && path.chars().noneMatch(Character::isISOControl);
    }

    private static String[] texts(Object[] arguments) {
        return Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
    }

    /**
     * Answers an upload that is above the multipart limit, or that the container cannot read at all
     * (a file name with a NUL byte in it), instead of the servlet container's bare error page: the
     * upload form goes back to the page it was on with a message (its fields are in the refused body,
     * so the page is taken from the Referer), the API gets 413 or 400 problem+json.
     *
     * <p>It has to be a filter ahead of Spring Security: Tomcat parses a multipart body the first
     * time any parameter is read, which is the CSRF check, and there it fails with an exception that
     * no controller advice ever sees. Only POSTs of multipart bodies to the two upload paths are
     * looked at (and the visit form, which sends photos with the visit); nothing is changed, so
     * answering before the CSRF check is safe.
     */
    @Component
    static class UploadSizeGuard extends OncePerRequestFilter implements Ordered {

        /** Just ahead of Spring Security's filter chain (-100). */
        static final int ORDER = -101;

        private final MessageSource messages;
        private final LocaleResolver locales;
        private final JsonMapper json;
        private final String limit;

        UploadSizeGuard(MessageSource messages, LocaleResolver locales, JsonMapper json, Environment environment) {
            this.messages = messages;
            this.locales = locales;
            this.json = json;
            this.limit = FileStore.megabytes(environment.getProperty("yiyong.files.max-size", DataSize.class,
                    DataSize.ofMegabytes(20)));
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String contentType = request.getContentType();
            return !"POST".equals(request.getMethod()) || contentType == null
                    || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || path(request) == null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                new StandardMultipartHttpServletRequest(request);
            } catch (MaxUploadSizeExceededException tooLarge) {
                answer(request, response);
                return;
            } catch (MultipartException unreadable) {
                // Tomcat refuses the whole body, e.g. for a file name with a NUL byte in it; nothing of
                // it can be read further on, not even the CSRF token, so it is answered here.
                log.info("Refused an unreadable upload to {}: {}", request.getRequestURI(),
                        NestedExceptionUtils.getMostSpecificCause(unreadable).getMessage());
                answer(request, response, HttpStatus.BAD_REQUEST, FileStore.UNREADABLE, new String[0]);
                return;
            }
            chain.doFilter(request, response);
        }

        /** Answers an upload above the size limit on one of the upload paths; {@code false} for any other path. */
        boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
            return answer(request, response, HttpStatus.PAYLOAD_TOO_LARGE, FileStore.TOO_LARGE,
                    new String[] {limit});
        }

        private boolean answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                String messageKey, String[] arguments) throws IOException {
            String path = path(request);
            if (FileApiController.PATH.equals(path)) {
                Locale locale = locales.resolveLocale(request);
                String text = messages.getMessage(messageKey, arguments, messageKey, locale);
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("title", messages.getMessage("problem.title." + status.value(), null,
                        status.getReasonPhrase(), locale));
                problem.put("status", status.value());
                problem.put("detail", text);
                problem.put("instance", request.getRequestURI());
                problem.put("errors", List.of(Map.of("field", "file", "message", text)));
                response.setStatus(status.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(json.writeValueAsString(problem));
                return true;
            }
            if (UPLOAD_PATH.equals(path) || VISIT_PATH.equals(path)) {
                String target = refererPath(request);
                FlashMap flash = new FlashMap();
                flash.put("failure", messageKey);
                flash.put("failureArgs", arguments);
                UriComponents uri = UriComponentsBuilder.fromUriString(target).build();
                flash.setTargetRequestPath(uri.getPath());
                flash.addTargetRequestParams(uri.getQueryParams());
                FLASH.saveOutputFlashMap(flash, request, response);
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader(HttpHeaders.LOCATION, response.encodeRedirectURL(target));
                return true;
            }
            return false;
        }

        /** The upload path asked for, without the context path; {@code null} for any other. */
        private static String path(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals(UPLOAD_PATH) || path.equals(FileApiController.PATH) || path.equals(VISIT_PATH) ? path
                    : null;
        }

        /** The page the form was on, if it is a page of this site; the workbench otherwise. */
        private static String refererPath(HttpServletRequest request) {
            String home = request.getContextPath() + HOME;
            String referer = request.getHeader(HttpHeaders.REFERER);
            if (referer == null) {
                return home;
            }
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (!request.getServerName().equalsIgnoreCase(uri.getHost()) || path == null
                        || !path.startsWith(request.getContextPath() + "/")) {
                    return home;
                }
                String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                return isLocalPath(target) ? target : home;
            } catch (IllegalArgumentException malformed) {
                return home;
            }
        }
    }

    /**
     * The same answer where the limit is met later, inside Spring MVC (other servlet containers, or
     * lazy multipart parsing). Such a refusal comes before any controller is chosen, so an advice
     * limited to this controller would never see it; other paths are left to the default handling.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class UploadTooLarge {

        private final UploadSizeGuard guard;

        UploadTooLarge(UploadSizeGuard guard) {
            this.guard = guard;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        void tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response)
                throws IOException, MaxUploadSizeExceededException {
            if (!guard.answer(request, response)) {
                throw ex;
            }
        }
    }
}

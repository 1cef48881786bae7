package org.yiyong.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file answered to the browser under its name, which may be Chinese (sent encoded as UTF-8): a PDF
 * shown in the browser, or a file to save.
 */
public final class Downloads {

    private Downloads() {
    }

    /** A PDF shown in the browser, under its file name; the body is its bytes or a resource. */
    public static <T> ResponseEntity<T> pdf(String filename, T body) {
        return file(ContentDisposition.inline(), MediaType.APPLICATION_PDF, filename, body);
    }

    /** A file of the given type to save, under its file name. */
    public static <T> ResponseEntity<T> attachment(MediaType type, String filename, T body) {
        return file(ContentDisposition.attachment(), type, filename, body);
    }

    private static <T> ResponseEntity<T> file(ContentDisposition.Builder disposition, MediaType type,
            String filename, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}

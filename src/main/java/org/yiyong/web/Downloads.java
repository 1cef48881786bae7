package org.yiyong.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * A temporary file to write an answer into: when made within a transaction, it is removed again unless the
     * transaction commits (what was written must not stay behind when the answer is not sent).
     */
    public static Path temporaryFile(String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            try {
                                Files.deleteIfExists(file);
                            } catch (IOException ignored) {
                                // left in the temporary directory
                            }
                        }
                    }
                });
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file written for this answer only, to save under its file name: sent from the disk as it is read, and
     * removed when sent (or when the sending stops).
     */
    public static ResponseEntity<Resource> temporary(MediaType type, String filename, Path file) {
        try {
            long size = Files.size(file);
            InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            return ResponseEntity.ok().contentType(type).contentLength(size)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                    .body(new InputStreamResource(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> ResponseEntity<T> file(ContentDisposition.Builder disposition, MediaType type,
            String filename, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}

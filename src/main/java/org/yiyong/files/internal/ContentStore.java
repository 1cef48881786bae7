package org.yiyong.files.internal;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/** Where the content of kept attachments lies, by storage key: a directory, or S3-compatible object storage. */
public interface ContentStore {

    /**
     * Keeps the file's content under the key; the file itself is moved or deleted.
     *
     * @throws java.io.UncheckedIOException when the content could not be kept
     */
    void put(String key, Path file, long size);

    /** The content under the key, or empty when there is none. */
    Optional<Resource> open(String key, long size);

    /** Removes the content under the key, if any; failures are logged, not thrown. */
    void delete(String key);

    /** Where the content lies, for the log. */
    String describe();
}

package org.yiyong.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.yiyong.files.Attachments;
import org.yiyong.files.internal.FilesProperties;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.shared.InvalidField;

/**
 * Receives and keeps attachment content. An upload is first written to a temporary file in the upload
 * directory while its SHA-256 is computed and its size checked; once accepted it is kept in the
 * {@link ContentStore} (moved, atomically, to {@code <aa>/<bb>/<uuid>} in a directory, or put in a
 * bucket under that key). Keeping joins the database transaction: if the transaction rolls back, the
 * content is removed, so there is never content without its row nor a row without its content.
 */
@Component
public class FileStore {

    /** The message key when a file is larger than allowed; its argument is the limit in MB. */
    public static final String TOO_LARGE = "file.too-large";
    /** Message key for an upload the container could not read, e.g. a file name with a NUL byte. */
    public static final String UNREADABLE = "file.unreadable";

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern STORAGE_KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final DataSize maxSize;
    private final ContentStore content;

    @Autowired
    FileStore(FilesProperties files, YiyongProperties platform, ContentStore content) {
        this(uploadDirectory(files, platform), files.maxSize(), content);
    }

    /** Uploads wait, and with the local store are kept, in this directory. */
    static Path uploadDirectory(FilesProperties files, YiyongProperties platform) {
        return files.storageDir() != null ? files.storageDir() : platform.dataDir().resolve("files");
    }

    /** Content kept in the directory the uploads wait in. */
    public FileStore(Path root, DataSize maxSize) {
        this(root, maxSize, new LocalContentStore(root));
    }

    public FileStore(Path root, DataSize maxSize, ContentStore content) {
        this.root = root.toAbsolutePath().normalize();
        this.maxSize = maxSize;
        this.content = content;
    }

    /** The size limit in megabytes, as shown to people: {@code 20}, {@code 0.5}. */
    public String maxSizeInMegabytes() {
        return megabytes(maxSize);
    }

    /** A size in megabytes, as shown to people: {@code 20}, {@code 0.5}. */
    public static String megabytes(DataSize size) {
        return BigDecimal.valueOf(size.toBytes())
                .divide(BigDecimal.valueOf(DataSize.ofMegabytes(1).toBytes()), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Writes the content to a temporary file, hashing and counting it. Closing the upload deletes the
     * temporary file unless it was {@linkplain #keep kept}.
     *
     * @throws InvalidField on {@code file} with {@link #TOO_LARGE} above the limit; nothing is left on disk
     * @throws UncheckedIOException when the disk cannot be written; nothing is left on disk
     */
    public Upload receive(InputStream content) {
        Path temporary = null;
        try {
            Files.createDirectories(root);
            temporary = Files.createTempFile(root, ".upload-", ".part");
            MessageDigest sha256 = sha256();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(temporary)) {
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxSize.toBytes()) {
                        throw new InvalidField("file", TOO_LARGE, maxSizeInMegabytes());
                    }
                    sha256.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new Upload(temporary, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException failed) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Could not write an upload to " + root, failed);
        } catch (RuntimeException refused) {
            deleteQuietly(temporary);
            throw refused;
        }
    }

    /**
     * Keeps an accepted upload in the content store and returns its storage key. Must run in a
     * transaction: the content is removed again if that transaction rolls back.
     */
    public String keep(Upload upload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(
                    "Attachments are kept within a transaction, so that a rollback removes them");
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        String key = id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id;
        // registered first: content the store took before failing to answer is removed with the rollback too
        TransactionSynchronizationManager.registerSynchronization(new RemoveOnRollback(content, key));
        content.put(key, upload.path(), upload.size());
        upload.kept = true;
        return key;
    }

    /**
     * The content of a storage key, or empty when it is missing. Keys are checked, so a tampered row
     * cannot reach other files.
     */
    public Optional<Resource> open(String storageKey, long size) {
        if (storageKey == null || !STORAGE_KEY.matcher(storageKey).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + storageKey);
        }
        return content.open(storageKey, size);
    }

    /** Where kept content lies, for the log. */
    public String describe() {
        return content.describe();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException failed) {
            log.warn("Could not delete {}; it is left on disk", file, failed);
        }
    }

    /** A received file, not yet kept. */
    public static final class Upload implements AutoCloseable {

        private final Path path;
        private final long size;
        private final String sha256;
        private boolean kept;

        Upload(Path path, long size, String sha256) {
            this.path = path;
            this.size = size;
            this.sha256 = sha256;
        }

        /** The temporary file, for looking at the content before keeping it. */
        public Path path() {
            return path;
        }

        public long size() {
            return size;
        }

        /** Lower-case hex. */
        public String sha256() {
            return sha256;
        }

        /** Deletes the temporary file unless the upload was kept. */
        @Override
        public void close() {
            if (!kept) {
                deleteQuietly(path);
            }
        }
    }

    /**
     * Deletes a kept file when its transaction rolls back. An unknown outcome keeps the file: a file
     * without a row is only wasted space, a row without its file would be a broken attachment.
     */
    static final class RemoveOnRollback implements TransactionSynchronization {

        private final ContentStore content;
        private final String key;

        RemoveOnRollback(ContentStore content, String key) {
            this.content = content;
            this.key = key;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_ROLLED_BACK) {
                content.delete(key);
            }
        }
    }
}

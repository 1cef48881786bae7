package org.yiyong.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Attachment content in S3-compatible object storage. Runs when {@code YIYONG_TEST_S3_ENDPOINT} names
 * one (CI starts an S3-compatible server and sets it; access key and secret from
 * {@code YIYONG_TEST_S3_ACCESS_KEY} / {@code _SECRET_KEY}, default {@code S3RVER}); skipped otherwise.
 */
class S3ContentStoreTests {

    @TempDir
    Path uploads;

    /** a bucket of this test's own, which the store creates */
    private final String bucket = "yiyong-test-" + UUID.randomUUID().toString().substring(0, 8);
    private S3ContentStore content;

    @BeforeEach
    void connect() {
        String endpoint = System.getenv("YIYONG_TEST_S3_ENDPOINT");
        assumeTrue(endpoint != null && !endpoint.isBlank(), "no S3-compatible storage (YIYONG_TEST_S3_ENDPOINT)");
        content = S3ContentStore.connect(settings(URI.create(endpoint), bucket));
    }

    static FilesProperties.S3 settings(URI endpoint, String bucket) {
        String access = System.getenv().getOrDefault("YIYONG_TEST_S3_ACCESS_KEY", "S3RVER");
        String secret = System.getenv().getOrDefault("YIYONG_TEST_S3_SECRET_KEY", "S3RVER");
        return new FilesProperties.S3(endpoint, bucket, "cn-north-1", access, secret, true);
    }

    @AfterEach
    void close() {
        if (content != null) {
            content.close();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_kept_upload_is_read_back_from_the_bucket_and_leaves_no_file_on_the_node() throws IOException {
        FileStore store = new FileStore(uploads, DataSize.ofMegabytes(1), content);
        TransactionSynchronizationManager.initSynchronization();
        String key;
        byte[] bytes = "见义勇为，事迹材料".getBytes(StandardCharsets.UTF_8);
        try (FileStore.Upload upload = store.receive(new ByteArrayInputStream(bytes))) {
            key = store.keep(upload);
        }
        complete(TransactionSynchronization.STATUS_COMMITTED);

        try (var files = Files.list(uploads)) {
            assertThat(files).as("the upload's temporary file is gone once it is in the bucket").isEmpty();
        }
        Resource stored = store.open(key, bytes.length).orElseThrow();
        assertThat(stored.contentLength()).isEqualTo(bytes.length);
        for (int read = 0; read < 2; read++) { // read afresh each time, as a download and its retry would
            try (InputStream in = stored.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
        // another node: its own client, the same bucket
        try (S3ContentStore otherNode = S3ContentStore.connect(settings(
                URI.create(System.getenv("YIYONG_TEST_S3_ENDPOINT")), bucket))) {
            try (InputStream in = otherNode.open(key, bytes.length).orElseThrow().getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void a_rollback_removes_the_object() {
        FileStore store = new FileStore(uploads, DataSize.ofMegabytes(1), content);
        TransactionSynchronizationManager.initSynchronization();
        String key;
        try (FileStore.Upload upload = store.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}))) {
            key = store.keep(upload);
        }
        assertThat(store.open(key, 3)).isPresent();

        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(store.open(key, 3)).isEmpty();
    }

    @Test
    void a_missing_object_is_no_content() {
        assertThat(content.open("ab/cd/abcd" + "0".repeat(28), 10)).isEmpty();
    }

    private static void complete(int status) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(status);
        }
        TransactionSynchronizationManager.clearSynchronization();
    }
}

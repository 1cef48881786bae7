package org.yiyong.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.yiyong.shared.InvalidField;

class FileStoreTests {

    /** SHA-256 of "abc", from FIPS 180-2. */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path root;

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void the_sha256_and_size_of_an_upload_are_those_of_its_content() {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        try (FileStore.Upload upload = store.receive(content("abc"))) {
            assertThat(upload.sha256()).isEqualTo(SHA256_OF_ABC);
            assertThat(upload.size()).isEqualTo(3);
        }
    }

    @Test
    void a_file_above_the_limit_is_refused_and_nothing_is_left_on_disk() throws IOException {
        FileStore store = new FileStore(root, DataSize.ofKilobytes(512));

        assertThatThrownBy(() -> store.receive(new ByteArrayInputStream(new byte[600 * 1024])))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("file");
                    assertThat(refused.messageKey()).isEqualTo("file.too-large");
                    assertThat(refused.arguments()).containsExactly("0.5");
                });
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void a_file_of_exactly_the_limit_is_accepted() {
        FileStore store = new FileStore(root, DataSize.ofKilobytes(4));
        try (FileStore.Upload upload = store.receive(new ByteArrayInputStream(new byte[4096]))) {
            assertThat(upload.size()).isEqualTo(4096);
        }
    }

    @Test
    void the_limit_is_shown_in_whole_megabytes_where_it_can_be() {
        assertThat(new FileStore(root, DataSize.ofMegabytes(20)).maxSizeInMegabytes()).isEqualTo("20");
        assertThat(new FileStore(root, DataSize.ofKilobytes(512)).maxSizeInMegabytes()).isEqualTo("0.5");
    }

    @Test
    void a_failed_read_leaves_nothing_on_disk() throws IOException {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        InputStream failing = new InputStream() {
            private int chunks = 3;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (chunks-- == 0) {
                    throw new IOException("connection lost");
                }
                return length;
            }
        };

        assertThatThrownBy(() -> store.receive(failing)).isInstanceOf(UncheckedIOException.class);
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void an_upload_that_is_not_kept_is_deleted_when_closed() throws IOException {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        Path temporary;
        try (FileStore.Upload upload = store.receive(content("abc"))) {
            temporary = upload.path();
            assertThat(temporary).exists().hasParent(root);
        }
        assertThat(temporary).doesNotExist();
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void a_kept_upload_lies_under_two_levels_of_folders_named_after_its_key() throws IOException {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        TransactionSynchronizationManager.initSynchronization();
        String key;
        try (FileStore.Upload upload = store.receive(content("见义勇为"))) {
            key = store.keep(upload);
        }

        assertThat(key).matches("([0-9a-f]{2})/([0-9a-f]{2})/\\1\\2[0-9a-f]{28}");
        assertThat(Files.readString(root.resolve(key), StandardCharsets.UTF_8)).isEqualTo("见义勇为");
        assertThat(filesUnder(root)).containsExactly(root.resolve(key));
    }

    @Test
    void a_rollback_deletes_the_kept_file() {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        TransactionSynchronizationManager.initSynchronization();
        String key;
        try (FileStore.Upload upload = store.receive(content("abc"))) {
            key = store.keep(upload);
        }
        Path kept = root.resolve(key);
        assertThat(kept).exists();

        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(kept).doesNotExist();
    }

    @Test
    void a_commit_keeps_the_file() {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        TransactionSynchronizationManager.initSynchronization();
        String key;
        try (FileStore.Upload upload = store.receive(content("abc"))) {
            key = store.keep(upload);
        }

        complete(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(root.resolve(key)).exists();
    }

    @Test
    void an_upload_is_not_kept_outside_a_transaction() throws IOException {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        try (FileStore.Upload upload = store.receive(content("abc"))) {
            assertThatThrownBy(() -> store.keep(upload)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void a_storage_key_cannot_reach_outside_the_storage_folder() {
        FileStore store = new FileStore(root, DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> store.open("../../etc/passwd", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("/etc/passwd", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }

    private static InputStream content(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}

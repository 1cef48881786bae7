package org.yiyong.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Attachment content in a directory, at {@code <aa>/<bb>/<uuid>}; several nodes need it on a shared file system. */
public class LocalContentStore implements ContentStore {

    private final Path root;

    public LocalContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file, long size) {
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(file, target);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not keep an upload at " + target, failed);
        }
    }

    @Override
    public Optional<Resource> open(String key, long size) {
        Path content = root.resolve(key);
        return Files.isReadable(content) ? Optional.of(new FileSystemResource(content)) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        FileStore.deleteQuietly(root.resolve(key));
    }

    @Override
    public String describe() {
        return root.toString();
    }
}

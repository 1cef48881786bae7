package org.yiyong.files.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.yiyong.files.Attachment;

/**
 * Attachment settings.
 *
 * @param maxSize the largest file accepted; keep {@code spring.servlet.multipart.max-file-size} the same
 * @param storageDir where the content is kept; {@code <yiyong.data-dir>/files} when not set. Several
 *     application nodes must share it (a network file system).
 */
@ConfigurationProperties("yiyong.files")
public record FilesProperties(@DefaultValue("20MB") DataSize maxSize, Path storageDir) {
}

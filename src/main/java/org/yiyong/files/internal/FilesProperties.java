package org.yiyong.files.internal;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings.
 *
 * @param maxSize the largest file accepted; keep {@code spring.servlet.multipart.max-file-size} the same
 * @param storageDir where the content is kept with {@code store: local}, and where uploads wait while
 *     they are checked with either store; {@code <yiyong.data-dir>/files} when not set. With the local
 *     store, several application nodes must share it (a network file system).
 * @param store {@code local} (a directory) or {@code s3} (S3-compatible object storage, which several
 *     nodes share without a network file system)
 * @param s3 the object storage, for {@code store: s3}
 */
@ConfigurationProperties("yiyong.files")
public record FilesProperties(@DefaultValue("20MB") DataSize maxSize, Path storageDir,
        @DefaultValue("local") Store store, @DefaultValue S3 s3) {

    /** Where attachment content is kept. */
    public enum Store {
        LOCAL, S3
    }

    /**
     * S3-compatible object storage (MinIO, Ceph, a cloud's object service).
     *
     * @param endpoint e.g. {@code http://minio.internal:9000}; the provider's default when not set
     * @param bucket created at start if it does not exist
     * @param region the region the provider expects; MinIO accepts any
     * @param accessKey the access key; the SDK's default credentials (environment, profile) when not set
     * @param secretKey the secret key
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, as MinIO
     *     and most self-hosted stores need
     */
    public record S3(URI endpoint, @DefaultValue("yiyong-files") String bucket,
            @DefaultValue("cn-north-1") String region, String accessKey, String secretKey,
            @DefaultValue("true") boolean pathStyle) {
    }
}

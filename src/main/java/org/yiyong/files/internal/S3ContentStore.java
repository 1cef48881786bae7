package org.yiyong.files.internal;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Attachment content as objects in one bucket of S3-compatible storage (MinIO, Ceph, a cloud's object
 * service), the object key being the storage key. Every application node reads and writes the same
 * bucket, so a file uploaded through one node downloads through any other.
 */
public class S3ContentStore implements ContentStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ContentStore.class);

    private final S3Client s3;
    private final String bucket;

    S3ContentStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A client for the settings, and the bucket created if it does not exist yet. */
    public static S3ContentStore connect(FilesProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // the checksums the SDK adds by default are not understood by every S3-compatible store;
                // the content's own SHA-256 is kept beside each attachment
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // the whole file is signed in one piece: the aws-chunked encoding is not understood by every
                // store either, and attachments are at most a few tens of megabytes
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(settings.accessKey() == null || settings.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                                settings.secretKey() == null ? "" : settings.secretKey())));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        S3ContentStore store = new S3ContentStore(builder.build(), settings.bucket());
        store.createBucketIfMissing();
        return store;
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception answered) {
            if (!notFound(answered)) {
                throw answered;
            }
            log.info("Creating bucket {} for attachments", bucket);
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    /** A 404: a HEAD request's answer has no body, so stores differ in whether it arrives as NoSuchKey/NoSuchBucket. */
    private static boolean notFound(S3Exception answered) {
        return answered.statusCode() == 404;
    }

    @Override
    public void put(String key, Path file, long size) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentLength(size)
                    .contentType("application/octet-stream"), RequestBody.fromFile(file));
        } catch (SdkException failed) {
            throw new UncheckedIOException("Could not keep an upload as " + describe(key),
                    new java.io.IOException(failed.getMessage(), failed));
        } finally {
            FileStore.deleteQuietly(file);
        }
    }

    @Override
    public Optional<Resource> open(String key, long size) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new StoredObject(key, size));
        } catch (S3Exception answered) {
            if (notFound(answered)) {
                return Optional.empty();
            }
            throw answered;
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException failed) {
            log.warn("Could not delete {}; it is left in the bucket", describe(key), failed);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket;
    }

    private String describe(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        s3.close();
    }

    /** An object read afresh from the bucket each time its stream is asked for. */
    private final class StoredObject extends AbstractResource {

        private final String key;
        private final long size;

        StoredObject(String key, long size) {
            this.key = key;
            this.size = size;
        }

        @Override
        public InputStream getInputStream() {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public String getDescription() {
            return S3ContentStore.this.describe(key);
        }
    }
}

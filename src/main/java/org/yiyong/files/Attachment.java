package org.yiyong.files;

import java.time.OffsetDateTime;

/**
 * A stored file as callers see it. {@code contentType} is what the content is, found from its first
 * bytes, whatever the name says; {@code uploadedAt} is in the configured time zone.
 */
public record Attachment(long id, String ownerType, long ownerId, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
}

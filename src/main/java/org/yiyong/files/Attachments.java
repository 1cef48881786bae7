package org.yiyong.files;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.files.internal.ContentSniffer;
import org.yiyong.files.internal.ContentSniffer.FileKind;
import org.yiyong.files.internal.FileStore;
import org.yiyong.identity.CurrentUser;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.RecordNotFound;

/**
 * Uploading, listing and downloading the attachments of other modules' records. Whether the caller
 * may touch an attachment is decided by the record that owns it: every call first asks the owner's
 * {@link AttachmentOwner} whether the caller's data scope covers the record, and a record outside it
 * is not found (404), with the attempt audited.
 */
@Service
public class Attachments {

    static final String ENTITY = "Attachment";
    static final int NAME_LENGTH = 200;
    private static final String UNNAMED = "attachment";
    private static final String SELECT = """
            select id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by,
                   uploaded_at
            from attachment
            """;
    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final FileStore store;
    private final ContentSniffer sniffer;
    private final ObjectProvider<AttachmentOwner> owners;
    /** the owners by type, found among the beans at the first use */
    private volatile Map<String, AttachmentOwner> ownersByType;

    Attachments(JdbcClient jdbc, AuditTrail audit, Clock clock, YiyongProperties platform, FileStore store,
            ContentSniffer sniffer, ObjectProvider<AttachmentOwner> owners) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.zone = platform.zone();
        this.store = store;
        this.sniffer = sniffer;
        this.owners = owners;
    }

    /** The size limit in megabytes, for telling people before they upload. */
    public String maxSizeInMegabytes() {
        return store.maxSizeInMegabytes();
    }

    /**
     * Stores a file for a record the caller can see. The type is found from the content; the name is
     * kept as given (without any path) even when its extension says otherwise.
     *
     * @throws InvalidField on {@code ownerType} for an unknown owner type; on {@code file} for an empty,
     *     too large or refused file, or one that is not a picture where the owner keeps only photos
     * @throws RecordNotFound when the owner does not exist or lies outside the caller's data scope
     */
    @Transactional
    public Attachment store(CurrentUser me, String ownerType, long ownerId, String originalName,
            InputStream content) {
        AttachmentOwner owner = ownerOf(ownerType);
        requireVisible(me, owner, ownerId);
        if (!owner.mayAttach(me)) {
            throw new NotAllowed("file.not-allowed");
        }
        String name = cleanName(originalName);
        try (FileStore.Upload upload = store.receive(content)) {
            if (upload.size() == 0) {
                throw new InvalidField("file", "file.empty");
            }
            FileKind kind = sniffer.detect(upload.path());
            if (owner.photosOnly() && !kind.mediaType().startsWith("image/")) {
                throw new InvalidField("file", "file.photo-only");
            }
            if (name.isEmpty()) {
                name = UNNAMED + "." + kind.extension();
            }
            return keep(owner.ownerType(), ownerId, name, kind, upload, me.username(), null);
        }
    }

    /**
     * Keeps a received and checked file as an attachment of a record: its content in the file store, its
     * row in the table, and the upload in the audit trail, which names {@code actor}, or the signed-in
     * user when it is {@code null}. A signed-in user's upload and a file sent with a public form
     * ({@link SubmittedFiles}) both end here.
     */
    Attachment keep(String ownerType, long ownerId, String name, FileKind kind, FileStore.Upload upload,
            String uploadedBy, String actor) {
        String key = store.keep(upload);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into attachment (owner_type, owner_id, file_name, content_type, size_bytes, sha256,
                                        storage_key, uploaded_by, uploaded_at)
                values (:ownerType, :ownerId, :name, :type, :size, :sha256, :key, :by, :at)
                """)
                .param("ownerType", ownerType)
                .param("ownerId", ownerId)
                .param("name", name)
                .param("type", kind.mediaType())
                .param("size", upload.size())
                .param("sha256", upload.sha256())
                .param("key", key)
                .param("by", uploadedBy)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditRecord.of(AuditAction.FILE_UPLOADED, ENTITY, id)
                .withChanges(Changes.created(Changes.snapshot("ownerType", ownerType, "ownerId", ownerId,
                        "fileName", name, "contentType", kind.mediaType(), "sizeBytes", upload.size(),
                        "sha256", upload.sha256())))
                .byActor(actor));
        return new Attachment(id, ownerType, ownerId, name, kind.mediaType(), upload.size(), upload.sha256(),
                uploadedBy, OffsetDateTime.ofInstant(now, zone));
    }

    /** Whether the caller may add files to a record of this kind (for showing the upload form). */
    public boolean mayAttach(CurrentUser me, String ownerType) {
        return ownerOf(ownerType).mayAttach(me);
    }

    /** The attachments of a record the caller can see, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> list(CurrentUser me, String ownerType, long ownerId) {
        AttachmentOwner owner = ownerOf(ownerType);
        requireVisible(me, owner, ownerId);
        return jdbc.sql(SELECT + " where owner_type = :ownerType and owner_id = :ownerId order by uploaded_at, id")
                .param("ownerType", owner.ownerType())
                .param("ownerId", ownerId)
                .query((rs, row) -> toRow(rs).attachment(zone))
                .list();
    }

    /**
     * The ids of a record's pictures, oldest first: for the owner deciding which one it publishes (the latest
     * photo of a person on the roll). Nothing about the files but their ids.
     */
    @Transactional(readOnly = true)
    public List<Long> pictureIds(String ownerType, long ownerId) {
        AttachmentOwner owner = ownerOf(ownerType);
        return jdbc.sql("""
                select id from attachment where owner_type = :ownerType and owner_id = :ownerId
                and content_type like 'image/%' order by uploaded_at, id""")
                .param("ownerType", owner.ownerType())
                .param("ownerId", ownerId)
                .query(Long.class)
                .list();
    }

    /** Whether any of these records of an owner type has a file attached (for an owner removing records). */
    @Transactional(readOnly = true)
    public boolean hasAny(String ownerType, java.util.Collection<Long> ownerIds) {
        return !ownerIds.isEmpty() && jdbc.sql("""
                select count(*) from attachment where owner_type = :ownerType and owner_id in (:ids)""")
                .param("ownerType", ownerType).param("ids", ownerIds).query(Long.class).single() > 0;
    }

    /**
     * Opens a published picture for anyone: an image attachment its owner publishes now. Not audited, like any
     * public page.
     *
     * @throws RecordNotFound otherwise (no such file, not a picture, not published, content missing)
     */
    @Transactional(readOnly = true)
    public StoredFile openPublished(long attachmentId) {
        Row row = jdbc.sql(SELECT + " where id = :id")
                .param("id", attachmentId)
                .query((rs, n) -> toRow(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFound(ENTITY, attachmentId));
        AttachmentOwner owner = findOwner(row.ownerType());
        if (owner == null || !row.contentType().startsWith("image/") || !owner.isPublic(row.ownerId(), row.id())) {
            throw new RecordNotFound(ENTITY, attachmentId);
        }
        Resource content = content(row);
        Attachment attachment = row.attachment(zone);
        return new StoredFile(attachment, downloadName(attachment), content);
    }

    /**
     * Opens an attachment for download, and audits the download.
     *
     * @throws RecordNotFound when the attachment does not exist, its owner lies outside the caller's data
     *     scope, or its content is missing from disk
     */
    @Transactional
    public StoredFile open(CurrentUser me, long attachmentId) {
        Row row = jdbc.sql(SELECT + " where id = :id")
                .param("id", attachmentId)
                .query((rs, n) -> toRow(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFound(ENTITY, attachmentId));
        AttachmentOwner owner = findOwner(row.ownerType());
        if (owner == null) {
            log.warn("Attachment {} belongs to owner type {}, which no module provides", row.id(), row.ownerType());
            throw new RecordNotFound(ENTITY, attachmentId);
        }
        if (!owner.isVisibleTo(row.ownerId(), me)) {
            throw ScopedLookup.notFound(audit, ENTITY, attachmentId, true, ScopedLookup.OUTSIDE_SCOPE);
        }
        Resource content = content(row);
        Attachment attachment = row.attachment(zone);
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, ENTITY, attachmentId)
                .withDetail(row.ownerType() + "#" + row.ownerId() + " " + row.fileName()));
        return new StoredFile(attachment, downloadName(attachment), content);
    }

    private Resource content(Row row) {
        return store.open(row.storageKey(), row.sizeBytes()).orElseThrow(() -> {
            log.error("Attachment {} has no content at {} in {}", row.id(), row.storageKey(), store.describe());
            return new RecordNotFound(ENTITY, row.id());
        });
    }

    /**
     * The name to save a download under: the stored name, with the true type's extension added when the
     * name's own extension says something else, so that the computer opens it with the right program
     * and a renamed file is never saved as, say, {@code .exe}.
     */
    static String downloadName(Attachment attachment) {
        String name = attachment.fileName();
        return FileKind.ofMediaType(attachment.contentType())
                .filter(kind -> !kind.matchesName(name))
                .map(kind -> name + "." + kind.extension())
                .orElse(name);
    }

    /**
     * The name without any folder (some browsers send the full path), invisible or control characters
     * (a right-to-left mark can disguise {@code exe} as {@code pdf}), and at most 200 characters with
     * the extension kept; empty when nothing is left.
     */
    static String cleanName(String original) {
        if (original == null) {
            return "";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        if (name.equals(".") || name.equals("..")) {
            return "";
        }
        if (name.length() > NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            int end = NAME_LENGTH - extension.length();
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--;
            }
            name = name.substring(0, end) + extension;
        }
        return name;
    }

    private AttachmentOwner ownerOf(String ownerType) {
        AttachmentOwner owner = findOwner(ownerType);
        if (owner == null) {
            throw new InvalidField("ownerType", "file.owner-type.unknown");
        }
        return owner;
    }

    private AttachmentOwner findOwner(String ownerType) {
        if (ownerType == null) {
            return null;
        }
        Map<String, AttachmentOwner> byType = ownersByType;
        if (byType == null) {
            byType = new HashMap<>();
            for (AttachmentOwner owner : owners.orderedStream().toList()) {
                if (byType.putIfAbsent(owner.ownerType(), owner) != null) {
                    throw new IllegalStateException("Several modules claim the attachment owner type "
                            + owner.ownerType());
                }
            }
            ownersByType = byType = Map.copyOf(byType);
        }
        return byType.get(ownerType);
    }

    private void requireVisible(CurrentUser me, AttachmentOwner owner, long ownerId) {
        if (!owner.isVisibleTo(ownerId, me)) {
            throw ScopedLookup.notFound(audit, owner.ownerType(), ownerId, owner.exists(ownerId),
                    "attachments outside data scope");
        }
    }

    private static Row toRow(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("owner_type"), rs.getLong("owner_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }

    /** An attachment ready to be sent: what it is, the name to save it as, and its content. */
    public record StoredFile(Attachment attachment, String downloadName, Resource content) {
    }

    private record Row(long id, String ownerType, long ownerId, String fileName, String contentType, long sizeBytes,
            String sha256, String storageKey, String uploadedBy, OffsetDateTime uploadedAt) {

        Attachment attachment(ZoneId zone) {
            return new Attachment(id, ownerType, ownerId, fileName, contentType, sizeBytes, sha256, uploadedBy,
                    uploadedAt.atZoneSameInstant(zone).toOffsetDateTime());
        }
    }
}

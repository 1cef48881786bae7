package org.yiyong.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.files.internal.ContentSniffer;
import org.yiyong.files.internal.ContentSniffer.FileKind;
import org.yiyong.files.internal.FileStore;
import org.yiyong.shared.InvalidField;

/**
 * Files sent with a form of the public portal, where nobody signs in. The module that owns the record
 * has just created it in the same transaction and vouches for it, so no data scope is asked; instead
 * the form names the types it accepts, found from the content as for every attachment.
 *
 * <p>Every file is received and checked before any is kept, so one refused file keeps none; and the
 * refusal rolls back the caller's transaction, so the record is not saved either.
 */
@Service
public class SubmittedFiles {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final FileStore store;
    private final ContentSniffer sniffer;
    private final ObjectProvider<AttachmentOwner> owners;

    SubmittedFiles(JdbcClient jdbc, AuditTrail audit, Clock clock, YiyongProperties platform, FileStore store,
            ContentSniffer sniffer, ObjectProvider<AttachmentOwner> owners) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.zone = platform.zone();
        this.store = store;
        this.sniffer = sniffer;
        this.owners = owners;
    }

    /** One file as the form sent it. */
    public record Incoming(String name, InputStreamSource content) {
    }

    /** The size limit of one file in megabytes, for telling people before they send. */
    public String maxSizeInMegabytes() {
        return store.maxSizeInMegabytes();
    }

    /**
     * Stores the files as attachments of a record the caller has just created.
     *
     * @param acceptedMediaTypes what the form accepts, e.g. {@code image/jpeg}, {@code video/mp4}
     * @param refusalKey the message key, with the file's name as its argument, for a file of another type
     * @param submittedBy who is recorded as the uploader, e.g. {@code public}
     * @throws InvalidField on {@code files}: a file that is empty, too large or of a type not accepted,
     *     named in the message
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Attachment> attach(String ownerType, long ownerId, List<Incoming> files,
            Set<String> acceptedMediaTypes, String refusalKey, String submittedBy) {
        AttachmentOwner owner = owners.orderedStream().filter(o -> o.ownerType().equals(ownerType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No module provides owner type " + ownerType));
        if (!owner.exists(ownerId)) {
            throw new IllegalArgumentException(ownerType + " " + ownerId + " does not exist");
        }
        List<Checked> checked = new ArrayList<>();
        try {
            for (Incoming file : files) {
                checked.add(check(file, acceptedMediaTypes, refusalKey));
            }
            List<Attachment> stored = new ArrayList<>();
            for (Checked file : checked) {
                stored.add(keep(owner.ownerType(), ownerId, file, submittedBy));
            }
            return stored;
        } finally {
            checked.forEach(file -> file.upload().close());
        }
    }

    private Checked check(Incoming file, Set<String> acceptedMediaTypes, String refusalKey) {
        String name = Attachments.cleanName(file.name());
        String shown = name.isEmpty() ? "?" : name;
        FileStore.Upload upload;
        try (InputStream content = file.content().getInputStream()) {
            upload = store.receive(content);
        } catch (InvalidField tooLarge) {
            throw new InvalidField("files", "file.submitted.too-large", shown, store.maxSizeInMegabytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        try {
            if (upload.size() == 0) {
                throw new InvalidField("files", "file.submitted.empty", shown);
            }
            FileKind kind;
            try {
                kind = sniffer.detect(upload.path());
            } catch (InvalidField refused) {
                throw new InvalidField("files", refusalKey, shown);
            }
            if (!acceptedMediaTypes.contains(kind.mediaType())) {
                throw new InvalidField("files", refusalKey, shown);
            }
            return new Checked(name.isEmpty() ? "attachment." + kind.extension() : name, kind, upload);
        } catch (RuntimeException refused) {
            upload.close();
            throw refused;
        }
    }

    private Attachment keep(String ownerType, long ownerId, Checked file, String submittedBy) {
        FileStore.Upload upload = file.upload();
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
                .param("name", file.name())
                .param("type", file.kind().mediaType())
                .param("size", upload.size())
                .param("sha256", upload.sha256())
                .param("key", key)
                .param("by", submittedBy)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditRecord.of(AuditAction.FILE_UPLOADED, Attachments.ENTITY, id)
                .withChanges(Changes.created(Changes.snapshot("ownerType", ownerType, "ownerId", ownerId,
                        "fileName", file.name(), "contentType", file.kind().mediaType(), "sizeBytes", upload.size(),
                        "sha256", upload.sha256())))
                .byActor(submittedBy));
        return new Attachment(id, ownerType, ownerId, file.name(), file.kind().mediaType(), upload.size(),
                upload.sha256(), submittedBy, OffsetDateTime.ofInstant(now, zone));
    }

    private record Checked(String name, FileKind kind, FileStore.Upload upload) {
    }
}

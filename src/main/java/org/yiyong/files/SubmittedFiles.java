package org.yiyong.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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

    private final FileStore store;
    private final ContentSniffer sniffer;
    private final ObjectProvider<AttachmentOwner> owners;
    private final Attachments attachments;

    SubmittedFiles(FileStore store, ContentSniffer sniffer, ObjectProvider<AttachmentOwner> owners,
            Attachments attachments) {
        this.store = store;
        this.sniffer = sniffer;
        this.owners = owners;
        this.attachments = attachments;
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
                stored.add(attachments.keep(owner.ownerType(), ownerId, file.name(), file.kind(), file.upload(),
                        submittedBy, submittedBy));
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

    private record Checked(String name, FileKind kind, FileStore.Upload upload) {
    }
}

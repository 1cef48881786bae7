package org.yiyong.files.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;

/** Attachments of records in the caller's data scope. */
@RestController
@RequestMapping(FileApiController.PATH)
@Tag(name = "attachments")
class FileApiController {

    static final String PATH = "/api/v1/attachments";

    private final Attachments attachments;

    FileApiController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach a file to a record in the caller's data scope",
            description = "The type is found from the content (PDF, Office documents, images, MP4/MOV video); "
                    + "anything else, and files above the size limit, are refused with 400 or 413. Owner types that "
                    + "keep photos only (ThemePark, AwarenessEvent, …) refuse anything but a picture with 400.")
    ResponseEntity<Attachment> upload(CurrentUser me, @RequestParam String ownerType, @RequestParam long ownerId,
            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            Attachment stored = attachments.store(me, ownerType, ownerId, file.getOriginalFilename(), content);
            return ResponseEntity.created(URI.create(PATH + "/" + stored.id() + "/content")).body(stored);
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The attachments of a record; 404 if it is outside the caller's data scope")
    List<Attachment> list(CurrentUser me, @RequestParam String ownerType, @RequestParam long ownerId) {
        return attachments.list(me, ownerType, ownerId);
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "Download an attachment; 404 if its record is outside the caller's data scope")
    ResponseEntity<Resource> content(CurrentUser me, @PathVariable long id) {
        return FileController.download(attachments.open(me, id));
    }
}

package org.yiyong.imports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyong.identity.CurrentUser;
import org.yiyong.imports.Imports;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.Downloads;

/** Imports in the API: upload and check, the report, confirm, discard, undo; the templates. */
@RestController
@Tag(name = "imports")
class ImportApiController {

    private final Imports imports;

    ImportApiController(Imports imports) {
        this.imports = imports;
    }

    /** An import with the rows that were refused or found on file already (the first 1,000). */
    record Report(Imports.Job job, List<Imports.ReportRow> rows) {
    }

    /** A step on an import read at {@code version}. */
    record Step(Long version) {
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a register's workbook (register, file): answers 202 at once while every row is "
            + "checked in the background (status CHECKING, rowsDone of expectedRows); nothing is saved yet. A file "
            + "that is not a workbook or lacks a required column is refused at once (400)")
    ResponseEntity<Report> upload(CurrentUser me, @RequestParam(required = false) String register,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidField("file", "file.empty");
        }
        try (InputStream content = file.getInputStream()) {
            Imports.Job job = imports.start(me, register == null ? "" : register, file.getOriginalFilename(), content);
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id()))
                    .body(new Report(job, List.of()));
        }
    }

    @GetMapping("/api/v1/imports")
    @Operation(summary = "The caller's imports (every import for city staff), newest first")
    List<Imports.Job> list(CurrentUser me) {
        return imports.list(me);
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "An import's status and check report (refused rows and rows on file already)")
    Report get(CurrentUser me, @PathVariable long id) {
        return new Report(imports.get(me, id), imports.rows(me, id, true, 1000));
    }

    @GetMapping("/api/v1/imports/{id}/report")
    @Operation(summary = "The check report as the uploaded workbook with a result and an error column")
    ResponseEntity<byte[]> report(CurrentUser me, @PathVariable long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.report(me, id, out);
        return Downloads.attachment(ImportPages.XLSX, "import-" + id + "-report.xlsx", out.toByteArray());
    }

    @PostMapping("/api/v1/imports/{id}/confirmation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Save every valid row, or none: answers 202 at once while they are saved in the background "
            + "(status SAVING, then SAVED)")
    Imports.Job confirm(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return imports.startSaving(me, id, Inputs.required("version", step.version()));
    }

    @PostMapping("/api/v1/imports/{id}/cancel")
    @Operation(summary = "Stop a running import (checking or saving): it ends CANCELLED and keeps nothing")
    Imports.Job cancel(CurrentUser me, @PathVariable long id) {
        return imports.cancel(me, id);
    }

    @PostMapping("/api/v1/imports/{id}/discard")
    @Operation(summary = "Drop a checked import without saving")
    Imports.Job discard(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return imports.discard(me, id, Inputs.required("version", step.version()));
    }

    @PostMapping("/api/v1/imports/{id}/undo")
    @Operation(summary = "Remove the records an import saved, while nothing refers to them")
    Imports.Job undo(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return imports.undo(me, id, Inputs.required("version", step.version()));
    }

    @GetMapping("/api/v1/imports/templates/{register}")
    @Operation(summary = "A register's template workbook")
    ResponseEntity<byte[]> template(CurrentUser me, @PathVariable String register) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.template(me, register, out);
        return Downloads.attachment(ImportPages.XLSX, "template-" + register + ".xlsx", out.toByteArray());
    }
}

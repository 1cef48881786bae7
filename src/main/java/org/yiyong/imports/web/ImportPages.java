package org.yiyong.imports.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.imports.ImportRegister;
import org.yiyong.imports.Imports;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.Downloads;
import org.yiyong.web.PageSteps;

/**
 * The import pages: a register's template to download and the upload form; an import's check report with its
 * refused rows and their reasons, the report workbook, and the steps — confirm the valid rows, discard, undo.
 */
@Controller
class ImportPages {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int ROWS_SHOWN = 500;

    private final Imports imports;

    ImportPages(Imports imports) {
        this.imports = imports;
    }

    @GetMapping("/imports")
    String list(CurrentUser me, @RequestParam(required = false) String register, Model model) {
        model.addAttribute("registers", imports.registers(me));
        model.addAttribute("register", register);
        model.addAttribute("jobs", imports.list(me));
        return "imports/list";
    }

    @GetMapping("/imports/templates/{register}")
    ResponseEntity<byte[]> template(CurrentUser me, @PathVariable String register) {
        ImportRegister found = imports.register(me, register);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.template(me, register, out);
        return Downloads.attachment(XLSX, "导入模板-" + found.key() + ".xlsx", out.toByteArray());
    }

    @PostMapping("/imports")
    String upload(CurrentUser me, @RequestParam(required = false) String register,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidField("file", "file.empty");
            }
            try (InputStream content = file.getInputStream()) {
                Imports.Job job = imports.start(me, register == null ? "" : register, file.getOriginalFilename(),
                        content);
                return "redirect:/imports/" + job.id();
            }
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/imports" + (register == null ? "" : "?register=" + register));
        }
    }

    @GetMapping("/imports/{id}")
    String job(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("job", imports.get(me, id));
        model.addAttribute("rows", imports.rows(me, id, true, ROWS_SHOWN));
        model.addAttribute("rowsShown", ROWS_SHOWN);
        return "imports/job";
    }

    /**
     * How far a running import has got, for the page to show every second; once it is done the page is loaded anew
     * (htmx's {@code HX-Refresh}) to show the outcome.
     */
    @GetMapping("/imports/{id}/progress")
    String progress(CurrentUser me, @PathVariable long id, Model model, HttpServletResponse response) {
        Imports.Job job = imports.get(me, id);
        if (!job.status().isRunning()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "imports/job :: progress";
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/imports/" + id, "import.cancel.requested", () -> imports.cancel(me, id));
    }

    @GetMapping("/imports/{id}/report")
    ResponseEntity<byte[]> report(CurrentUser me, @PathVariable long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.report(me, id, out);
        return Downloads.attachment(XLSX, "导入检查结果-" + id + ".xlsx", out.toByteArray());
    }

    @PostMapping("/imports/{id}/confirmation")
    String confirm(CurrentUser me, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/imports/" + id, "import.saving",
                () -> imports.startSaving(me, id, version));
    }

    @PostMapping("/imports/{id}/discard")
    String discard(CurrentUser me, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/imports/" + id, "import.discarded", () -> imports.discard(me, id, version));
    }

    @PostMapping("/imports/{id}/undo")
    String undo(CurrentUser me, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/imports/" + id, "import.undone", () -> imports.undo(me, id, version));
    }
}

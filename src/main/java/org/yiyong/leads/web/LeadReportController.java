package org.yiyong.leads.web;

import jakarta.validation.Valid;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.files.SubmittedFiles;
import org.yiyong.identity.CurrentUser;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.PublicLeads;
import org.yiyong.shared.InvalidField;

/**
 * A staff member registers a lead for someone who came to them (at a work station, a county office, on the
 * phone): the portal's form, signed in, without the portal's throttle; the tracking code is shown to be given
 * to the reporter, and the lead counts in the ledger of the staff member's organization.
 */
@Controller
@PreAuthorize(PublicLeads.REPORTERS)
class LeadReportController {

    static final String NEW_PATH = "/leads/new";
    private static final String FORM_VIEW = "leads/public-form";
    private static final Logger log = LoggerFactory.getLogger(LeadReportController.class);

    private final PublicLeads leads;
    private final SubmittedFiles files;
    private final Clock clock;
    private final String maxTotal;

    LeadReportController(PublicLeads leads, SubmittedFiles files, Clock clock,
            @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequestSize) {
        this.leads = leads;
        this.files = files;
        this.clock = clock;
        this.maxTotal = String.valueOf(maxRequestSize.toMegabytes());
    }

    @GetMapping(NEW_PATH)
    String initReport(CurrentUser me, @RequestParam(name = "too-large", required = false) String tooLarge,
            Model model) {
        model.addAttribute("form", new LeadForm());
        model.addAttribute("tooLarge", tooLarge != null);
        return form(model);
    }

    @PostMapping(NEW_PATH)
    String processReport(CurrentUser me, @Valid @ModelAttribute("form") LeadForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Lead lead = leads.report(me, form.toNewLead(), form.incomingFiles());
                redirect.addFlashAttribute("reportedCode", lead.getTrackingCode());
                redirect.addFlashAttribute("reportedId", lead.getId());
                return "redirect:" + NEW_PATH;
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            } catch (UncheckedIOException failed) {
                log.error("Could not store the files of a lead registered by {}", me.username(), failed);
                result.rejectValue("files", "file.storage-failed");
            }
        }
        model.addAttribute("filesChosen", !form.incomingFiles().isEmpty());
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("staffForm", true);
        model.addAttribute("regions", leads.regionChoices());
        model.addAttribute("maxFiles", PublicLeads.MAX_FILES);
        model.addAttribute("maxSize", files.maxSizeInMegabytes());
        model.addAttribute("maxTotal", maxTotal);
        model.addAttribute("today", LocalDate.now(clock));
        return FORM_VIEW;
    }
}

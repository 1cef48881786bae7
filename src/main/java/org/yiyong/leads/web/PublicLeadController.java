package org.yiyong.leads.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.deeds.DeedProgress;
import org.yiyong.files.SubmittedFiles;
import org.yiyong.honours.HonourProgress;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.PublicLeads;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.PublicThrottle;

/**
 * The public lead form and the status lookup by tracking code; no sign-in needed. Both are throttled
 * per client address.
 */
@Controller
@RequestMapping(PublicLeadController.PATH)
class PublicLeadController {

    static final String PATH = "/public/leads";
    static final String NEW_PATH = PATH + "/new";
    private static final String FORM_VIEW = "leads/public-form";
    private static final String RECEIVED_VIEW = "leads/public-received";
    private static final String STATUS_VIEW = "leads/public-status";
    private static final Logger log = LoggerFactory.getLogger(PublicLeadController.class);

    private final PublicLeads leads;
    private final SubmittedFiles files;
    private final PublicThrottle throttle;
    private final Clock clock;
    private final DeedProgress progress;
    private final HonourProgress honours;

    private final String maxTotal;

    PublicLeadController(PublicLeads leads, SubmittedFiles files, PublicThrottle throttle, Clock clock,
            @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequestSize,
            DeedProgress progress, HonourProgress honours) {
        this.progress = progress;
        this.honours = honours;
        this.maxTotal = String.valueOf(maxRequestSize.toMegabytes());
        this.leads = leads;
        this.files = files;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * {@code too-large}: sent back by {@link PublicLeadUploadGuard} when the files were above the limit.
     * The guard also hands over, as this GET, a form whose body could not be read: answered 400.
     */
    @GetMapping("/new")
    String initSubmission(@RequestParam(name = "too-large", required = false) String tooLarge,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean unreadable = request.getAttribute(PublicLeadUploadGuard.UNREADABLE) != null;
        if (unreadable) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("form", new LeadForm());
        model.addAttribute("tooLarge", tooLarge != null);
        model.addAttribute("unreadable", unreadable);
        return form(model);
    }

    /**
     * {@code website} is the honeypot: a field hidden from people, which programs that fill in every
     * field fill in too. Such a form is answered like a success, without a code, and not saved.
     */
    @PostMapping("/new")
    String processSubmission(@Valid @ModelAttribute("form") LeadForm form, BindingResult result,
            @RequestParam(name = "website", required = false) String website, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        throttle.check(PublicThrottle.Action.LEAD_SUBMISSION, request);
        if (website != null && !website.isBlank()) {
            leads.refuseAutomatedSubmission();
            return RECEIVED_VIEW;
        }
        if (!result.hasErrors()) {
            try {
                Lead lead = leads.submit(form.toNewLead(), form.incomingFiles());
                // shown once, in the answer to the form itself: the portal keeps no session to carry it over a
                // redirect, and the code must not travel in an address; the answer is never cached
                model.addAttribute("trackingCode", lead.getTrackingCode());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                return RECEIVED_VIEW;
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            } catch (UncheckedIOException failed) {
                log.error("Could not store the files of a public lead", failed);
                result.rejectValue("files", "file.storage-failed");
            }
        }
        model.addAttribute("filesChosen", !form.incomingFiles().isEmpty());
        return form(model);
    }

    /** The tracking code was shown once, in the answer to the form; afterwards the status page is the way in. */
    @GetMapping("/received")
    String received() {
        return "redirect:" + PATH + "/status";
    }

    @GetMapping("/status")
    String status(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
        if (code != null && !code.isBlank()) {
            throttle.check(PublicThrottle.Action.LEAD_LOOKUP, request);
            model.addAttribute("code", code.strip());
            leads.status(code).ifPresent(lead -> {
                model.addAttribute("lead", lead);
                if (lead.deedId() != null) {
                    // how far the deed it became has come, and the titles granted for it: never the people
                    progress.of(lead.deedId()).ifPresent(found -> model.addAttribute("progress", found));
                    model.addAttribute("titles", honours.titlesGrantedFor(lead.deedId()));
                }
            });
            model.addAttribute("looked", true);
        }
        return STATUS_VIEW;
    }

    private String form(Model model) {
        model.addAttribute("regions", leads.regionChoices());
        model.addAttribute("maxFiles", PublicLeads.MAX_FILES);
        model.addAttribute("maxSize", files.maxSizeInMegabytes());
        model.addAttribute("maxTotal", maxTotal);
        model.addAttribute("today", LocalDate.now(clock));
        return FORM_VIEW;
    }
}

package org.yiyong.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.reporting.internal.AnnualReportDownloads;
import org.yiyong.reporting.internal.AnnualReportDownloads.ReportFile;
import org.yiyong.reporting.internal.AnnualReports;
import org.yiyong.reporting.internal.AnnualReports.AnnualReport;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.RegionCode;
import org.yiyong.web.Downloads;
import org.yiyong.web.PageSteps;

/**
 * The annual work report pages: a region's reports by year, and a report with its generated sentences, a
 * narrative to write per section, saving, issuing and the downloads.
 */
@Controller
@RequestMapping("/annual-reports")
class AnnualReportController {

    private static final String NARRATIVE = "narrative.";

    private final AnnualReports reports;
    private final AnnualReportDownloads files;
    private final Regions regions;
    private final Clock clock;

    AnnualReportController(AnnualReports reports, AnnualReportDownloads files, Regions regions, Clock clock) {
        this.reports = reports;
        this.files = files;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) RegionCode region, Model model) {
        RegionCode code = region == null ? RegionCode.of(me.regionCode()) : region;
        model.addAttribute("reports", reports.list(me, code));
        model.addAttribute("regionCode", code.value());
        model.addAttribute("regionName", regions.nameOf(code.value()));
        model.addAttribute("regionChoices", regions.within(me.scope()));
        model.addAttribute("lastYear", LocalDate.now(clock).getYear() - 1);
        return "reporting/annual-reports";
    }

    @PostMapping
    String create(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) RegionCode region, RedirectAttributes redirect) {
        try {
            AnnualReport report = reports.create(me, year, region);
            redirect.addFlashAttribute("success", "annual-report.created");
            return "redirect:/annual-reports/" + report.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused,
                    "/annual-reports" + (region == null ? "" : "?region=" + region));
        }
    }

    @GetMapping("/{id}")
    String report(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("report", reports.get(me, id));
        return "reporting/annual-report";
    }

    @PostMapping("/{id}")
    String save(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> narratives = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(NARRATIVE)) {
                narratives.put(name.substring(NARRATIVE.length()), value);
            }
        });
        String next = PageSteps.outcome(redirect, "/annual-reports/" + id, () -> {
            AnnualReport saved = reports.save(me, id, version, narratives);
            redirect.addFlashAttribute("successArgs", new Object[] {saved.draftNumber()});
            return "annual-report.saved";
        });
        if (redirect.getFlashAttributes().containsKey("failure")) {
            // refused (someone saved in between, a text too long): the page shows what was typed, not lost
            redirect.addFlashAttribute("typed", new LinkedHashMap<>(narratives));
        }
        return next;
    }

    @PostMapping("/{id}/issue")
    String issue(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return PageSteps.outcome(redirect, "/annual-reports/" + id, () -> {
            AnnualReport issued = reports.issue(me, id, version);
            redirect.addFlashAttribute("successArgs", new Object[] {issued.documentNumber()});
            return "annual-report.issued";
        });
    }

    @GetMapping("/{id}/report.docx")
    ResponseEntity<byte[]> docx(CurrentUser me, @PathVariable long id) {
        ReportFile file = files.docx(me, id);
        return Downloads.attachment(AnnualReportApiController.DOCX, file.filename(), file.content());
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser me, @PathVariable long id) {
        ReportFile file = files.pdf(me, id);
        return Downloads.pdf(file.filename(), file.content());
    }
}

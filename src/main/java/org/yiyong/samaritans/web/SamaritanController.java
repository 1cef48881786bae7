package org.yiyong.samaritans.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.samaritans.internal.AlreadyRegistered;
import org.yiyong.samaritans.internal.EndCondition;
import org.yiyong.samaritans.internal.EntitlementKind;
import org.yiyong.samaritans.internal.Family;
import org.yiyong.samaritans.internal.NewRelative;
import org.yiyong.samaritans.internal.RegistryExport;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.samaritans.internal.SamaritanFilter;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.Downloads;
import org.yiyong.web.PageSteps;

/** Registry pages: the list, entering an earlier record, and the profile with family and entitlements. */
@Controller
@RequestMapping("/samaritans")
class SamaritanController {

    private static final String PROFILE = "samaritans/profile";

    private final SamaritanRegistry registry;
    private final Family family;
    private final Regions regions;
    private final RegistryExport export;

    SamaritanController(SamaritanRegistry registry, Family family, Regions regions, RegistryExport export) {
        this.export = export;
        this.registry = registry;
        this.family = family;
        this.regions = regions;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) SamaritanStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) Boolean lostContact, @RequestParam(defaultValue = "0") int page,
            Model model) {
        SamaritanFilter filter = new SamaritanFilter(q, status, region, lostContact);
        model.addAttribute("filter", filter);
        model.addAttribute("page", registry.search(me.scope(), filter, new PageRequest(page, 20)));
        model.addAttribute("statuses", SamaritanStatus.values());
        model.addAttribute("regions", countyRegions(me));
        return "samaritans/list";
    }

    /** The list as a spreadsheet, numbers masked. */
    @GetMapping("/export")
    ResponseEntity<Resource> export(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) SamaritanStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) Boolean lostContact,
            @RequestParam(defaultValue = "XLSX") RegistryExport.Format format) {
        return file(format, export.export(me, new SamaritanFilter(q, status, region, lostContact), format, false,
                null));
    }

    /** The list with numbers in full, for a reason that goes on the audit trail. */
    @PostMapping("/export")
    Object exportUnmasked(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) SamaritanStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) Boolean lostContact,
            @RequestParam(defaultValue = "XLSX") RegistryExport.Format format,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            return file(format, export.export(me, new SamaritanFilter(q, status, region, lostContact), format, true,
                    reason));
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", invalid.messageKey());
            return "redirect:/samaritans";
        }
    }

    static ResponseEntity<Resource> file(RegistryExport.Format format, RegistryExport.Written written) {
        String name = "见义勇为人员." + format.name().toLowerCase(java.util.Locale.ROOT);
        return Downloads.temporary(format == RegistryExport.Format.CSV
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                name, written.file());
    }

    @GetMapping("/new")
    String initRegistration(CurrentUser me, Model model) {
        SamaritanForm form = new SamaritanForm();
        List<Region> counties = countyRegions(me);
        form.setRegionCode(counties.size() == 1 ? counties.get(0).code() : null);
        model.addAttribute("form", form);
        model.addAttribute("regions", counties);
        return "samaritans/form";
    }

    @PostMapping("/new")
    String register(CurrentUser me, @ModelAttribute("form") SamaritanForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Samaritan samaritan = registry.register(me, form.toNewSamaritan());
            redirect.addFlashAttribute("success", "samaritan.registered");
            return "redirect:/samaritans/" + samaritan.getId();
        } catch (InvalidField invalid) {
            result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
        } catch (AlreadyRegistered registered) {
            result.rejectValue("residentId", registered.messageKey(), registered.arguments(), null);
        }
        model.addAttribute("regions", countyRegions(me));
        return "samaritans/form";
    }

    @GetMapping("/{id}")
    String profile(CurrentUser me, @PathVariable long id, Model model) {
        return profile(me, registry.get(me, id), model);
    }

    /** The profile with one protected number in full, for the reason given; nothing of it is stored. */
    @PostMapping("/{id}/unmask")
    String unmask(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) SamaritanRegistry.SensitiveField field,
            @RequestParam(required = false) String reason, Model model) {
        try {
            model.addAttribute("unmasked", registry.unmask(me, id, field, reason));
            model.addAttribute("unmaskedField", field);
        } catch (InvalidField invalid) {
            model.addAttribute("failure", invalid.messageKey());
            model.addAttribute("failureArgs", invalid.arguments());
        }
        return profile(me, registry.get(me, id), model);
    }

    @PostMapping("/{id}/contact")
    String contact(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String address, @RequestParam(required = false) String householdRegistration,
            @RequestParam(required = false) String employer, RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.contact.saved",
                () -> registry.updateContact(me, id, phone, address, householdRegistration, employer));
    }

    @PostMapping("/{id}/bank-account")
    String bankAccount(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String bankName,
            @RequestParam(required = false) String accountNumber, RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.bank-account.saved",
                () -> registry.updateBankAccount(me, id, bankName, accountNumber));
    }

    @PostMapping("/{id}/lost-contact")
    String loseContact(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.contact-lost", () -> registry.loseContact(me, id, note));
    }

    @PostMapping("/{id}/tracings")
    String trace(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tracedOn,
            @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean found,
            RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.traced", () -> registry.trace(me, id, tracedOn, note, found));
    }

    @PostMapping("/{id}/family")
    String addRelative(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Relation relation,
            @RequestParam(required = false) String name, @RequestParam(required = false) String residentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.relative.added",
                () -> family.add(me, id, new NewRelative(relation, name, residentId, birthDate, phone)));
    }

    @PostMapping("/{id}/family/{relativeId}/schooling")
    String schooling(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestParam(required = false) String school, @RequestParam(required = false) SchoolStage stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate schoolingEndsOn,
            RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.relative.saved",
                () -> family.schooling(me, id, relativeId, school, stage, schoolingEndsOn));
    }

    @PostMapping("/{id}/family/{relativeId}/remarriage")
    String remarried(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.relative.saved", () -> family.remarried(me, id, relativeId, on));
    }

    @PostMapping("/{id}/family/{relativeId}/death")
    String died(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.relative.saved", () -> family.died(me, id, relativeId, on));
    }

    @PostMapping("/{id}/family/{relativeId}/entitlements")
    String entitle(CurrentUser me, @PathVariable long id, @PathVariable long relativeId,
            @RequestParam(required = false) EntitlementKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
            @RequestParam(required = false) EndCondition endCondition, RedirectAttributes redirect) {
        return step(redirect, id, "samaritan.entitlement.granted",
                () -> family.entitle(me, id, relativeId, kind, startedOn, endCondition));
    }

    private String profile(CurrentUser me, Samaritan samaritan, Model model) {
        model.addAttribute("samaritan", samaritan);
        model.addAttribute("profile", registry.profileOf(samaritan));
        model.addAttribute("regionName", regions.nameOf(samaritan.getRegionCode()));
        model.addAttribute("relations", Relation.values());
        model.addAttribute("stages", SchoolStage.values());
        model.addAttribute("entitlementKinds", EntitlementKind.values());
        model.addAttribute("endConditions", EndCondition.values());
        return PROFILE;
    }

    private String step(RedirectAttributes redirect, long id, String success, Runnable action) {
        return PageSteps.step(redirect, "/samaritans/" + id, success, action);
    }

    private List<Region> countyRegions(CurrentUser me) {
        return regions.within(me.scope()).stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA)
                .toList();
    }
}

package org.yiyong.care.web;

import static org.yiyong.web.PageSteps.outcome;
import static org.yiyong.web.PageSteps.refused;
import static org.yiyong.web.PageSteps.step;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.care.internal.Campaign;
import org.yiyong.care.internal.CampaignCommands;
import org.yiyong.care.internal.CampaignLine;
import org.yiyong.care.internal.CampaignRoster;
import org.yiyong.care.internal.CondolenceCategory;
import org.yiyong.care.internal.CondolenceStandards;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;

/**
 * The condolence campaign pages: the campaigns of the scope with the standard, and one campaign's roster —
 * who is in, who was left out and why — with the steps from draft to the payment batch.
 */
@Controller
class CampaignController {

    private final CampaignRoster roster;
    private final CampaignCommands commands;
    private final CondolenceStandards standards;

    private final Clock clock;

    CampaignController(CampaignRoster roster, CampaignCommands commands, CondolenceStandards standards, Clock clock) {
        this.clock = clock;
        this.roster = roster;
        this.commands = commands;
        this.standards = standards;
    }

    @GetMapping("/campaigns")
    String campaigns(CurrentUser me, Model model) {
        model.addAttribute("campaigns", roster.list(me));
        model.addAttribute("standards", standards.all());
        model.addAttribute("festivals", Campaign.Festival.values());
        model.addAttribute("categories", CondolenceCategory.values());
        model.addAttribute("regions", roster.regions(me));
        return "care/campaigns";
    }

    @PostMapping("/campaigns")
    String create(CurrentUser me, @RequestParam(required = false) String name,
            @RequestParam(required = false) Campaign.Festival festival,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate festivalDate,
            @RequestParam(required = false) boolean provincial, @RequestParam(required = false) BigDecimal provinceAmount,
            RedirectAttributes redirect) {
        try {
            if (provincial && provinceAmount == null) {
                throw new InvalidField("provinceAmount", "validation.required");
            }
            Campaign campaign = commands.create(me, new CampaignCommands.NewCampaign(name, festival, regionCode,
                    festivalDate, provincial ? provinceAmount : null));
            redirect.addFlashAttribute("success", "campaign.created");
            return "redirect:/campaigns/" + campaign.getId();
        } catch (DomainException refused) {
            return refused(redirect, refused, "/campaigns");
        }
    }

    @PostMapping("/campaigns/standards")
    String addStandard(CurrentUser me, @RequestParam(required = false) CondolenceCategory category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(redirect, "/campaigns", "condolence.standard.added",
                () -> standards.add(me, category, effectiveFrom, amount, note));
    }

    /** lines on one page of a roster */
    static final int ROSTER_PAGE = 100;

    @GetMapping("/campaigns/{id}")
    String campaign(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer page, Model model) {
        CampaignRoster.CampaignSummary summary = roster.summary(me, id);
        String shown = filter == null || !List.of("in", "out", "check", "all").contains(filter) ? "in" : filter;
        PageResult<CampaignLine> lines = roster.page(me, id, shown, PageRequest.of(page, ROSTER_PAGE));
        model.addAttribute("summary", summary);
        model.addAttribute("campaign", summary.campaign());
        model.addAttribute("filter", shown);
        model.addAttribute("page", lines);
        model.addAttribute("lines", lines.items());
        model.addAttribute("categories", CondolenceCategory.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "care/campaign";
    }

    @PostMapping("/campaigns/{id}/refresh")
    String refresh(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.refreshed", () -> commands.refresh(me, id));
    }

    @PostMapping("/campaigns/{id}/lines")
    String add(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) CondolenceCategory category,
            @RequestParam(required = false) String payeeName, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.line.added", () -> commands.addPerson(me, id,
                new CampaignCommands.NewLine(samaritanId, category, payeeName, reason)));
    }

    @PostMapping("/campaigns/{id}/lines/{lineId}/removal")
    String remove(CurrentUser me, @PathVariable long id, @PathVariable long lineId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.line.removed",
                () -> commands.removeLine(me, id, lineId, reason));
    }

    @PostMapping("/campaigns/{id}/lines/{lineId}/conduct-check")
    String checkConduct(CurrentUser me, @PathVariable long id, @PathVariable long lineId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
            @RequestParam(required = false) String note, @RequestParam(required = false) Boolean good,
            RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id + "?filter=check", "campaign.conduct-check.recorded",
                () -> commands.checkConduct(me, id, lineId, checkedOn, note, good));
    }

    @PostMapping("/campaigns/{id}/submission")
    String submit(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.submitted", () -> commands.submit(me, id));
    }

    @PostMapping("/campaigns/{id}/approval")
    String approve(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String documentNumber,
            RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.approved", () -> commands.approve(me, id, documentNumber));
    }

    @PostMapping("/campaigns/{id}/return")
    String returnToDraft(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.returned", () -> commands.returnToDraft(me, id, reason));
    }

    @PostMapping("/campaigns/{id}/cancellation")
    String cancel(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/campaigns/" + id, "campaign.cancelled", () -> commands.cancel(me, id, reason));
    }

    @PostMapping("/campaigns/{id}/payment-batch")
    String send(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return outcome(redirect, "/campaigns/" + id,
                () -> commands.send(me, id).sent() == 0 ? "campaign.sent.nothing-new" : "campaign.sent");
    }
}

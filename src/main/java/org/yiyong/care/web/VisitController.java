package org.yiyong.care.web;

import static org.yiyong.web.PageSteps.refused;
import static org.yiyong.web.PageSteps.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.care.internal.Assistance;
import org.yiyong.care.internal.AssistanceCase;
import org.yiyong.care.internal.HouseholdCategory;
import org.yiyong.care.internal.Visit;
import org.yiyong.care.internal.VisitRecords;
import org.yiyong.care.internal.VisitSchedule;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.Registers;

/**
 * The visit pages: the schedule (overdue, due soon, all), the visit form made for a phone in the
 * household, a recorded visit, and the assistance cases from open to solved.
 */
@Controller
class VisitController {

    private final VisitSchedule schedule;
    private final VisitRecords records;
    private final Assistance assistance;
    private final SamaritanRegistry samaritans;

    private final Clock clock;

    private final Registers registers;

    VisitController(VisitSchedule schedule, VisitRecords records, Assistance assistance, SamaritanRegistry samaritans,
            Clock clock, Registers registers) {
        this.registers = registers;
        this.clock = clock;
        this.schedule = schedule;
        this.records = records;
        this.assistance = assistance;
        this.samaritans = samaritans;
    }

    /** households on one page of the schedule: a day's round of visits, and a page a phone shows quickly */
    static final int PAGE_SIZE = 50;

    @GetMapping("/visits")
    String schedule(CurrentUser me, @RequestParam(required = false) VisitSchedule.Filter filter,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        VisitSchedule.Filter shown = filter == null ? VisitSchedule.Filter.OVERDUE : filter;
        model.addAttribute("filter", shown);
        model.addAttribute("filters", VisitSchedule.Filter.values());
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("page", schedule.page(me, shown, q, PageRequest.of(page, PAGE_SIZE)));
        model.addAttribute("policies", schedule.policies());
        model.addAttribute("categories", HouseholdCategory.values());
        return "care/visits";
    }

    /**
     * The schedule as shown, all its pages, as the register of visits (走访台账): who is due, when last visited, who
     * is responsible; written as the households are worked out.
     */
    @GetMapping("/visits/register.xlsx")
    ResponseEntity<Resource> register(CurrentUser me, @RequestParam(required = false) VisitSchedule.Filter filter) {
        VisitSchedule.Filter shown = filter == null ? VisitSchedule.Filter.OVERDUE : filter;
        return registers.download("Visit", "走访台账", "见义勇为人员走访台账", Arrays.asList(
                        Registers.filter("范围", me.regionName()),
                        Registers.filter("显示", registers.label("visit.filter." + shown))),
                me.displayName(), LocalDate.now(clock), VISIT_COLUMNS,
                out -> schedule.each(me, shown, Registers.MAX_LINES, d -> out.accept(Arrays.asList(d.number(),
                        d.name(), d.regionName(), d.address(), d.categories().stream()
                                .map(c -> registers.label("visit.category." + c)).collect(Collectors.joining("、")),
                        d.intervalMonths(), d.lastVisit(), d.due(), d.overdue() ? "是" : "", d.responsible()))));
    }

    private static final List<Registers.Column> VISIT_COLUMNS = List.of(new Registers.Column("档案号", 16),
            new Registers.Column("姓名", 10), new Registers.Column("地区", 10), new Registers.Column("住址", 30),
            new Registers.Column("家庭类别", 16), new Registers.Column("走访周期（月）", 14),
            new Registers.Column("上次走访", 12), new Registers.Column("应走访日期", 12), new Registers.Column("已逾期", 8),
            new Registers.Column("责任单位", 20));

    @PostMapping("/visits/policies")
    String policy(CurrentUser me, @RequestParam(required = false) HouseholdCategory category,
            @RequestParam(required = false) Integer intervalMonths, RedirectAttributes redirect) {
        return step(redirect, "/visits?filter=ALL", "visit.policy.saved",
                () -> schedule.setPolicy(me, category, intervalMonths));
    }

    @GetMapping("/visits/new")
    String form(CurrentUser me, @RequestParam long samaritanId, Model model) {
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        model.addAttribute("samaritan", samaritan);
        model.addAttribute("kinds", AssistanceCase.Kind.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("due", schedule.of(me, samaritanId).orElse(null));
        model.addAttribute("carers", schedule.carersIn(samaritan.regionCode()));
        return "care/visit-form";
    }

    @PostMapping("/visits")
    String record(CurrentUser me, @RequestParam long samaritanId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @RequestParam(required = false) String visitors, @RequestParam(required = false) String met,
            @RequestParam(required = false) String livingConditions,
            @RequestParam(defaultValue = "false") boolean hardship,
            @RequestParam(required = false) List<AssistanceCase.Kind> problemKind,
            @RequestParam(required = false) List<String> problemDescription,
            @RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        List<VisitRecords.Problem> problems = new ArrayList<>();
        List<String> texts = problemDescription == null ? List.of() : problemDescription;
        for (int i = 0; i < texts.size(); i++) {
            problems.add(new VisitRecords.Problem(problemKind != null && i < problemKind.size() ? problemKind.get(i)
                    : null, texts.get(i)));
        }
        List<VisitRecords.Photo> taken = new ArrayList<>();
        for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
            if (!photo.isEmpty()) {
                taken.add(new VisitRecords.Photo(photo.getOriginalFilename(), () -> {
                    try {
                        return photo.getInputStream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        }
        try {
            Visit visit = records.record(me, new VisitRecords.NewVisit(samaritanId, visitedOn, visitors, met,
                    livingConditions, hardship, problems), taken);
            redirect.addFlashAttribute("success", "visit.recorded");
            return "redirect:/visits/" + visit.getId();
        } catch (DomainException refused) {
            return refused(redirect, refused, "/visits/new?samaritanId=" + samaritanId);
        }
    }

    @GetMapping("/visits/{id}")
    String visit(CurrentUser me, @PathVariable long id, Model model) {
        Visit visit = records.get(me, id);
        model.addAttribute("visit", visit);
        model.addAttribute("samaritan", samaritans.profile(me, visit.getSamaritanId()));
        model.addAttribute("photos", records.photos(me, id));
        model.addAttribute("cases", assistance.of(visit.getSamaritanId()).stream()
                .filter(c -> id == (c.getVisitId() == null ? -1 : c.getVisitId())).toList());
        return "care/visit";
    }

    @PostMapping("/visits/assignment")
    String assign(CurrentUser me, @RequestParam long samaritanId, @RequestParam(required = false) Long organizationId,
            RedirectAttributes redirect) {
        return step(redirect, "/visits/new?samaritanId=" + samaritanId, "visit.assigned",
                () -> schedule.assign(me, samaritanId, organizationId));
    }

    // ---------------------------------------------------------------- assistance cases

    @GetMapping("/assistance-cases")
    String cases(CurrentUser me, @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("cases", assistance.list(me, open, PageRequest.of(page, 30)));
        model.addAttribute("open", open);
        return "care/cases";
    }

    @GetMapping("/assistance-cases/{id}")
    String assistanceCase(CurrentUser me, @PathVariable long id, Model model) {
        AssistanceCase c = assistance.get(me, id);
        model.addAttribute("c", c);
        model.addAttribute("samaritan", samaritans.profile(me, c.getSamaritanId()));
        return "care/case";
    }

    @PostMapping("/assistance-cases/{id}/notes")
    String note(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(redirect, "/assistance-cases/" + id, "assistance.noted", () -> assistance.note(me, id, note));
    }

    @PostMapping("/assistance-cases/{id}/grant")
    String grant(CurrentUser me, @PathVariable long id, @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String decisionDocument, RedirectAttributes redirect) {
        return step(redirect, "/assistance-cases/" + id, "assistance.grant-requested",
                () -> assistance.requestGrant(me, id, amount, decisionDocument));
    }

    @PostMapping("/assistance-cases/{id}/solution")
    String solve(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String outcome,
            RedirectAttributes redirect) {
        return step(redirect, "/assistance-cases/" + id, "assistance.solved", () -> assistance.solve(me, id, outcome));
    }

    @PostMapping("/assistance-cases/{id}/closure")
    String close(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/assistance-cases/" + id, "assistance.closed-done",
                () -> assistance.close(me, id, reason));
    }
}

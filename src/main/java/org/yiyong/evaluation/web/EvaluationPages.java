package org.yiyong.evaluation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.evaluation.EvaluationSchemes;
import org.yiyong.evaluation.Evaluations;
import org.yiyong.evaluation.Method;
import org.yiyong.evaluation.Metric;
import org.yiyong.evaluation.RoundStatus;
import org.yiyong.evaluation.Subject;
import org.yiyong.files.Attachments;
import org.yiyong.honours.RoundNominations;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.DomainException;
import org.yiyong.web.Downloads;
import org.yiyong.web.PageSteps;
import org.yiyong.web.Registers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation pages: the schemes and rounds, a scheme's indicators with its forms, a round with its steps,
 * ranking, chart and objections, a unit's score sheet with hand scores, evidence, deductions and objections, the
 * records behind a computed score, and the ranking and score sheets as workbooks.
 */
@Controller
class EvaluationPages {

    private final EvaluationSchemes schemes;
    private final Evaluations evaluations;
    private final Attachments attachments;
    private final Registers registers;
    private final Clock clock;
    private final JsonMapper json;
    private final RoundNominations nominations;
    private final PdfDocuments documents;

    EvaluationPages(EvaluationSchemes schemes, Evaluations evaluations, Attachments attachments, Registers registers,
            Clock clock, JsonMapper json, RoundNominations nominations, PdfDocuments documents) {
        this.documents = documents;
        this.nominations = nominations;
        this.clock = clock;
        this.json = json;
        this.schemes = schemes;
        this.evaluations = evaluations;
        this.attachments = attachments;
        this.registers = registers;
    }

    @GetMapping("/evaluations")
    String list(Model model) {
        model.addAttribute("schemes", schemes.schemes());
        model.addAttribute("rounds", evaluations.rounds());
        model.addAttribute("subjects", Subject.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "evaluation/list";
    }

    @PostMapping("/evaluation-schemes")
    String create(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Subject subject, @RequestParam(required = false) String name,
            @RequestParam(required = false) BigDecimal totalPoints,
            @RequestParam(defaultValue = "false") boolean copyPrevious, RedirectAttributes redirect) {
        try {
            EvaluationSchemes.Scheme scheme = schemes.create(me, new EvaluationSchemes.NewScheme(year, subject, name,
                    totalPoints, copyPrevious));
            redirect.addFlashAttribute("success", "evaluation.scheme.created");
            return "redirect:/evaluation-schemes/" + scheme.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/evaluations");
        }
    }

    @GetMapping("/evaluation-schemes/{id}")
    String scheme(@PathVariable long id, Model model) {
        EvaluationSchemes.Scheme scheme = schemes.scheme(id);
        model.addAttribute("scheme", scheme);
        model.addAttribute("imbalances", EvaluationSchemes.imbalances(scheme));
        model.addAttribute("groups", scheme.indicators().stream().filter(i -> i.method() == Method.GROUP).toList());
        model.addAttribute("methods", Method.values());
        model.addAttribute("metrics", Metric.of(scheme.subject()));
        model.addAttribute("round", evaluations.roundOf(id).orElse(null));
        return "evaluation/scheme";
    }

    @PostMapping("/evaluation-schemes/{id}/indicators")
    String add(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) String name, @RequestParam(required = false) BigDecimal points,
            @RequestParam(required = false) Method method, @RequestParam(required = false) Metric metric,
            @RequestParam(required = false) BigDecimal target, @RequestParam(required = false) String guidance,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluation-schemes/" + id, "evaluation.indicator.added",
                () -> schemes.add(me, id, new EvaluationSchemes.IndicatorInput(parentId, name, points, method,
                        method == Method.COMPUTED ? metric : null, target, guidance)));
    }

    @PostMapping("/evaluation-schemes/{id}/indicators/{indicatorId}")
    String update(CurrentUser me, @PathVariable long id, @PathVariable long indicatorId,
            @RequestParam(required = false) String name, @RequestParam(required = false) BigDecimal points,
            @RequestParam(required = false) Method method, @RequestParam(required = false) Metric metric,
            @RequestParam(required = false) BigDecimal target, @RequestParam(required = false) String guidance,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluation-schemes/" + id, "evaluation.indicator.saved",
                () -> schemes.update(me, id, indicatorId, new EvaluationSchemes.IndicatorInput(null, name, points,
                        method, method == Method.COMPUTED ? metric : null, target, guidance)));
    }

    @PostMapping("/evaluation-schemes/{id}/indicators/{indicatorId}/removal")
    String remove(CurrentUser me, @PathVariable long id, @PathVariable long indicatorId, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluation-schemes/" + id, "evaluation.indicator.removed",
                () -> schemes.remove(me, id, indicatorId));
    }

    @PostMapping("/evaluations")
    String open(CurrentUser me, @RequestParam long schemeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate cutoffOn,
            @RequestParam(required = false) Integer objectionDays, RedirectAttributes redirect) {
        try {
            Evaluations.Round round = evaluations.open(me, schemeId, cutoffOn, objectionDays);
            redirect.addFlashAttribute("success", "evaluation.round.opened");
            return "redirect:/evaluations/" + round.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/evaluation-schemes/" + schemeId);
        }
    }

    @GetMapping("/evaluations/{id}")
    String round(CurrentUser me, @PathVariable long id, Model model) {
        Evaluations.Round round = evaluations.round(id);
        Evaluations.Matrix matrix = evaluations.matrix(me, id);
        model.addAttribute("round", round);
        model.addAttribute("standings", evaluations.standings(me, id));
        model.addAttribute("ownIds", evaluations.ownUnits(me, id).stream().map(Evaluations.Standing::id)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("objections", evaluations.objections(me, id));
        model.addAttribute("statuses", RoundStatus.values());
        model.addAttribute("chart", json.writeValueAsString(chart(matrix)));
        model.addAttribute("honourRounds", round.subject() == Subject.STATION && me.has(Role.CITY_STAFF)
                ? nominations.openRounds(me) : List.of());
        return "evaluation/round";
    }

    /** The chart's data: the units' names, and a series per indicator of each unit's score. */
    private static Map<String, Object> chart(Evaluations.Matrix matrix) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (EvaluationSchemes.Indicator indicator : matrix.indicators()) {
            List<BigDecimal> values = matrix.units().stream().map(unit -> matrix.scores()
                    .getOrDefault(unit.id(), Map.of()).getOrDefault(indicator.id(), BigDecimal.ZERO)).toList();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", indicator.name());
            line.put("values", values);
            series.add(line);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", matrix.units().stream().map(Evaluations.Standing::unitName).toList());
        chart.put("series", series);
        return chart;
    }

    @PostMapping("/evaluations/{id}/{step:computation|review|approval|publication}")
    String step(CurrentUser me, @PathVariable long id, @PathVariable String step, RedirectAttributes redirect) {
        String page = "/evaluations/" + id;
        return switch (step) {
            case "computation" -> PageSteps.step(redirect, page, "evaluation.round.computed",
                    () -> evaluations.compute(me, id));
            case "review" -> PageSteps.step(redirect, page, "evaluation.round.review-started",
                    () -> evaluations.startReview(me, id));
            case "approval" -> PageSteps.step(redirect, page, "evaluation.round.approved",
                    () -> evaluations.approve(me, id));
            default -> PageSteps.step(redirect, page, "evaluation.round.published", () -> evaluations.publish(me, id));
        };
    }

    @PostMapping("/evaluations/{id}/proposals")
    String propose(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long honourRoundId,
            @RequestParam(required = false) Integer count, RedirectAttributes redirect) {
        return PageSteps.outcome(redirect, "/evaluations/" + id, () -> {
            List<String> proposed = evaluations.proposeStations(me, id, honourRoundId, count);
            redirect.addFlashAttribute("successArgs", new Object[] {proposed.isEmpty() ? "—"
                    : String.join("、", proposed)});
            return "evaluation.propose.done";
        });
    }

    @GetMapping("/evaluations/{id}/units/{unitId}")
    String sheet(CurrentUser me, @PathVariable long id, @PathVariable long unitId, Model model) {
        Evaluations.Sheet sheet = evaluations.sheet(me, id, unitId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("own", evaluations.ownUnits(me, id).stream().anyMatch(unit -> unit.id() == unitId));
        Map<Long, List<org.yiyong.files.Attachment>> evidence = new LinkedHashMap<>();
        for (Evaluations.Score score : sheet.scoresByIndicator().values()) {
            evidence.put(score.id(), attachments.list(me, "EvaluationScore", score.id()));
        }
        model.addAttribute("evidence", evidence);
        return "evaluation/sheet";
    }

    @GetMapping("/evaluations/{id}/units/{unitId}/scores/{scoreId}")
    String records(CurrentUser me, @PathVariable long id, @PathVariable long unitId, @PathVariable long scoreId,
            Model model) {
        Evaluations.Sheet sheet = evaluations.sheet(me, id, unitId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("score", sheet.scoresByIndicator().values().stream().filter(s -> s.id() == scoreId)
                .findFirst().orElseThrow(() -> new org.yiyong.shared.RecordNotFound("EvaluationScore", scoreId)));
        model.addAttribute("records", evaluations.records(me, id, unitId, scoreId));
        return "evaluation/records";
    }

    @PostMapping("/evaluations/{id}/units/{unitId}/scores/{indicatorId}")
    String score(CurrentUser me, @PathVariable long id, @PathVariable long unitId, @PathVariable long indicatorId,
            @RequestParam(required = false) BigDecimal score, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluations/" + id + "/units/" + unitId, "evaluation.sheet.scored",
                () -> evaluations.score(me, id, unitId, indicatorId, score, note));
    }

    @PostMapping("/evaluations/{id}/units/{unitId}/deductions")
    String deduct(CurrentUser me, @PathVariable long id, @PathVariable long unitId,
            @RequestParam(required = false) BigDecimal points, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluations/" + id + "/units/" + unitId, "evaluation.deduction.added",
                () -> evaluations.deduct(me, id, unitId, points, reason));
    }

    @PostMapping("/evaluations/{id}/units/{unitId}/objections")
    String object(CurrentUser me, @PathVariable long id, @PathVariable long unitId,
            @RequestParam(required = false) Long indicatorId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluations/" + id + "/units/" + unitId, "evaluation.objection.raised",
                () -> evaluations.object(me, id, unitId, indicatorId == null ? -1 : indicatorId, reason));
    }

    @PostMapping("/evaluations/{id}/objections/{objectionId}/reply")
    String reply(CurrentUser me, @PathVariable long id, @PathVariable long objectionId,
            @RequestParam(required = false) String reply, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/evaluations/" + id, "evaluation.objection.replied",
                () -> evaluations.reply(me, id, objectionId, reply));
    }

    @GetMapping("/evaluations/{id}/ranking.xlsx")
    ResponseEntity<byte[]> rankingWorkbook(CurrentUser me, @PathVariable long id) {
        Evaluations.Round round = evaluations.round(id);
        Evaluations.Matrix matrix = evaluations.matrix(me, id);
        List<Registers.Column> columns = new ArrayList<>(List.of(new Registers.Column(
                registers.label("evaluation.ranking.rank"), 8), new Registers.Column(
                registers.label("evaluation.ranking.unit"), 28), new Registers.Column(
                registers.label("evaluation.ranking.total"), 10), new Registers.Column(
                registers.label("evaluation.ranking.deducted"), 10)));
        matrix.indicators().forEach(indicator -> columns.add(new Registers.Column(indicator.name(), 14)));
        List<List<?>> lines = new ArrayList<>();
        for (Evaluations.Standing unit : evaluations.standings(me, id)) {
            List<Object> line = new ArrayList<>();
            line.add(unit.ranking());
            line.add(unit.unitName());
            line.add(unit.total());
            line.add(unit.deducted());
            for (EvaluationSchemes.Indicator indicator : matrix.indicators()) {
                line.add(matrix.scores().getOrDefault(unit.id(), Map.of()).get(indicator.id()));
            }
            lines.add(line);
        }
        String title = round.schemeName() + " " + registers.label("evaluation.ranking");
        return registers.download("EvaluationRound", "evaluation-" + round.year() + "-ranking", title,
                Registers.subtitle(List.of(), me.displayName(), LocalDate.now(clock), lines.size()), columns, lines);
    }

    @GetMapping("/evaluations/{id}/ranking.pdf")
    ResponseEntity<byte[]> rankingPdf(CurrentUser me, @PathVariable long id) {
        Evaluations.Round round = evaluations.round(id);
        Evaluations.Matrix matrix = evaluations.matrix(me, id);
        byte[] pdf = documents.render("evaluation/ranking-pdf", Map.of("round", round, "matrix", matrix,
                "standings", evaluations.standings(me, id), "printedOn", PdfDocuments.officialDate(LocalDate.now(clock))));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "evaluation-" + round.year() + "-ranking.pdf", pdf);
    }

    @GetMapping("/evaluations/{id}/units/{unitId}/sheet.pdf")
    ResponseEntity<byte[]> sheetPdf(CurrentUser me, @PathVariable long id, @PathVariable long unitId) {
        Evaluations.Sheet sheet = evaluations.sheet(me, id, unitId);
        byte[] pdf = documents.render("evaluation/sheet-pdf", Map.of("sheet", sheet, "printedOn",
                PdfDocuments.officialDate(LocalDate.now(clock))));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "evaluation-" + sheet.round().year() + "-sheet-" + unitId
                + ".pdf", pdf);
    }

    @GetMapping("/evaluations/{id}/units/{unitId}/sheet.xlsx")
    ResponseEntity<byte[]> sheetWorkbook(CurrentUser me, @PathVariable long id, @PathVariable long unitId) {
        Evaluations.Sheet sheet = evaluations.sheet(me, id, unitId);
        List<Registers.Column> columns = List.of(new Registers.Column(registers.label("evaluation.indicator"), 36),
                new Registers.Column(registers.label("evaluation.indicator.points"), 10),
                new Registers.Column(registers.label("evaluation.indicator.method"), 14),
                new Registers.Column(registers.label("evaluation.sheet.inputs"), 16),
                new Registers.Column(registers.label("evaluation.sheet.score"), 10),
                new Registers.Column(registers.label("evaluation.sheet.note"), 40));
        List<List<?>> lines = new ArrayList<>();
        for (EvaluationSchemes.Indicator indicator : sheet.scheme().indicators()) {
            Evaluations.Score score = sheet.scoresByIndicator().get(indicator.id());
            lines.add(java.util.Arrays.asList("　".repeat(indicator.depth()) + indicator.name(), indicator.points(),
                    registers.label("evaluation.method." + indicator.method()), score == null ? null : score.inputs(),
                    score == null ? null : score.score(), score == null ? null : score.note()));
        }
        for (Evaluations.Deduction deduction : sheet.deductions()) {
            lines.add(java.util.Arrays.asList(registers.label("evaluation.deductions"), null, null, null,
                    deduction.points().negate(), deduction.reason()));
        }
        lines.add(java.util.Arrays.asList(registers.label("evaluation.ranking.total"), null, null, null,
                sheet.unit().total(), null));
        String title = sheet.round().schemeName() + " " + sheet.unit().unitName() + " "
                + registers.label("evaluation.sheet");
        return registers.download("EvaluationUnit", "evaluation-" + sheet.round().year() + "-sheet-" + unitId,
                title, Registers.subtitle(List.of(), me.displayName(), LocalDate.now(clock), lines.size()), columns, lines);
    }
}

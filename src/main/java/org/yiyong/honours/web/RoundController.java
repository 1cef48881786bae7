package org.yiyong.honours.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.internal.HonourRound;
import org.yiyong.honours.internal.RoundManagement;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.honours.internal.TitleLevel;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.People;
import org.yiyong.identity.Role;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DomainException;
import org.yiyong.web.PageSteps;

/** Honour round pages: the list, opening a round, and each round from candidates to the ceremony. */
@Controller
@RequestMapping("/honour-rounds")
class RoundController {

    private final RoundManagement rounds;
    private final Regions regions;
    private final TitleCatalogue catalogue;

    private final Clock clock;

    private final People people;

    RoundController(RoundManagement rounds, TitleCatalogue catalogue, Clock clock, People people, Regions regions) {
        this.regions = regions;
        this.people = people;
        this.clock = clock;
        this.rounds = rounds;
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(CurrentUser me, Model model) {
        model.addAttribute("rounds", rounds.list(me));
        model.addAttribute("regions", regions.within(me.scope()).stream()
                .filter(region -> region.level() != RegionLevel.PROVINCE
                        && (region.level() != RegionLevel.CITY || me.has(Role.CITY_STAFF)))
                .toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reviewers", people.holding(Role.COMMITTEE_MEMBER));
        return "honours/rounds";
    }

    @PostMapping
    String open(CurrentUser me, @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate windowFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate windowTo,
            @RequestParam(required = false) List<String> criterion, @RequestParam(required = false) List<Integer> weight,
            @RequestParam(required = false) String members, @RequestParam(required = false) String regionCode,
            RedirectAttributes redirect) {
        Map<String, Integer> criteria = new LinkedHashMap<>();
        List<String> names = criterion == null ? List.of() : criterion;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && !names.get(i).isBlank()) {
                criteria.put(names.get(i).trim(), weight != null && i < weight.size() && weight.get(i) != null
                        ? weight.get(i) : 0);
            }
        }
        List<String> panel = members == null ? List.of() : Arrays.stream(members.split("[,，\\s]+"))
                .filter(m -> !m.isBlank()).toList();
        try {
            HonourRound round = rounds.open(me, name, windowFrom, windowTo, criteria, panel, regionCode);
            redirect.addFlashAttribute("success", "round.opened");
            return "redirect:/honour-rounds/" + round.getId();
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.FORBIDDEN) {
                throw refused;
            }
            redirect.addFlashAttribute("failure", refused.messageKey());
            redirect.addFlashAttribute("failureArgs", refused.arguments());
            return "redirect:/honour-rounds";
        }
    }

    @GetMapping("/{id}")
    String show(CurrentUser me, @PathVariable long id, Model model) {
        HonourRound round = rounds.get(me, id);
        model.addAttribute("round", round);
        model.addAttribute("runs", RoundManagement.runs(me, round));
        model.addAttribute("roundRegion", round.isCounty() ? regions.nameOf(round.getRegionCode()) : regions.city().name());
        model.addAttribute("member", round.getMembers().stream().anyMatch(m -> m.getUsername().equals(me.username())));
        model.addAttribute("titles", catalogue.titles().stream().filter(t -> !t.isInstant())
                .filter(t -> round.isCounty() == (t.getLevel() == TitleLevel.COUNTY)).toList());
        if (round.getStatus() == HonourRound.Status.OPEN && RoundManagement.runs(me, round)) {
            model.addAttribute("nominees", rounds.nominees(round));
        }
        java.util.Set<Long> recused = new java.util.HashSet<>();
        Map<String, Integer> myScores = new HashMap<>();
        for (var candidate : round.getCandidates()) {
            if (candidate.getConflicts().stream().anyMatch(x -> x.getUsername().equals(me.username()))) {
                recused.add(candidate.getId());
            }
            candidate.getScores().stream().filter(score -> score.getUsername().equals(me.username()))
                    .forEach(score -> myScores.put(candidate.getId() + ":" + score.getCriterionId(), score.getScore()));
        }
        model.addAttribute("recused", recused);
        model.addAttribute("myScores", myScores);
        Map<Long, String> titleNames = new HashMap<>();
        catalogue.titles().forEach(t -> titleNames.put(t.getId(), t.getName()));
        model.addAttribute("titleNames", titleNames);
        return "honours/round";
    }

    @PostMapping("/{id}/candidates")
    String draw(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "round.drawn", () -> rounds.draw(me, id));
    }

    @PostMapping("/{id}/nominations")
    String nominate(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long organizationId,
            RedirectAttributes redirect) {
        return step(redirect, id, "round.nominated", () -> rounds.nominate(me, id, organizationId));
    }

    @PostMapping("/{id}/review")
    String review(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "round.review-started", () -> rounds.startReview(me, id));
    }

    @PostMapping("/{id}/candidates/{candidateId}/conflict")
    String conflict(CurrentUser me, @PathVariable long id, @PathVariable long candidateId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, id, "round.conflict-declared", () -> rounds.declareConflict(me, id, candidateId, reason));
    }

    @PostMapping("/{id}/candidates/{candidateId}/scores")
    String score(CurrentUser me, @PathVariable long id, @PathVariable long candidateId,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<Long, Integer> scores = new HashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith("score_")) {
                try {
                    scores.put(Long.valueOf(key.substring(6)), Integer.valueOf(value.trim()));
                } catch (NumberFormatException notANumber) {
                    // left out: the criterion then counts as not scored, and the member is told
                }
            }
        });
        return step(redirect, id, "round.scored", () -> rounds.score(me, id, candidateId, scores));
    }

    @PostMapping("/{id}/ranking")
    String rank(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "round.ranked", () -> rounds.rank(me, id));
    }

    @PostMapping("/{id}/candidates/{candidateId}/title")
    String title(CurrentUser me, @PathVariable long id, @PathVariable long candidateId,
            @RequestParam(required = false) String titleCode, RedirectAttributes redirect) {
        return step(redirect, id, "round.titled", () -> rounds.assignTitle(me, id, candidateId, titleCode));
    }

    @PostMapping("/{id}/approval")
    String approve(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String documentNumber,
            RedirectAttributes redirect) {
        return step(redirect, id, "round.approved", () -> rounds.approve(me, id, documentNumber));
    }

    @PostMapping("/{id}/grant")
    String grant(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ceremonyOn,
            RedirectAttributes redirect) {
        return step(redirect, id, "round.granted", () -> rounds.grant(me, id, ceremonyOn));
    }

    private String step(RedirectAttributes redirect, long id, String success, Runnable action) {
        return PageSteps.step(redirect, "/honour-rounds/" + id, success, action);
    }
}

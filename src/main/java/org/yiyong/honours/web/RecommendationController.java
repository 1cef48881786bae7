package org.yiyong.honours.web;

import java.time.LocalDate;
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
import org.yiyong.honours.internal.Recommendation;
import org.yiyong.honours.internal.Recommending;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.web.Downloads;
import org.yiyong.web.PageSteps;

/** Recommendations upward: their register, made from the profile, concluded, and the package to download. */
@Controller
class RecommendationController {

    private final Recommending recommending;
    private final Regions regions;

    RecommendationController(Recommending recommending, Regions regions) {
        this.recommending = recommending;
        this.regions = regions;
    }

    /** 向上推荐登记: who was recommended to the province or the nation, and what came of it. */
    @GetMapping("/recommendations")
    String register(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String region, @RequestParam(required = false) Recommendation.Status status,
            Model model) {
        model.addAttribute("year", year);
        model.addAttribute("region", region);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Recommendation.Status.values());
        model.addAttribute("lines", recommending.register(me, year, region, status));
        model.addAttribute("regions", regions.within(me.scope()));
        return "honours/recommendations";
    }

    @PostMapping("/recommendations")
    String recommend(CurrentUser me, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) Long deedId, @RequestParam(required = false) String titleCode,
            @RequestParam(required = false) String recommendedTo, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        long samaritan = samaritanId == null ? -1 : samaritanId;
        return PageSteps.step(redirect, "/samaritans/" + samaritan, "recommendation.recorded",
                () -> recommending.recommend(me, samaritan, deedId, titleCode, recommendedTo, reason));
    }

    @PostMapping("/recommendations/{id}/outcome")
    String conclude(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "false") boolean granted,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        long samaritan = recommending.get(me, id).getSamaritanId();
        return PageSteps.step(redirect, "/samaritans/" + samaritan, "recommendation.concluded-ok",
                () -> recommending.conclude(me, id, granted, decidedOn, documentNumber, note));
    }

    @GetMapping("/recommendations/{id}/package")
    ResponseEntity<byte[]> packageOf(CurrentUser me, @PathVariable long id) {
        return zip(id, recommending.packageOf(me, id));
    }

    static ResponseEntity<byte[]> zip(long id, byte[] body) {
        return Downloads.attachment(MediaType.parseMediaType("application/zip"), "推荐材料-" + id + ".zip", body);
    }
}

package org.yiyong.community.web;

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
import org.yiyong.community.Trainings;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DomainException;
import org.yiyong.web.PageSteps;

/** Trainings: the sessions, who attended, and who has not been trained this year. */
@Controller
class TrainingPages {

    private final Trainings trainings;
    private final Volunteering volunteering;
    private final Clock clock;

    TrainingPages(Trainings trainings, Volunteering volunteering, Clock clock) {
        this.trainings = trainings;
        this.volunteering = volunteering;
        this.clock = clock;
    }

    @GetMapping("/trainings")
    String list(CurrentUser me, Model model) {
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("year", year);
        model.addAttribute("trainings", trainings.trainings(me));
        model.addAttribute("untrained", trainings.untrained(me, year));
        model.addAttribute("hosts", volunteering.hosts(me));
        return "community/trainings";
    }

    @PostMapping("/trainings")
    String create(CurrentUser me, @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String trainer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) BigDecimal hours, RedirectAttributes redirect) {
        try {
            Trainings.Training training = trainings.create(me, new Trainings.NewTraining(organizationId, topic, trainer,
                    heldOn, hours));
            redirect.addFlashAttribute("success", "training.created");
            return "redirect:/trainings/" + training.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/trainings");
        }
    }

    @GetMapping("/trainings/{id}")
    String training(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("training", trainings.training(me, id));
        model.addAttribute("attendees", trainings.attendees(me, id));
        model.addAttribute("untrained", trainings.untrained(me, LocalDate.now(clock).getYear()));
        return "community/training";
    }

    @PostMapping("/trainings/{id}/attendees")
    String attend(CurrentUser me, @PathVariable long id,
            @RequestParam(name = "volunteer", required = false) List<Long> volunteers,
            @RequestParam(name = "staff", required = false) List<String> staff, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/trainings/" + id, "training.attended-saved",
                () -> trainings.attend(me, id, volunteers, staff));
    }
}

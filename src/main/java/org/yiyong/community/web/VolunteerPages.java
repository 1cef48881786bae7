package org.yiyong.community.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.community.ActivityKind;
import org.yiyong.community.CertificateKind;
import org.yiyong.community.TeamKind;
import org.yiyong.community.VolunteerStatus;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.Downloads;
import org.yiyong.web.PageSteps;
import org.yiyong.web.Registers;

/**
 * The pages of volunteer teams: the teams, a team with its members and activities, a volunteer's profile
 * with hours, stars and certificates, an activity's sign-in list (made for a phone at the activity), and the
 * certificates expiring soon.
 */
@Controller
class VolunteerPages {

    private final Volunteering volunteering;
    private final Registers registers;
    private final java.time.Clock clock;

    VolunteerPages(Volunteering volunteering, Registers registers, java.time.Clock clock) {
        this.volunteering = volunteering;
        this.registers = registers;
        this.clock = clock;
    }

    @GetMapping("/volunteer-teams")
    String teams(CurrentUser me, Model model) {
        model.addAttribute("teams", volunteering.teams(me));
        model.addAttribute("hosts", volunteering.hosts(me));
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("expiring", volunteering.expiringSoon(me).size());
        return "community/teams";
    }

    @PostMapping("/volunteer-teams")
    String createTeam(CurrentUser me, @RequestParam(required = false) String name,
            @RequestParam(required = false) TeamKind kind, @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String leaderUsername,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundedOn,
            RedirectAttributes redirect) {
        try {
            Volunteering.Team team = volunteering.createTeam(me,
                    new Volunteering.NewTeam(name, kind, organizationId, leaderUsername, foundedOn));
            redirect.addFlashAttribute("success", "team.created");
            return "redirect:/volunteer-teams/" + team.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/volunteer-teams");
        }
    }

    @GetMapping("/volunteer-teams/{id}")
    String team(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("team", volunteering.team(me, id));
        model.addAttribute("members", volunteering.members(me, id));
        model.addAttribute("activities", volunteering.activities(me, id));
        model.addAttribute("activityKinds", ActivityKind.values());
        if (!model.containsAttribute("volunteer")) {
            model.addAttribute("volunteer", new VolunteerForm(null, null, null, null, null, null));
        }
        return "community/team";
    }

    /** The registration form as typed, kept when it is refused. */
    record VolunteerForm(String name, String residentId, String phone, String skills,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn, Boolean consent) {
    }

    @PostMapping("/volunteer-teams/{id}/volunteers")
    String register(CurrentUser me, @PathVariable long id, VolunteerForm form, Model model,
            RedirectAttributes redirect) {
        try {
            Volunteering.Volunteer volunteer = volunteering.register(me, id, new Volunteering.NewVolunteer(
                    form.name(), form.residentId(), form.phone(), form.skills(), form.joinedOn(),
                    Boolean.TRUE.equals(form.consent())));
            redirect.addFlashAttribute("success", "volunteer.registered");
            return "redirect:/volunteers/" + volunteer.id();
        } catch (InvalidField invalid) {
            // the form comes back as typed, with what is wrong at its field
            model.addAttribute("volunteer", form);
            model.addAttribute("failure", invalid.messageKey());
            model.addAttribute("failureArgs", invalid.arguments());
            model.addAttribute("failureField", invalid.field());
            model.addAttribute("volunteerError", invalid.field());
            return team(me, id, model);
        }
    }

    @PostMapping("/volunteer-teams/{id}/activities")
    String createActivity(CurrentUser me, @PathVariable long id, @RequestParam(required = false) ActivityKind kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) String place,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
            RedirectAttributes redirect) {
        try {
            Volunteering.Activity activity = volunteering.createActivity(me, id,
                    new Volunteering.NewActivity(kind, title, place, startsAt, endsAt));
            redirect.addFlashAttribute("success", "activity.created");
            return "redirect:/activities/" + activity.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/volunteer-teams/" + id + "#activities");
        }
    }

    /** A team's hours of a year for a volunteer-hours platform, as CSV (UTF-8, for Excel too) or XLSX. */
    @GetMapping({"/volunteer-teams/{id}/hours.csv", "/volunteer-teams/{id}/hours.xlsx"})
    org.springframework.http.ResponseEntity<byte[]> hours(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) Integer year, jakarta.servlet.http.HttpServletRequest request) {
        int chosen = year == null ? java.time.LocalDate.now(clock).getYear() : year;
        List<List<String>> lines = volunteering.hoursForImport(me, id, chosen).stream().map(line -> {
            List<String> named = new java.util.ArrayList<>(line);
            named.set(6, registers.label("activity.kind." + line.get(6)));
            return named;
        }).map(List::copyOf).toList();
        String name = volunteering.team(me, id).name() + "-" + chosen + "年服务时长";
        return request.getRequestURI().endsWith(".csv")
                ? Downloads.attachment(CSV, name + ".csv", HoursFiles.csv(Volunteering.HOURS_COLUMNS, lines))
                : Downloads.attachment(Registers.XLSX, name + ".xlsx", HoursFiles.xlsx(Volunteering.HOURS_COLUMNS, lines));
    }

    private static final org.springframework.http.MediaType CSV =
            org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8");

    @GetMapping("/volunteers/{id}")
    String volunteer(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("volunteer", volunteering.volunteer(me, id));
        model.addAttribute("years", volunteering.hoursByYear(me, id));
        model.addAttribute("certificates", volunteering.certificates(me, id));
        model.addAttribute("activities", volunteering.activitiesOf(me, id));
        model.addAttribute("certificateKinds", CertificateKind.values());
        model.addAttribute("statuses", VolunteerStatus.values());
        model.addAttribute("teams", volunteering.teams(me));
        model.addAttribute("starRule", volunteering.starThresholds().stream()
                .map(hours -> hours.stripTrailingZeros().toPlainString() + "h").collect(Collectors.joining(" / ")));
        return "community/volunteer";
    }

    @PostMapping("/volunteers/{id}/certificates")
    String addCertificate(CurrentUser me, @PathVariable long id, @RequestParam(required = false) CertificateKind kind,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/volunteers/" + id + "#certificates", "volunteer.certificate.added",
                () -> volunteering.addCertificate(me, id, kind, number, issuedOn, expiresOn));
    }

    @PostMapping("/volunteers/{id}/details")
    String correct(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String skills,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/volunteers/" + id, "volunteer.corrected",
                () -> volunteering.correct(me, id, new Volunteering.VolunteerDetails(name, phone, skills)));
    }

    @PostMapping("/volunteers/{id}/certificates/{certificate}/removal")
    String removeCertificate(CurrentUser me, @PathVariable long id, @PathVariable long certificate,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/volunteers/" + id + "#certificates", "volunteer.certificate.removed",
                () -> volunteering.removeCertificate(me, id, certificate));
    }

    @PostMapping("/volunteers/{id}/team")
    String move(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long teamId,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/volunteers/" + id, "volunteer.moved",
                () -> volunteering.move(me, id, teamId == null ? -1 : teamId));
    }

    @PostMapping("/volunteers/{id}/status")
    String changeStatus(CurrentUser me, @PathVariable long id, @RequestParam(required = false) VolunteerStatus status,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/volunteers/" + id, "volunteer.status.changed",
                () -> volunteering.changeStatus(me, id, status));
    }

    @GetMapping("/volunteers/certificates/expiring")
    String expiring(CurrentUser me, Model model) {
        model.addAttribute("certificates", volunteering.expiringSoon(me));
        model.addAttribute("days", Volunteering.EXPIRY_WARNING_DAYS);
        return "community/expiring";
    }

    @GetMapping("/activities/{id}")
    String activity(CurrentUser me, @PathVariable long id, Model model) {
        Volunteering.Activity activity = volunteering.activity(me, id);
        model.addAttribute("activity", activity);
        model.addAttribute("members", volunteering.members(me, activity.teamId()).stream()
                .filter(member -> member.status() != VolunteerStatus.LEFT).toList());
        model.addAttribute("signed", volunteering.attendance(me, id).stream()
                .collect(Collectors.toMap(Volunteering.Attendance::volunteerId, Volunteering.Attendance::hours)));
        return "community/activity";
    }

    /**
     * The sign-in list: the ticked members ({@code volunteer}) with their hours ({@code hours-<id>}); a member
     * signed in before and now unticked ({@code shown} lists who the page showed) is taken off.
     */
    @PostMapping("/activities/{id}/sign-in")
    String signIn(CurrentUser me, @PathVariable long id,
            @RequestParam(name = "volunteer", required = false) List<Long> ticked,
            @RequestParam(name = "shown", required = false) List<Long> shown,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/activities/" + id, "activity.signed", () -> {
            List<Long> present = ticked == null ? List.of() : ticked;
            List<Long> before = volunteering.attendance(me, id).stream().map(Volunteering.Attendance::volunteerId)
                    .toList();
            for (Long volunteer : shown == null ? List.<Long>of() : shown) {
                if (!present.contains(volunteer) && before.contains(volunteer)) {
                    volunteering.removeSignIn(me, id, volunteer);
                }
            }
            if (present.isEmpty() && shown != null && before.stream().anyMatch(shown::contains)) {
                return; // only taken off
            }
            Map<Long, BigDecimal> hours = new LinkedHashMap<>();
            for (Long volunteer : ticked == null ? List.<Long>of() : ticked) {
                String typed = params.get("hours-" + volunteer);
                try {
                    hours.put(volunteer, typed == null || typed.isBlank() ? null : new BigDecimal(typed.trim()));
                } catch (NumberFormatException notANumber) {
                    throw new InvalidField("hours[" + volunteer + "]", "volunteer.sign-in.hours-positive");
                }
            }
            volunteering.signIn(me, id, hours);
        });
    }
}

package org.yiyong.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.community.CertificateKind;
import org.yiyong.community.VolunteerStatus;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.CurrentUser;

/** Volunteer teams, volunteers, their certificates and hours, and activities with their sign-in, in the API. */
@RestController
@Tag(name = "community")
class VolunteerApiController {

    private final Volunteering volunteering;

    VolunteerApiController(Volunteering volunteering) {
        this.volunteering = volunteering;
    }

    @GetMapping("/api/v1/volunteer-teams")
    @Operation(summary = "The volunteer teams within the caller's scope")
    List<Volunteering.Team> teams(CurrentUser me) {
        return volunteering.teams(me);
    }

    @PostMapping("/api/v1/volunteer-teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team attached to a work station or an association")
    Volunteering.Team createTeam(CurrentUser me, @RequestBody Volunteering.NewTeam team) {
        return volunteering.createTeam(me, team);
    }

    @GetMapping("/api/v1/volunteer-teams/{id}")
    @Operation(summary = "One team")
    Volunteering.Team team(CurrentUser me, @PathVariable long id) {
        return volunteering.team(me, id);
    }

    @GetMapping("/api/v1/volunteer-teams/{id}/volunteers")
    @Operation(summary = "The team's volunteers: ID numbers masked, hours this year and in all, stars")
    List<Volunteering.Volunteer> members(CurrentUser me, @PathVariable long id) {
        return volunteering.members(me, id);
    }

    /** A volunteer to register; {@code consent} must be true (their signed agreement). */
    record VolunteerRequest(String name, String residentId, String phone, String skills, LocalDate joinedOn,
            Boolean consent) {
    }

    @PostMapping("/api/v1/volunteer-teams/{id}/volunteers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a volunteer in the team, with their consent; once per resident ID number")
    Volunteering.Volunteer register(CurrentUser me, @PathVariable long id, @RequestBody VolunteerRequest request) {
        return volunteering.register(me, id, new Volunteering.NewVolunteer(request.name(), request.residentId(),
                request.phone(), request.skills(), request.joinedOn(), Boolean.TRUE.equals(request.consent())));
    }

    @GetMapping("/api/v1/volunteers/{id}")
    @Operation(summary = "One volunteer")
    Volunteering.Volunteer volunteer(CurrentUser me, @PathVariable long id) {
        return volunteering.volunteer(me, id);
    }

    @GetMapping("/api/v1/volunteers/{id}/hours")
    @Operation(summary = "A volunteer's hours year by year")
    List<Volunteering.YearHours> hours(CurrentUser me, @PathVariable long id) {
        return volunteering.hoursByYear(me, id);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/volunteers/{id}")
    @Operation(summary = "Correct a volunteer's name, phone and skills (the ID number stays)")
    Volunteering.Volunteer correct(CurrentUser me, @PathVariable long id,
            @RequestBody Volunteering.VolunteerDetails details) {
        return volunteering.correct(me, id, details);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/activities/{id}/attendance/{volunteerId}")
    @Operation(summary = "Take a volunteer signed in by mistake off an activity")
    Volunteering.Activity removeSignIn(CurrentUser me, @PathVariable long id, @PathVariable long volunteerId) {
        return volunteering.removeSignIn(me, id, volunteerId);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/volunteers/{id}/certificates/{certificate}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a certificate recorded by mistake")
    void removeCertificate(CurrentUser me, @PathVariable long id, @PathVariable long certificate) {
        volunteering.removeCertificate(me, id, certificate);
    }

    record MoveRequest(Long teamId) {
    }

    @PostMapping("/api/v1/volunteers/{id}/team")
    @Operation(summary = "Move a volunteer to another team; hours and certificates go with them")
    Volunteering.Volunteer move(CurrentUser me, @PathVariable long id, @RequestBody MoveRequest request) {
        return volunteering.move(me, id, request.teamId() == null ? -1 : request.teamId());
    }

    record StatusRequest(VolunteerStatus status) {
    }

    @PostMapping("/api/v1/volunteers/{id}/status")
    @Operation(summary = "A volunteer pauses, comes back or leaves")
    Volunteering.Volunteer status(CurrentUser me, @PathVariable long id, @RequestBody StatusRequest request) {
        return volunteering.changeStatus(me, id, request.status());
    }

    @GetMapping("/api/v1/volunteers/{id}/certificates")
    @Operation(summary = "A volunteer's certificates")
    List<Volunteering.Certificate> certificates(CurrentUser me, @PathVariable long id) {
        return volunteering.certificates(me, id);
    }

    record CertificateRequest(CertificateKind kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
    }

    @PostMapping("/api/v1/volunteers/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a certificate (first aid, lifesaving…) with the day it expires")
    Volunteering.Certificate addCertificate(CurrentUser me, @PathVariable long id,
            @RequestBody CertificateRequest request) {
        return volunteering.addCertificate(me, id, request.kind(), request.number(), request.issuedOn(),
                request.expiresOn());
    }

    @GetMapping("/api/v1/volunteers/certificates/expiring")
    @Operation(summary = "Certificates of active volunteers expiring within 60 days, soonest first")
    List<Volunteering.Certificate> expiring(CurrentUser me) {
        return volunteering.expiringSoon(me);
    }

    @GetMapping("/api/v1/volunteer-teams/{id}/activities")
    @Operation(summary = "The team's activities, newest first")
    List<Volunteering.Activity> activities(CurrentUser me, @PathVariable long id) {
        return volunteering.activities(me, id);
    }

    @PostMapping("/api/v1/volunteer-teams/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an activity of the team (patrol, watch, publicity, drill…)")
    Volunteering.Activity createActivity(CurrentUser me, @PathVariable long id,
            @RequestBody Volunteering.NewActivity activity) {
        return volunteering.createActivity(me, id, activity);
    }

    @GetMapping("/api/v1/activities/{id}")
    @Operation(summary = "One activity")
    Volunteering.Activity activity(CurrentUser me, @PathVariable long id) {
        return volunteering.activity(me, id);
    }

    @GetMapping("/api/v1/activities/{id}/attendance")
    @Operation(summary = "The volunteers signed in to an activity, with their hours")
    List<Volunteering.Attendance> attendance(CurrentUser me, @PathVariable long id) {
        return volunteering.attendance(me, id);
    }

    record SignInLine(Long volunteerId, BigDecimal hours) {
    }

    record SignInRequest(List<SignInLine> lines) {
    }

    @PostMapping("/api/v1/activities/{id}/sign-in")
    @Operation(summary = "Sign volunteers of the team in to an activity that has started, with their hours")
    Volunteering.Activity signIn(CurrentUser me, @PathVariable long id, @RequestBody SignInRequest request) {
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        if (request.lines() != null) {
            request.lines().stream().filter(line -> line != null && line.volunteerId() != null)
                    .forEach(line -> hours.put(line.volunteerId(), line.hours()));
        }
        return volunteering.signIn(me, id, hours);
    }
}

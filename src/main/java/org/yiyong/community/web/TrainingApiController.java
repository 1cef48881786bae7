package org.yiyong.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.community.Trainings;
import org.yiyong.identity.CurrentUser;

/** Trainings of station staff and volunteers in the API. */
@RestController
@Tag(name = "community")
class TrainingApiController {

    private final Trainings trainings;
    private final Clock clock;

    TrainingApiController(Trainings trainings, Clock clock) {
        this.trainings = trainings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/trainings")
    @Operation(summary = "Trainings within the caller's scope, newest first")
    List<Trainings.Training> trainings(CurrentUser me) {
        return trainings.trainings(me);
    }

    @PostMapping("/api/v1/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a training held by a station or an association")
    Trainings.Training create(CurrentUser me, @RequestBody Trainings.NewTraining training) {
        return trainings.create(me, training);
    }

    @GetMapping("/api/v1/trainings/{id}")
    @Operation(summary = "One training")
    Trainings.Training training(CurrentUser me, @PathVariable long id) {
        return trainings.training(me, id);
    }

    @GetMapping("/api/v1/trainings/{id}/attendees")
    @Operation(summary = "Who attended a training")
    List<Trainings.Attendee> attendees(CurrentUser me, @PathVariable long id) {
        return trainings.attendees(me, id);
    }

    record AttendRequest(List<Long> volunteerIds, List<String> usernames) {
    }

    @PostMapping("/api/v1/trainings/{id}/attendees")
    @Operation(summary = "Record volunteers (by id) and staff (by login name) who attended")
    Trainings.Training attend(CurrentUser me, @PathVariable long id, @RequestBody AttendRequest request) {
        return trainings.attend(me, id, request.volunteerIds(), request.usernames());
    }

    @GetMapping("/api/v1/trainings/untrained")
    @Operation(summary = "Active volunteers and station staff of the scope not trained in the year (this year by default)")
    List<Trainings.Untrained> untrained(CurrentUser me, @RequestParam(required = false) Integer year) {
        return trainings.untrained(me, year == null ? LocalDate.now(clock).getYear() : year);
    }
}

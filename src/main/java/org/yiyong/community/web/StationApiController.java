package org.yiyong.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.community.StationStatus;
import org.yiyong.community.Stations;
import org.yiyong.identity.CurrentUser;

/** Work stations, their details, steps and ledger, in the API. */
@RestController
@Tag(name = "community")
class StationApiController {

    private final Stations stations;

    StationApiController(Stations stations) {
        this.stations = stations;
    }

    @GetMapping("/api/v1/stations")
    @Operation(summary = "The work stations within the caller's scope, by county, with their places and status")
    List<Stations.Station> stations(CurrentUser me) {
        return stations.stations(me);
    }

    @GetMapping("/api/v1/stations/{id}")
    @Operation(summary = "One work station (by its organization id)")
    Stations.Station station(CurrentUser me, @PathVariable long id) {
        return stations.station(me, id);
    }

    @PutMapping("/api/v1/stations/{id}")
    @Operation(summary = "Record or correct a station's host, place, opening hours, public phone and founding day")
    Stations.Station profile(CurrentUser me, @PathVariable long id, @RequestBody Stations.Profile profile) {
        return stations.saveProfile(me, id, profile);
    }

    record StepRequest(StationStatus status, LocalDate on, String note) {
    }

    @PostMapping("/api/v1/stations/{id}/status")
    @Operation(summary = "Move a station forward: built, accepted (by the association), closed — dated")
    Stations.Station advance(CurrentUser me, @PathVariable long id, @RequestBody StepRequest request) {
        return stations.advance(me, id, request.status(), request.on(), request.note());
    }

    @GetMapping("/api/v1/stations/{id}/steps")
    @Operation(summary = "A station's steps, each dated and by whom")
    List<Stations.Step> steps(CurrentUser me, @PathVariable long id) {
        return stations.steps(me, id);
    }

    @GetMapping("/api/v1/stations/{id}/ledger")
    @Operation(summary = "A station's ledger this year: teams, active volunteers, activities and hours")
    Stations.Ledger ledger(CurrentUser me, @PathVariable long id) {
        return stations.ledger(me, id);
    }

    record DemonstrationRequest(Integer year) {
    }

    @PutMapping("/api/v1/stations/{id}/demonstration")
    @Operation(summary = "Name an accepted station a demonstration site of a year, or (year null) take it back")
    Stations.Station demonstration(CurrentUser me, @PathVariable long id, @RequestBody DemonstrationRequest request) {
        return stations.nameDemonstration(me, id, request.year());
    }
}

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.community.ParkStatus;
import org.yiyong.community.ThemeParks;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Inputs;

/** Theme parks and education bases, and the counties' yearly targets, in the API. */
@RestController
@Tag(name = "community")
class ThemeParkApiController {

    private final ThemeParks parks;
    private final Clock clock;

    ThemeParkApiController(ThemeParks parks, Clock clock) {
        this.parks = parks;
        this.clock = clock;
    }

    @GetMapping("/api/v1/theme-parks")
    @Operation(summary = "Theme parks and education bases within the caller's scope")
    List<ThemeParks.Park> parks(CurrentUser me) {
        return parks.parks(me);
    }

    @PostMapping("/api/v1/theme-parks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a theme park or education base in a county; coordinates within Quanzhou")
    ThemeParks.Park create(CurrentUser me, @RequestBody ThemeParks.NewPark park) {
        return parks.create(me, park);
    }

    @GetMapping("/api/v1/theme-parks/{id}")
    @Operation(summary = "One theme park")
    ThemeParks.Park park(CurrentUser me, @PathVariable long id) {
        return parks.park(me, id);
    }

    record StatusRequest(ParkStatus status, LocalDate openedOn) {
    }

    @PostMapping("/api/v1/theme-parks/{id}/status")
    @Operation(summary = "Move a park forward: under construction, then open (with the day it opened)")
    ThemeParks.Park advance(CurrentUser me, @PathVariable long id, @RequestBody StatusRequest request) {
        return parks.advance(me, id, request.status(), request.openedOn());
    }

    @GetMapping("/api/v1/theme-parks/standings")
    @Operation(summary = "Each county's parks open by the end of the year against its target; behind=true when short")
    List<Standing> standings(CurrentUser me, @RequestParam(required = false) Integer year) {
        return parks.standings(me, year == null ? LocalDate.now(clock).getYear() : year).stream()
                .map(s -> new Standing(s.regionCode(), s.regionName(), s.target(), s.open(), s.behind())).toList();
    }

    record Standing(String regionCode, String regionName, int target, long open, boolean behind) {
    }

    record TargetRequest(Integer year, String regionCode, Integer openParks) {
    }

    @PutMapping("/api/v1/theme-parks/targets")
    @Operation(summary = "Set how many parks a county (or, without regionCode, every county) is to have open by a year's end")
    TargetRequest setTarget(CurrentUser me, @RequestBody TargetRequest request) {
        Inputs.required("year", request.year());
        Inputs.required("openParks", request.openParks());
        parks.setTarget(me, request.year(), request.regionCode(), request.openParks());
        return request;
    }
}

package org.yiyong.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.community.Awareness;
import org.yiyong.identity.CurrentUser;

/** Awareness activities and media reports in the API. */
@RestController
@Tag(name = "community")
class AwarenessApiController {

    private final Awareness awareness;

    AwarenessApiController(Awareness awareness) {
        this.awareness = awareness;
    }

    @GetMapping("/api/v1/awareness-events")
    @Operation(summary = "Awareness activities within the caller's scope, newest first")
    List<Awareness.Event> events(CurrentUser me) {
        return awareness.events(me);
    }

    @PostMapping("/api/v1/awareness-events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an awareness activity (the awareness day, 七进 outreach…)")
    Awareness.Event create(CurrentUser me, @RequestBody Awareness.NewEvent event) {
        return awareness.create(me, event);
    }

    @GetMapping("/api/v1/awareness-events/{id}")
    @Operation(summary = "One awareness activity")
    Awareness.Event event(CurrentUser me, @PathVariable long id) {
        return awareness.event(me, id);
    }

    @GetMapping("/api/v1/media-reports")
    @Operation(summary = "Media reports within the caller's scope, newest first")
    List<Awareness.Report> reports(CurrentUser me) {
        return awareness.reports(me);
    }

    @PostMapping("/api/v1/media-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a media report, about an awareness activity or on its own in a county")
    Awareness.Report addReport(CurrentUser me, @RequestBody Awareness.NewReport report) {
        return awareness.addReport(me, report);
    }
}

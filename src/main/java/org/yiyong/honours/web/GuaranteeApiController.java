package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.honours.Guarantees;
import org.yiyong.identity.CurrentUser;

/** The guarantees view (不迟奖、不漏奖、不错奖) as JSON, with problem+json errors. */
@RestController
@Tag(name = "honours")
class GuaranteeApiController {

    private final Guarantees guarantees;

    GuaranteeApiController(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    @GetMapping(path = "/api/v1/guarantees", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Missed, late and wrong awards in the caller's data scope")
    List<Guarantees.Item> items(CurrentUser me) {
        return guarantees.items(me);
    }

    @PostMapping(path = "/api/v1/guarantees/resolutions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put an item aside with the reason it is in order")
    ResponseEntity<Void> resolveJson(CurrentUser me, @RequestBody ResolutionRequest request) {
        guarantees.resolve(me, request.kind(), request.subject(), request.reason());
        return ResponseEntity.noContent().build();
    }

    record ResolutionRequest(Guarantees.Kind kind, String subject, String reason) {
    }
}

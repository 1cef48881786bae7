package org.yiyong.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationFilter;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.OrganizationView;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** Organizations in the caller's data scope. */
@RestController
@RequestMapping(path = "/api/v1/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "organizations")
class OrganizationApiController {

    private final OrganizationManagement management;

    OrganizationApiController(OrganizationManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "Organizations in the caller's data scope, paginated")
    PageResult<OrganizationView> list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) OrgType type, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return management.search(me.scope(), new OrganizationFilter(q, type, regionCode, active),
                PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization; 404 if it does not exist or is outside the caller's data scope")
    OrganizationView get(CurrentUser me, @PathVariable long id) {
        return management.view(me, id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an organization in the caller's data scope")
    ResponseEntity<OrganizationView> create(CurrentUser me, @Valid @RequestBody OrganizationRequest request) {
        OrganizationView created = management.create(me, request.code(), request.details());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id())).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an organization; active=false deactivates it")
    OrganizationView update(CurrentUser me, @PathVariable long id, @Valid @RequestBody OrganizationRequest request) {
        return management.update(me, id, request.version(), request.details(), request.active());
    }
}

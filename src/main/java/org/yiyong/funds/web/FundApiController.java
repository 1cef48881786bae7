package org.yiyong.funds.web;

import static org.yiyong.funds.web.FundApi.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.funds.internal.Fund;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.funds.internal.Journal;
import org.yiyong.funds.internal.JournalEntry;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * Funds as JSON: funds and their balances, sub-funds, opening balances and the journal.
 */
@RestController
@Tag(name = "funds")
class FundApiController {

    private final FundRegister register;
    private final Journal journal;

    FundApiController(FundRegister register, Journal journal) {
        this.register = register;
        this.journal = journal;
    }

    @GetMapping(path = "/api/v1/funds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The funds in the caller's scope with their balances today")
    List<FundView> funds(CurrentUser me) {
        return register.funds(me).stream().map(line -> view(line.fund(), line.balance())).toList();
    }

    @GetMapping(path = "/api/v1/funds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One fund with its balance, today or at the end of a day")
    FundView fund(CurrentUser me, @PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        Fund fund = register.fund(me, id);
        return view(fund, asOf == null ? journal.balance(id) : journal.balance(id, asOf));
    }

    @PostMapping(path = "/api/v1/funds", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a restricted sub-fund (专款专用) for a purpose, a region or a person")
    ResponseEntity<FundView> createSubFund(CurrentUser me, @RequestBody SubFundRequest request) {
        Fund fund = register.createSubFund(me, request.parentId() == null ? -1 : request.parentId(), request.name(),
                request.restriction(), request.restrictedPurpose(), request.restrictedRegion(),
                request.restrictedSamaritanId(), request.restrictionNote(), request.openedOn());
        return ResponseEntity.created(URI.create("/api/v1/funds/" + fund.getId())).body(view(fund, BigDecimal.ZERO.setScale(2)));
    }

    @PostMapping(path = "/api/v1/funds/{id}/opening-balance", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post the balance the fund had when it came into Yiyong (once)")
    ResponseEntity<EntryView> opening(CurrentUser me, @PathVariable long id, @RequestBody AmountRequest request) {
        JournalEntry entry = register.openingBalance(me, id, request.amount());
        return ResponseEntity.status(201).body(view(entry));
    }

    @GetMapping(path = "/api/v1/funds/journal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The journal in the caller's scope, newest first, with postings")
    PageResult<EntryView> journal(CurrentUser me, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return journal.entries(me, PageRequest.of(page, size)).map(FundApi::view);
    }
}

package org.yiyong.funds.web;

import static org.yiyong.funds.web.FundApi.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.web.Downloads;

/**
 * Donations as JSON: donations with their receipts, donors, and reversals. A donation may carry an
 * {@code Idempotency-Key} header: repeating it answers with what the first request made.
 * Its operations keep the names they had when the funds' three resources shared one controller
 * ({@code fund…}), so that generated clients do not change.
 */
@RestController
@Tag(name = "funds")
class DonationApiController {

    private final FundRegister register;

    DonationApiController(FundRegister register) {
        this.register = register;
    }

    @GetMapping(path = "/api/v1/donations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundDonations", summary = "Donations in the caller's scope, newest first")
    PageResult<DonationView> donations(CurrentUser me, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return register.donations(me, PageRequest.of(page, size)).map(FundApi::view);
    }

    @GetMapping(path = "/api/v1/donations/donors", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundDonors", summary = "Known donors (enterprises and people) in the caller's scope")
    List<DonorView> donors(CurrentUser me) {
        return register.donors(me).stream()
                .map(d -> new DonorView(d.getId(), d.getKind(), d.getName(), d.getRegionCode())).toList();
    }

    @GetMapping(path = "/api/v1/donations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundDonation", summary = "One donation")
    DonationView donation(CurrentUser me, @PathVariable long id) {
        return view(register.donation(me, id));
    }

    @PostMapping(path = "/api/v1/donations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundReceive", summary = "Record a donation into a fund; numbered receipt, journal entry")
    ResponseEntity<DonationView> receive(CurrentUser me, @RequestBody DonationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Donation donation = register.receive(me, new FundRegister.NewDonation(request.donorId(), request.donorKind(),
                request.donorName(), request.donorContact(), request.fundId() == null ? -1 : request.fundId(),
                request.amount(), request.receivedOn(), request.channel(), request.note(), key));
        return ResponseEntity.created(URI.create("/api/v1/donations/" + donation.getId())).body(view(donation));
    }

    @GetMapping(path = "/api/v1/donations/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "fundReceipt", summary = "The donation receipt (捐赠票据) as PDF")
    ResponseEntity<byte[]> receipt(CurrentUser me, @PathVariable long id) {
        Donation donation = register.donation(me, id);
        return Downloads.pdf("捐赠票据 " + donation.getReceiptNumber() + ".pdf", register.receipt(me, id));
    }

    @PostMapping(path = "/api/v1/donations/{id}/reversal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundReverse", summary = "Reverse a donation recorded in error (a reversing journal entry)")
    DonationView reverse(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(register.reverseDonation(me, id, request.reason()));
    }
}

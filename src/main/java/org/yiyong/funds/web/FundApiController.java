package org.yiyong.funds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.internal.BankFiles;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.Donor;
import org.yiyong.funds.internal.Fund;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.funds.internal.Journal;
import org.yiyong.funds.internal.JournalEntry;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.Payments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * Funds as JSON: funds and their balances, the journal, donations with receipts, payment orders from
 * request to acknowledgement, and the cashier's batches with their bank files. A create may carry an
 * {@code Idempotency-Key} header: repeating it answers with what the first request made.
 */
@RestController
@Tag(name = "funds")
class FundApiController {

    private final FundRegister register;
    private final Payments payments;
    private final BankFiles bankFiles;
    private final Journal journal;

    FundApiController(FundRegister register, Payments payments, BankFiles bankFiles, Journal journal) {
        this.register = register;
        this.payments = payments;
        this.bankFiles = bankFiles;
        this.journal = journal;
    }

    // ---------------------------------------------------------------- funds

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
        PageResult<JournalEntry> found = journal.entries(me, PageRequest.of(page, size));
        return new PageResult<>(found.items().stream().map(FundApiController::view).toList(), found.page(),
                found.size(), found.total());
    }

    // ---------------------------------------------------------------- donations

    @GetMapping(path = "/api/v1/donations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Donations in the caller's scope, newest first")
    PageResult<DonationView> donations(CurrentUser me, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResult<Donation> found = register.donations(me, PageRequest.of(page, size));
        return new PageResult<>(found.items().stream().map(FundApiController::view).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping(path = "/api/v1/donations/donors", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Known donors (enterprises and people) in the caller's scope")
    List<DonorView> donors(CurrentUser me) {
        return register.donors(me).stream()
                .map(d -> new DonorView(d.getId(), d.getKind(), d.getName(), d.getRegionCode())).toList();
    }

    @GetMapping(path = "/api/v1/donations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One donation")
    DonationView donation(CurrentUser me, @PathVariable long id) {
        return view(register.donation(me, id));
    }

    @PostMapping(path = "/api/v1/donations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a donation into a fund; numbered receipt, journal entry")
    ResponseEntity<DonationView> receive(CurrentUser me, @RequestBody DonationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Donation donation = register.receive(me, new FundRegister.NewDonation(request.donorId(), request.donorKind(),
                request.donorName(), request.donorContact(), request.fundId() == null ? -1 : request.fundId(),
                request.amount(), request.receivedOn(), request.channel(), request.note(), key));
        return ResponseEntity.created(URI.create("/api/v1/donations/" + donation.getId())).body(view(donation));
    }

    @GetMapping(path = "/api/v1/donations/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The donation receipt (捐赠票据) as PDF")
    ResponseEntity<byte[]> receipt(CurrentUser me, @PathVariable long id) {
        Donation donation = register.donation(me, id);
        return pdf("捐赠票据 " + donation.getReceiptNumber() + ".pdf", register.receipt(me, id));
    }

    @PostMapping(path = "/api/v1/donations/{id}/reversal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reverse a donation recorded in error (a reversing journal entry)")
    DonationView reverse(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(register.reverseDonation(me, id, request.reason()));
    }

    // ---------------------------------------------------------------- payment orders

    @GetMapping(path = "/api/v1/payment-orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Payment orders in the caller's scope, newest first; by status, payee or number")
    PageResult<OrderView> orders(CurrentUser me, @RequestParam(required = false) PaymentOrder.Status status,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResult<PaymentOrder> found = payments.list(me, status, q, PageRequest.of(page, size));
        return new PageResult<>(found.items().stream().map(FundApiController::view).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping(path = "/api/v1/payment-orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One payment order, with what its reviewer checks: the payee's masked account and the fund's available balance")
    OrderView order(CurrentUser me, @PathVariable long id) {
        return view(payments.get(me, id), payments.review(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request a payment by hand, with its justification")
    ResponseEntity<OrderView> request(CurrentUser me, @RequestBody ManualRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        PaymentOrder order = payments.requestManually(me, new Payments.ManualOrder(
                request.fundId() == null ? -1 : request.fundId(), request.purpose(), request.payeeName(),
                request.payeeSamaritanId(), request.amount(), request.description(), request.justification(),
                request.decisionDocument(), key, request.paymentMethod(), request.payeeBankName(),
                request.payeeAccountNumber()));
        return ResponseEntity.created(URI.create("/api/v1/payment-orders/" + order.getId())).body(view(order));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve (finance reviewer, not the requester), optionally from another fund of the association")
    OrderView approve(CurrentUser me, @PathVariable long id, @RequestBody ApprovalRequest request) {
        return view(payments.approve(me, id, request.fundId()), payments.review(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/payment-method", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record how an unpaid order is paid: to a bank account (bank and number), in cash or by cheque; a change after approval sends it back for review")
    OrderView payWith(CurrentUser me, @PathVariable long id, @RequestBody PaymentMethodRequest request) {
        return view(payments.payWith(me, id, request.paymentMethod(), request.payeeBankName(),
                request.payeeAccountNumber()), payments.review(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel an unpaid order with a reason")
    OrderView cancel(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(payments.cancel(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an order of a batch paid, with the bank's reference (once; a retry with the same reference is answered with the paid order)")
    OrderView paid(CurrentUser me, @PathVariable long id, @RequestBody PaidRequest request) {
        return view(payments.markPaid(me, id, request.paidOn(), request.bankReference()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/failure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an order of a batch failed, with the reason (it can be re-issued)")
    OrderView failed(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(payments.markFailed(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/reissue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put a failed order back for another batch")
    OrderView reissue(CurrentUser me, @PathVariable long id) {
        return view(payments.reissue(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The bank returned a paid order: reverse its entry; the order can be re-issued")
    OrderView returned(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(payments.returned(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the payee's acknowledgement of receipt (签收)")
    OrderView acknowledge(CurrentUser me, @PathVariable long id, @RequestBody AcknowledgementRequest request) {
        return view(payments.acknowledge(me, id, request.acknowledgedOn(), request.acknowledgedBy(), request.note()));
    }

    @GetMapping(path = "/api/v1/payment-orders/batches", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The cashier's batches, newest first")
    List<BatchView> batches(CurrentUser me) {
        return payments.batches(me).stream().map(b -> view(b, List.of())).toList();
    }

    @PostMapping(path = "/api/v1/payment-orders/batches", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put approved orders of one association in a new batch")
    ResponseEntity<BatchView> batch(CurrentUser me, @RequestBody BatchRequest request) {
        DisbursementBatch batch = payments.batch(me, request.orderIds());
        return ResponseEntity.created(URI.create("/api/v1/payment-orders/batches/" + batch.getId()))
                .body(view(batch, payments.ordersOf(me, batch.getId())));
    }

    @GetMapping(path = "/api/v1/payment-orders/batches/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One batch with its orders")
    BatchView batch(CurrentUser me, @PathVariable long id) {
        return view(payments.batchOf(me, id), payments.ordersOf(me, id));
    }

    @GetMapping(path = "/api/v1/payment-orders/batches/{id}/bank-file")
    @Operation(summary = "The batch's bank file (CSV or XLSX) with the payees' accounts; the download is audited")
    ResponseEntity<byte[]> bankFile(CurrentUser me, @PathVariable long id,
            @RequestParam(defaultValue = "CSV") BankFiles.Format format) {
        DisbursementBatch batch = payments.batchOf(me, id);
        byte[] body = bankFiles.of(me, id, format);
        boolean csv = format == BankFiles.Format.CSV;
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("代发文件 " + batch.getNumber() + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    // ---------------------------------------------------------------- views

    private static FundView view(Fund fund, BigDecimal balance) {
        return new FundView(fund.getId(), fund.getCode(), fund.getName(), fund.getRegionCode(), fund.getParentId(),
                fund.getRestriction(), fund.getRestrictedPurpose(), fund.getRestrictedRegion(),
                fund.getRestrictedSamaritanId(), fund.getRestrictionNote(), fund.getOpenedOn(), balance);
    }

    private static EntryView view(JournalEntry entry) {
        return new EntryView(entry.getId(), entry.getNumber(), entry.getRegionCode(), entry.getEntryDate(),
                entry.getDescription(), entry.getSourceKind(), entry.getSourceId(), entry.getReversesId(),
                entry.getRecordedBy(), entry.getPostings().stream().map(p -> new EntryView.Line(p.getFundId(),
                        p.getAccount().name(), p.getAccount().code(), p.getDebit(), p.getCredit())).toList());
    }

    private static DonationView view(Donation d) {
        return new DonationView(d.getId(), d.getReceiptNumber(), d.getDonorId(), d.getDonorName(), d.getDonorKind(),
                d.getFundId(), d.getRegionCode(), d.getAmount(), d.getReceivedOn(), d.getChannel(), d.getNote(),
                d.getRecordedBy(), d.isReversed());
    }

    static OrderView view(PaymentOrder o) {
        return view(o, null);
    }

    static OrderView view(PaymentOrder o, Payments.Review review) {
        return new OrderView(o.getId(), o.getNumber(), o.getFundId(), o.getRegionCode(), o.getPurpose(),
                o.getPayeeName(), o.getPayeeSamaritanId(), o.getPayeeOrganizationId(), o.getAmount(),
                o.getDescription(), o.getSource(), o.getSourceRef(), o.getDecisionDocument(), o.getJustification(),
                o.getStatus(), o.getRequestedBy(), o.getRequestedOn(), o.getApprovedBy(), o.getApprovedAt(),
                o.getBatchId(), o.getPaidOn(), o.getBankReference(), o.getFailureReason(), o.getAcknowledgedOn(),
                o.getAcknowledgedBy(), o.getCancelReason(), o.getPaymentMethod(), o.getPayeeBankName(),
                o.getPayeeAccountMasked(), o.getBatchedBy(), o.getPaidBy(), review == null ? null : new ReviewView(
                        review.paymentMethod(), review.payeeBankName(), review.payeeAccountMasked(),
                        review.accountFromRegistry(), review.payable(), review.fundBalance(), review.fundCommitted(),
                        review.fundAvailable()));
    }

    private static BatchView view(DisbursementBatch b, List<PaymentOrder> orders) {
        return new BatchView(b.getId(), b.getNumber(), b.getRegionCode(), b.getCreatedBy(), b.getCreatedAt(),
                orders.stream().map(FundApiController::view).toList());
    }

    record FundView(long id, String code, String name, String regionCode, Long parentId, Fund.Restriction restriction,
            PaymentPurpose restrictedPurpose, String restrictedRegion, Long restrictedSamaritanId,
            String restrictionNote, LocalDate openedOn, BigDecimal balance) {
    }

    record EntryView(long id, String number, String regionCode, LocalDate entryDate, String description,
            JournalEntry.SourceKind sourceKind, long sourceId, Long reversesId, String recordedBy, List<Line> postings) {

        record Line(long fundId, String account, String accountCode, BigDecimal debit, BigDecimal credit) {
        }
    }

    record DonationView(long id, String receiptNumber, Long donorId, String donorName, Donor.Kind donorKind,
            long fundId, String regionCode, BigDecimal amount, LocalDate receivedOn, Donation.Channel channel,
            String note, String recordedBy, boolean reversed) {
    }

    record DonorView(long id, Donor.Kind kind, String name, String regionCode) {
    }

    record OrderView(long id, String number, long fundId, String regionCode, PaymentPurpose purpose, String payeeName,
            Long payeeSamaritanId, Long payeeOrganizationId, BigDecimal amount, String description,
            @Schema(description = "the module that asked for the order, or MANUAL") String source,
            @Schema(description = "the record of that module the order pays") String sourceRef,
            String decisionDocument, String justification,
            PaymentOrder.Status status, String requestedBy, LocalDate requestedOn, String approvedBy,
            Instant approvedAt, Long batchId, LocalDate paidOn, String bankReference, String failureReason,
            LocalDate acknowledgedOn, String acknowledgedBy, String cancelReason, PaymentOrder.Method paymentMethod,
            @Schema(description = "the bank of the account recorded on the order") String payeeBankName,
            @Schema(description = "the account recorded on the order, masked, e.g. 6222 **** **** 0123")
            String payeeAccountMasked, String batchedBy, String paidBy,
            @Schema(description = "only on one order: where the money goes and what the fund can pay")
            ReviewView review) {
    }

    /**
     * What a reviewer checks before approving. The account is the order's own or, for a samaritan paid
     * in person, the registry's (accountFromRegistry); payable says whether the order may enter a batch.
     */
    record ReviewView(PaymentOrder.Method paymentMethod, String payeeBankName, String payeeAccountMasked,
            boolean accountFromRegistry, boolean payable, BigDecimal fundBalance,
            @Schema(description = "approved or batched orders of the fund not yet paid") BigDecimal fundCommitted,
            @Schema(description = "balance less committed") BigDecimal fundAvailable) {
    }

    record BatchView(long id, String number, String regionCode, String createdBy, Instant createdAt,
            List<OrderView> orders) {
    }

    record SubFundRequest(Long parentId, String name, Fund.Restriction restriction, PaymentPurpose restrictedPurpose,
            String restrictedRegion, Long restrictedSamaritanId, String restrictionNote, LocalDate openedOn) {
    }

    record AmountRequest(BigDecimal amount) {
    }

    record DonationRequest(Long donorId, Donor.Kind donorKind, String donorName, String donorContact, Long fundId,
            BigDecimal amount, LocalDate receivedOn, Donation.Channel channel, String note) {
    }

    record ManualRequest(Long fundId, PaymentPurpose purpose, String payeeName, Long payeeSamaritanId,
            BigDecimal amount, String description, String justification, String decisionDocument,
            PaymentOrder.Method paymentMethod, String payeeBankName, String payeeAccountNumber) {
    }

    record PaymentMethodRequest(PaymentOrder.Method paymentMethod, String payeeBankName, String payeeAccountNumber) {
    }

    record ApprovalRequest(Long fundId) {
    }

    record ReasonRequest(String reason) {
    }

    record PaidRequest(LocalDate paidOn, String bankReference) {
    }

    record AcknowledgementRequest(LocalDate acknowledgedOn, String acknowledgedBy, String note) {
    }

    record BatchRequest(List<Long> orderIds) {
    }
}

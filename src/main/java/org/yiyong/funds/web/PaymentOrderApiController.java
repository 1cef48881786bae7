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
import org.yiyong.funds.internal.BankFiles;
import org.yiyong.funds.internal.BulkPayments;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.Payments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * Payment orders as JSON, from request to acknowledgement, and the cashier's batches with their bank
 * files. A request may carry an {@code Idempotency-Key} header: repeating it answers with what the
 * first request made.
 * Its operations keep the names they had when the funds' three resources shared one controller
 * ({@code fund…}), so that generated clients do not change.
 */
@RestController
@Tag(name = "funds")
class PaymentOrderApiController {

    private final Payments payments;
    private final BankFiles bankFiles;
    private final BulkPayments bulk;

    PaymentOrderApiController(Payments payments, BankFiles bankFiles, BulkPayments bulk) {
        this.payments = payments;
        this.bankFiles = bankFiles;
        this.bulk = bulk;
    }

    @GetMapping(path = "/api/v1/payment-orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundOrders", summary = "Payment orders in the caller's scope, newest first; by status, payee or number")
    PageResult<OrderView> orders(CurrentUser me, @RequestParam(required = false) PaymentOrder.Status status,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return payments.list(me, status, q, PageRequest.of(page, size)).map(FundApi::view);
    }

    @GetMapping(path = "/api/v1/payment-orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundOrder", summary = "One payment order, with what its reviewer checks: the payee's masked account and the fund's available balance")
    OrderView order(CurrentUser me, @PathVariable long id) {
        return view(payments.get(me, id), payments.review(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundRequest", summary = "Request a payment by hand, with its justification")
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
    @Operation(operationId = "fundApprove", summary = "Approve (finance reviewer, not the requester), optionally from another fund of the association")
    OrderView approve(CurrentUser me, @PathVariable long id, @RequestBody ApprovalRequest request) {
        return view(payments.approve(me, id, request.fundId()), payments.review(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/payment-method", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundPayWith", summary = "Record how an unpaid order is paid: to a bank account (bank and number), in cash or by cheque; a change after approval sends it back for review")
    OrderView payWith(CurrentUser me, @PathVariable long id, @RequestBody PaymentMethodRequest request) {
        return view(payments.payWith(me, id, request.paymentMethod(), request.payeeBankName(),
                request.payeeAccountNumber()), payments.review(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundCancel", summary = "Cancel an unpaid order with a reason")
    OrderView cancel(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(payments.cancel(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundPaid", summary = "Mark an order of a batch paid, with the bank's reference (once; a retry with the same reference is answered with the paid order)")
    OrderView paid(CurrentUser me, @PathVariable long id, @RequestBody PaidRequest request) {
        return view(payments.markPaid(me, id, request.paidOn(), request.bankReference()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/failure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundFailed", summary = "Mark an order of a batch failed, with the reason (it can be re-issued)")
    OrderView failed(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(payments.markFailed(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/reissue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundReissue", summary = "Put a failed order back for another batch")
    OrderView reissue(CurrentUser me, @PathVariable long id) {
        return view(payments.reissue(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundReturned", summary = "The bank returned a paid order: reverse its entry; the order can be re-issued")
    OrderView returned(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(payments.returned(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/payment-orders/{id}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundAcknowledge", summary = "Record the payee's acknowledgement of receipt (签收)")
    OrderView acknowledge(CurrentUser me, @PathVariable long id, @RequestBody AcknowledgementRequest request) {
        return view(payments.acknowledge(me, id, request.acknowledgedOn(), request.acknowledgedBy(), request.note()));
    }

    @GetMapping(path = "/api/v1/payment-orders/batches", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundBatches", summary = "The cashier's batches, newest first")
    List<BatchView> batches(CurrentUser me) {
        return payments.batches(me).stream().map(b -> view(b, List.of())).toList();
    }

    @PostMapping(path = "/api/v1/payment-orders/batches", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundBatchPost", summary = "Put approved orders of one association in a new batch")
    ResponseEntity<BatchView> batch(CurrentUser me, @RequestBody BatchRequest request) {
        DisbursementBatch batch = payments.batch(me, request.orderIds());
        return ResponseEntity.created(URI.create("/api/v1/payment-orders/batches/" + batch.getId()))
                .body(view(batch, payments.ordersOf(me, batch.getId())));
    }

    @GetMapping(path = "/api/v1/payment-orders/batches/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundBatchGet", summary = "One batch with its orders")
    BatchView batch(CurrentUser me, @PathVariable long id) {
        return view(payments.batchOf(me, id), payments.ordersOf(me, id));
    }

    @PostMapping(path = "/api/v1/payment-orders/batches/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundBatchPaid", summary = "Record every order still waiting in the batch paid on one day with the bank's reference of the batch; orders states how many the cashier checked (a retry with the same reference does nothing)")
    DoneView settle(CurrentUser me, @PathVariable long id, @RequestBody SettleRequest request) {
        return view(bulk.settle(me, id, request.paidOn(), request.bankReference(), request.orders()));
    }

    @GetMapping(path = "/api/v1/payment-orders/groups", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundGroups", summary = "Orders asked for by one record in one association (a campaign's), waiting for review (REQUESTED) or a batch (APPROVED), a group each")
    List<BulkPayments.Group> groups(CurrentUser me,
            @RequestParam(defaultValue = "REQUESTED") PaymentOrder.Status status) {
        return bulk.waiting(me, status);
    }

    @PostMapping(path = "/api/v1/payment-orders/groups/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundGroupApprove", summary = "Approve every order of a group the reviewer did not request; orders and amount are what the reviewer checked")
    DoneView approveGroup(CurrentUser me, @RequestBody GroupRequest request) {
        return view(bulk.approve(me, request.key(), request.orders(), request.amount()));
    }

    @PostMapping(path = "/api/v1/payment-orders/groups/batches", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "fundGroupBatch", summary = "Put every approved order of a group in batches (at most yiyong.funds.batch-limit orders each); orders and amount are what the cashier checked")
    ResponseEntity<DoneView> batchGroup(CurrentUser me, @RequestBody GroupRequest request) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(view(bulk.batch(me, request.key(), request.orders(), request.amount())));
    }

    @GetMapping(path = "/api/v1/payment-orders/batches/{id}/bank-file")
    @Operation(operationId = "fundBankFile", summary = "The batch's bank file (CSV or XLSX) with the payees' accounts; the download is audited")
    ResponseEntity<byte[]> bankFile(CurrentUser me, @PathVariable long id,
            @RequestParam(defaultValue = "CSV") BankFiles.Format format) {
        DisbursementBatch batch = payments.batchOf(me, id);
        return FundApi.bankFile(batch, format, bankFiles.of(me, id, format));
    }

}

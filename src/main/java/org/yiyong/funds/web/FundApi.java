package org.yiyong.funds.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.internal.BankFiles;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.Donor;
import org.yiyong.funds.internal.Fund;
import org.yiyong.funds.internal.JournalEntry;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.Payments;
import org.yiyong.web.Downloads;

/**
 * What the funds' JSON API reads and answers, shared by its controllers (funds, donations, payment
 * orders): the records are named after the funds ({@code FundOrderView}, {@code FundReasonBody}) in the
 * OpenAPI document, and the views are made from the entities here.
 */
final class FundApi {

    private FundApi() {
    }

    /** A batch's bank file (代发文件) to download, as CSV or as an Excel workbook. */
    static ResponseEntity<byte[]> bankFile(DisbursementBatch batch, BankFiles.Format format, byte[] body) {
        boolean csv = format == BankFiles.Format.CSV;
        MediaType type = csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : FundReportController.XLSX;
        return Downloads.attachment(type, "代发文件 " + batch.getNumber() + (csv ? ".csv" : ".xlsx"), body);
    }

    static FundView view(Fund fund, BigDecimal balance) {
        return new FundView(fund.getId(), fund.getCode(), fund.getName(), fund.getRegionCode(), fund.getParentId(),
                fund.getRestriction(), fund.getRestrictedPurpose(), fund.getRestrictedRegion(),
                fund.getRestrictedSamaritanId(), fund.getRestrictionNote(), fund.getOpenedOn(), balance);
    }

    static EntryView view(JournalEntry entry) {
        return new EntryView(entry.getId(), entry.getNumber(), entry.getRegionCode(), entry.getEntryDate(),
                entry.getDescription(), entry.getSourceKind(), entry.getSourceId(), entry.getReversesId(),
                entry.getRecordedBy(), entry.getPostings().stream().map(p -> new EntryView.Line(p.getFundId(),
                        p.getAccount().name(), p.getAccount().code(), p.getDebit(), p.getCredit())).toList());
    }

    static DonationView view(Donation d) {
        return new DonationView(d.getId(), d.getReceiptNumber(), d.getDonorId(), d.getDonorName(), d.getDonorKind(),
                d.getFundId(), d.getRegionCode(), d.getAmount().amount(), d.getReceivedOn(), d.getChannel(), d.getNote(),
                d.getRecordedBy(), d.isReversed(), d.isHistorical());
    }

    static OrderView view(PaymentOrder o) {
        return view(o, null);
    }

    static OrderView view(PaymentOrder o, Payments.Review review) {
        return new OrderView(o.getId(), o.getNumber(), o.getFundId(), o.getRegionCode(), o.getPurpose(),
                o.getPayeeName(), o.getPayeeSamaritanId(), o.getPayeeOrganizationId(), o.getAmount().amount(),
                o.getDescription(), o.getSource(), o.getSourceRef(), o.getDecisionDocument(), o.getJustification(),
                o.getStatus(), o.getRequestedBy(), o.getRequestedOn(), o.getApprovedBy(), o.getApprovedAt(),
                o.getBatchId(), o.getPaidOn(), o.getBankReference(), o.getFailureReason(), o.getAcknowledgedOn(),
                o.getAcknowledgedBy(), o.getCancelReason(), o.getPaymentMethod(), o.getPayeeBankName(),
                o.getPayeeAccountMasked(), o.getBatchedBy(), o.getPaidBy(), review == null ? null : new ReviewView(
                        review.paymentMethod(), review.payeeBankName(), review.payeeAccountMasked(),
                        review.accountFromRegistry(), review.payable(), review.fundBalance(), review.fundCommitted(),
                        review.fundAvailable()));
    }

    static BatchView view(DisbursementBatch b, List<PaymentOrder> orders) {
        return new BatchView(b.getId(), b.getNumber(), b.getRegionCode(), b.getCreatedBy(), b.getCreatedAt(),
                orders.stream().map(FundApi::view).toList());
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
            String note, String recordedBy, boolean reversed,
            @Schema(description = "received before the fund was opened here, brought in from the earlier registers; "
                    + "not posted in the journal") boolean historical) {
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

    /** A group of orders and what the person checked of it: its count and sum. */
    record GroupRequest(String source, String kind, Long recordId, String regionCode, Long orders,
            java.math.BigDecimal amount) {

        org.yiyong.funds.internal.BulkPayments.GroupKey key() {
            return new org.yiyong.funds.internal.BulkPayments.GroupKey(source, kind, recordId, regionCode);
        }
    }

    /** A whole batch paid: the day, the bank's reference of the batch, and how many orders the cashier checked. */
    record SettleRequest(LocalDate paidOn, String bankReference, Long orders) {
    }

    /** What a step on many orders did. */
    record DoneView(long orders, java.math.BigDecimal amount, long leftForOthers, long leftWithoutAccount,
            List<BatchView> batches) {
    }

    static DoneView view(org.yiyong.funds.internal.BulkPayments.Done done) {
        return new DoneView(done.orders(), done.amount(), done.leftForOthers(), done.leftWithoutAccount(),
                done.batches().stream().map(b -> view(b, List.of())).toList());
    }
}

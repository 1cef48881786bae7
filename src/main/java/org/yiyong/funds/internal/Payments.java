package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentWithdrawn;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Masking;
import org.yiyong.shared.Money;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * Money out, four eyes and exactly once: an order is requested (by another module's decision or by
 * hand with a justification), approved by a finance reviewer who did not request it, put in a
 * cashier's batch by someone other than its approver — as a bank transfer only with the account it
 * goes to — then paid — posted to the journal once, checked against the fund's balance under the
 * fund's lock — or failed and re-issued; the payee's acknowledgement is recorded last.
 */
@Service
public class Payments {

    static final String ENTITY = "PaymentOrder";
    private static final String STAFF = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    private static final String CASHIER = "hasRole('CASHIER')";

    private final PaymentOrders orders;
    private final DisbursementBatches batches;
    private final FundRegister register;
    private final Journal journal;
    private final FundNumbers numbers;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final AuditTrail audit;
    private final SamaritanRegistry samaritans;
    private final FieldCipher cipher;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Payments(PaymentOrders orders, DisbursementBatches batches, FundRegister register, Journal journal,
            FundNumbers numbers, JdbcClient jdbc, SamaritanDirectory people, AuditTrail audit,
            SamaritanRegistry samaritans, FieldCipher cipher, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.samaritans = samaritans;
        this.cipher = cipher;
        this.orders = orders;
        this.batches = batches;
        this.register = register;
        this.journal = journal;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** Another module's request becomes one order, paid from the general fund of the association named. */
    @Transactional
    public PaymentOrder fromRequest(PaymentRequested request) {
        PaymentSource source = request.source();
        Optional<PaymentOrder> known = orders.findBySource(source);
        if (known.isPresent()) {
            return known.get();
        }
        Fund fund = register.generalFundOf(request.payingRegion());
        PaymentOrder order = orders.saveAndFlush(new PaymentOrder(numbers.order(request.requestedOn().getYear()), fund,
                request.purpose(), request.payeeName(), request.payeeSamaritanId(), request.payeeOrganizationId(),
                request.amount(), request.description(), source, request.decisionDocument(), null, null, request.requestedBy(), request.requestedOn()));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, order.getId()).byActor(request.requestedBy())
                .withChanges(Changes.created(order.snapshot())).withDetail("requested by " + source.module() + " "
                        + source.reference()));
        return order;
    }

    /** What caused a request no longer stands: the order is cancelled unless the money has gone. */
    @Transactional
    public void withdraw(PaymentWithdrawn withdrawn) {
        orders.findBySource(withdrawn.source())
                .ifPresent(order -> {
                    switch (order.getStatus()) {
                        case REQUESTED, APPROVED, FAILED -> {
                            order.cancel(AuditTrail.SYSTEM_ACTOR, withdrawn.reason());
                            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, order.getId())
                                    .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("cancelled: " + withdrawn.reason()));
                        }
                        case IN_BATCH -> {
                            // the bank may have it already: the cashier is warned on the order and the batch
                            order.withdrawnInBatch(withdrawn.reason());
                            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, order.getId())
                                    .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("withdrawn while in a batch: "
                                            + withdrawn.reason()));
                        }
                        default -> {
                        }
                    }
                });
    }

    /**
     * An order by hand: for a purpose, to a payee, with the justification the reviewer will read, and how
     * the money goes (a bank transfer unless cash or cheque is chosen; the account may follow later).
     */
    public record ManualOrder(long fundId, PaymentPurpose purpose, String payeeName, Long payeeSamaritanId,
            BigDecimal amount, String description, String justification, String decisionDocument,
            String idempotencyKey, PaymentOrder.Method paymentMethod, String payeeBankName,
            String payeeAccountNumber) {

        public ManualOrder(long fundId, PaymentPurpose purpose, String payeeName, Long payeeSamaritanId,
                BigDecimal amount, String description, String justification, String decisionDocument,
                String idempotencyKey) {
            this(fundId, purpose, payeeName, payeeSamaritanId, amount, description, justification, decisionDocument,
                    idempotencyKey, null, null, null);
        }
    }

    @PreAuthorize(STAFF)
    public PaymentOrder requestManually(CurrentUser me, ManualOrder request) {
        String key = Inputs.text("idempotencyKey", request.idempotencyKey(), 80, false);
        return IdempotencyKeys.createOnce(transactions, key, orders::findByIdempotencyKey,
                () -> requested(me, request, key), () -> new FundRuleBroken("payment.duplicate"));
    }

    private PaymentOrder requested(CurrentUser me, ManualOrder request, String key) {
        Inputs.required("purpose", request.purpose());
        Money amount = FundRegister.amount("amount", request.amount());
        String description = Inputs.text("description", request.description(), 300, true);
        String justification = Inputs.text("justification", request.justification(), 1000, true);
        String document = Inputs.text("decisionDocument", request.decisionDocument(), 200, false);
        String payee;
        if (request.payeeSamaritanId() != null) {
            payee = people.findIn(me.scope(), request.payeeSamaritanId()).map(SamaritanDirectory.Person::name)
                    .orElseThrow(() -> new InvalidField("payeeSamaritanId", "payment.payee.unknown"));
        } else {
            payee = Inputs.text("payeeName", request.payeeName(), 120, true);
        }
        Fund fund = register.inScope(me, request.fundId());
        requireAccepts(fund, request.purpose(), request.payeeSamaritanId());
        PaymentOrder order = new PaymentOrder(numbers.order(LocalDate.now(clock).getYear()), fund, request.purpose(),
                payee, request.payeeSamaritanId(), null, amount, description, null, document, justification, key, me.username(), LocalDate.now(clock));
        if (request.paymentMethod() != null || request.payeeAccountNumber() != null) {
            payWith(order, request.paymentMethod() == null ? PaymentOrder.Method.BANK_TRANSFER
                    : request.paymentMethod(), request.payeeBankName(), request.payeeAccountNumber());
        }
        orders.saveAndFlush(order);
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, order.getId())
                .withChanges(Changes.created(order.snapshot())).withDetail("by hand: " + justification));
        return order;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public PaymentOrder get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    /** A step of an order, kept in the audit trail with what was done. */
    private PaymentOrder recorded(PaymentOrder order, String detail) {
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, order.getId()).withDetail(detail));
        return order;
    }

    /** A step of an order, kept in the audit trail with the fields it changed since {@code before}. */
    private PaymentOrder recorded(PaymentOrder order, Map<String, Object> before, String detail) {
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, order.getId())
                .withChanges(Changes.between(before, order.snapshot())).withDetail(detail));
        return order;
    }

    private PaymentOrder inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                orders.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), orders::existsById);
    }

    /** Orders in the caller's scope, newest first, optionally of one status or matching a payee or number. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public PageResult<PaymentOrder> list(CurrentUser me, PaymentOrder.Status status, String q, PageRequest page) {
        return list(me, status, q, page, null);
    }

    /** The page of orders the list shows, with the counts of each status its tabs show. */
    public record OrdersPage(PageResult<PaymentOrder> orders, Map<PaymentOrder.Status, Long> counts) {
    }

    /**
     * A page of orders as {@link #list} gives it, with how many orders of each status the scope holds: without a
     * search the page's total is one of those counts (or their sum), not counted again (a county's orders: 8 ms).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public OrdersPage page(CurrentUser me, PaymentOrder.Status status, String q, PageRequest page) {
        Map<PaymentOrder.Status, Long> counts = counts(me);
        Long total = q != null && !q.isBlank() ? null
                : status == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(status, 0L);
        return new OrdersPage(list(me, status, q, page, total), counts);
    }

    private PageResult<PaymentOrder> list(CurrentUser me, PaymentOrder.Status status, String q, PageRequest page,
            Long known) {
        Map<String, Object> params = new HashMap<>();
        String where = where(me, status, q, params);
        long total = known != null ? known
                : jdbc.sql("select count(*) from payment_order" + where).params(params).query(Long.class).single();
        List<Long> ids = jdbc.sql("select id from payment_order" + where + " order by id desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        Map<Long, PaymentOrder> found = new HashMap<>();
        orders.findAllById(ids).forEach(order -> found.put(order.getId(), order));
        return new PageResult<>(ids.stream().map(found::get).toList(), page.page(), page.size(), total);
    }

    private static String where(CurrentUser me, PaymentOrder.Status status, String q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where region_code in (:scope)");
        params.put("scope", me.scope().regionCodes());
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (payee_name like :q or number like :q)");
            params.put("q", "%" + q.trim() + "%");
        }
        return where.toString();
    }

    /** A line of the register of payments (支付台账); the payee's account masked. */
    public record RegisterLine(String number, LocalDate requestedOn, String regionCode, PaymentPurpose purpose,
            String payeeName, String payeeBankName, String payeeAccountMasked, java.math.BigDecimal amount,
            String description, String decisionDocument, PaymentOrder.Status status, LocalDate paidOn,
            String bankReference) {
    }

    /**
     * The register of the orders the list shows (every page), newest first, at most {@code limit}, each handed to
     * {@code each} as it is read (a thousand rows fetched at a time), none kept.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public void register(CurrentUser me, PaymentOrder.Status status, String q, int limit,
            java.util.function.Consumer<RegisterLine> each) {
        Map<String, Object> params = new HashMap<>();
        jdbc.sql("""
                select number, requested_on, region_code, purpose, payee_name, payee_bank_name, payee_account_masked,
                       amount, description, decision_document, status, paid_on, bank_reference
                from payment_order""" + where(me, status, q, params) + " order by id desc limit :limit")
                .params(params).param("limit", limit)
                .withFetchSize(1000)
                .query((RowCallbackHandler) rs -> each.accept(new RegisterLine(rs.getString("number"),
                        rs.getObject("requested_on", LocalDate.class), rs.getString("region_code"),
                        PaymentPurpose.valueOf(rs.getString("purpose")), rs.getString("payee_name"),
                        rs.getString("payee_bank_name"), rs.getString("payee_account_masked"),
                        rs.getBigDecimal("amount"), rs.getString("description"), rs.getString("decision_document"),
                        PaymentOrder.Status.valueOf(rs.getString("status")), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("bank_reference"))));
    }

    /** How many orders of each status the caller's scope holds. */
    private Map<PaymentOrder.Status, Long> counts(CurrentUser me) {
        Map<PaymentOrder.Status, Long> counts = new java.util.EnumMap<>(PaymentOrder.Status.class);
        jdbc.sql("select status, count(*) as n from payment_order where region_code in (:scope) group by status")
                .param("scope", me.scope().regionCodes())
                .query((rs, row) -> counts.put(PaymentOrder.Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Approval by a finance reviewer who did not request the order, from its fund or another of the same association. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE_REVIEWER')")
    public PaymentOrder approve(CurrentUser me, long id, Long fundId) {
        PaymentOrder order = inScope(me, id);
        Fund fund = register.inScope(me, fundId == null ? order.getFundId() : fundId);
        if (!fund.getRegionCode().equals(order.getRegionCode())) {
            throw new InvalidField("fundId", "payment.fund.other-association");
        }
        requireAccepts(fund, order.getPurpose(), order.getPayeeSamaritanId());
        var before = order.snapshot();
        order.approve(me.username(), fund, clock.instant());
        orders.flush();
        return recorded(order, before, "approved");
    }

    private void requireAccepts(Fund fund, PaymentPurpose purpose, Long payeeSamaritanId) {
        String payeeRegion = payeeSamaritanId == null ? null
                : people.find(payeeSamaritanId).map(SamaritanDirectory.Person::regionCode).orElse(null);
        if (!fund.accepts(purpose, payeeRegion, payeeSamaritanId)) {
            throw new InvalidField("fundId", "fund.restricted.off-purpose", fund.getName());
        }
    }

    /**
     * How and where an unpaid order's money goes: a bank account (recorded on the order, for a payee the
     * registry holds no account of, such as a survivor or an organization), cash or a cheque. Staff, who
     * know the payee, record it; a change after approval sends the order back for review.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public PaymentOrder payWith(CurrentUser me, long id, PaymentOrder.Method method, String bankName,
            String accountNumber) {
        PaymentOrder order = inScope(me, id);
        var before = order.snapshot();
        payWith(order, method, bankName, accountNumber);
        orders.flush();
        return recorded(order, before, "payment method " + order.getPaymentMethod());
    }

    private void payWith(PaymentOrder order, PaymentOrder.Method method, String bankName, String accountNumber) {
        Inputs.required("paymentMethod", method);
        if (method != PaymentOrder.Method.BANK_TRANSFER) {
            order.payWith(method, null, null, null);
            return;
        }
        String digits = accountNumber == null ? "" : accountNumber.replaceAll("\\s+", "");
        if (!digits.matches("\\d{12,30}")) {
            throw new InvalidField("payeeAccountNumber", "payment.account.invalid");
        }
        String bank = Inputs.text("payeeBankName", bankName, 100, true);
        order.payWith(method, bank, cipher.encrypt(digits), Masking.bankAccount(digits));
    }

    /** What a reviewer checks before approving: where the money goes, and what the fund can still pay. */
    public record Review(PaymentOrder.Method paymentMethod, String payeeBankName, String payeeAccountMasked,
            boolean accountFromRegistry, BigDecimal fundBalance, BigDecimal fundCommitted, BigDecimal fundAvailable) {

        /** Whether the order may enter a batch as it stands. */
        public boolean payable() {
            return paymentMethod != PaymentOrder.Method.BANK_TRANSFER || payeeAccountMasked != null;
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Review review(CurrentUser me, long id) {
        PaymentOrder order = inScope(me, id);
        String bank = order.getPayeeBankName();
        String masked = order.getPayeeAccountMasked();
        boolean fromRegistry = order.isPayeeAccountFromRegistry();
        if (order.getPaymentMethod() == PaymentOrder.Method.BANK_TRANSFER && masked == null) {
            var known = registryAccount(order);
            if (known.isPresent()) {
                bank = known.get().bankName();
                masked = Masking.bankAccount(known.get().accountNumber());
                fromRegistry = true;
            }
        }
        BigDecimal balance = journal.balance(order.getFundId());
        // approved or batched but unpaid: promised already, so not available to this order
        BigDecimal committed = jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_order
                where fund_id = :fund and status in ('APPROVED', 'IN_BATCH') and id <> :id""")
                .param("fund", order.getFundId()).param("id", order.getId()).query(BigDecimal.class).single()
                .setScale(2);
        return new Review(order.getPaymentMethod(), bank, masked, fromRegistry, balance, committed,
                balance.subtract(committed));
    }

    /**
     * The account the registry holds for a samaritan payee, if it is theirs: a survivor or a child paid
     * for the household gives their own account, recorded on the order, rather than paying the wrong one.
     */
    private Optional<SamaritanRegistry.BankAccount> registryAccount(PaymentOrder order) {
        return order.getPayeeSamaritanId() == null ? Optional.empty()
                : samaritans.bankAccountForPayment(order.getPayeeSamaritanId())
                        .filter(known -> known.holder().equals(order.getPayeeName()));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER')")
    public PaymentOrder cancel(CurrentUser me, long id, String reason) {
        String why = Inputs.text("reason", reason, 300, true);
        PaymentOrder order = inScope(me, id);
        if (!order.isManual()) {
            // the module that asked stays the owner: a revoked honour or a removed line withdraws it there
            throw new FundRuleBroken("payment.cancel.from-source", order.getNumber(),
                    new org.springframework.context.support.DefaultMessageSourceResolvable(
                            new String[] {"payment.source." + order.getSource()}, order.getSource()));
        }
        order.cancel(me.username(), why);
        orders.flush();
        return recorded(order, "cancelled: " + why);
    }

    /** A cashier's batch of approved orders of one association. */
    @Transactional
    @PreAuthorize(CASHIER)
    public DisbursementBatch batch(CurrentUser me, List<Long> orderIds) {
        if (orderIds == null || orderIds.isEmpty() || orderIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidField("orderIds", "batch.orders.required");
        }
        List<PaymentOrder> chosen = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(orderIds)) {
            chosen.add(inScope(me, id));
        }
        String region = chosen.get(0).getRegionCode();
        if (chosen.stream().anyMatch(order -> !order.getRegionCode().equals(region))) {
            throw new InvalidField("orderIds", "batch.orders.one-association");
        }
        DisbursementBatch batch = batches.saveAndFlush(new DisbursementBatch(numbers.batch(LocalDate.now(clock).getYear()),
                region, me.username(), clock.instant()));
        for (PaymentOrder order : chosen) {
            if (order.getPaymentMethod() == PaymentOrder.Method.BANK_TRANSFER && order.getPayeeAccountMasked() == null) {
                registryAccount(order).ifPresent(known -> order.takeRegistryAccount(known.bankName(),
                        cipher.encrypt(known.accountNumber()), Masking.bankAccount(known.accountNumber())));
            }
            order.batched(batch.getId(), me.username());
        }
        orders.flush();
        audit.record(AuditRecord.of(AuditAction.CREATE, "DisbursementBatch", batch.getId())
                .withDetail(batch.getNumber() + ": " + chosen.stream().map(PaymentOrder::getNumber).toList()));
        return batch;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public DisbursementBatch batchOf(CurrentUser me, long batchId) {
        return batches.findByIdAndRegionCodeIn(batchId, me.scope().regionCodes())
                .orElseThrow(() -> new RecordNotFound("DisbursementBatch", batchId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public List<DisbursementBatch> batches(CurrentUser me) {
        return batches.findTop50ByRegionCodeInOrderByIdDesc(me.scope().regionCodes());
    }

    /** The batches of the caller's scope, newest first, a page at a time (a campaign's group makes dozens). */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public PageResult<DisbursementBatch> batches(CurrentUser me, PageRequest page) {
        var found = batches.findByRegionCodeInOrderByIdDesc(me.scope().regionCodes(),
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        return new PageResult<>(found.getContent(), page.page(), page.size(), found.getTotalElements());
    }

    /** The orders of a batch: those in it now and those that were paid or failed in it. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public List<PaymentOrder> ordersOf(CurrentUser me, long batchId) {
        batchOf(me, batchId);
        return orders.findByBatchIdOrderById(batchId);
    }

    /**
     * Paid, once: the order must be in a batch; the fund is locked, its balance must cover the amount,
     * the payment is posted (a second posting of the same order is refused by the database) and the
     * requesting module is told. A retry with the same bank reference answers with the order as paid.
     */
    @Transactional
    @PreAuthorize(CASHIER)
    public PaymentOrder markPaid(CurrentUser me, long id, LocalDate paidOn, String bankReference) {
        String reference = Inputs.text("bankReference", bankReference, 80, true);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = paidOn == null ? today : paidOn;
        if (on.isAfter(today)) {
            throw new InvalidField("paidOn", "payment.paid.future");
        }
        PaymentOrder order = inScope(me, id);
        if (order.getStatus() == PaymentOrder.Status.PAID && reference.equals(order.getBankReference())) {
            return order;
        }
        if (order.getApprovedAt() != null && on.isBefore(order.getApprovedAt().atZone(clock.getZone())
                .toLocalDate())) {
            throw new InvalidField("paidOn", "payment.paid.before-approval");
        }
        var before = order.snapshot();
        order.paid(on, reference, me.username());
        journal.lock(order.getFundId());
        BigDecimal balance = journal.lowestBalanceFrom(order.getFundId(), on);
        if (balance.compareTo(order.getAmount().amount()) < 0) {
            throw new FundRuleBroken("fund.insufficient", order.getNumber(), balance.toPlainString());
        }
        Account expense = Account.expenseFor(order.getPurpose());
        journal.post(order.getRegionCode(), on, Journal.description("支付：" + order.getPayeeName() + " "
                + order.getDescription(), order.getNumber()), JournalEntry.SourceKind.PAYMENT, order.getId(), order.getFailures(), null, List.of(
                        Posting.debit(order.getFundId(), expense, order.getAmount().amount()),
                        Posting.credit(order.getFundId(), Account.BANK, order.getAmount().amount())), me.username());
        orders.saveAndFlush(order); // publishes what the order registered: PaymentSettled for the module that asked
        return recorded(order, before, "paid, bank reference " + reference);
    }

    @Transactional
    @PreAuthorize(CASHIER)
    public PaymentOrder markFailed(CurrentUser me, long id, String reason) {
        String why = Inputs.text("reason", reason, 300, true);
        PaymentOrder order = inScope(me, id);
        order.failed(why);
        orders.flush();
        return recorded(order, "failed: " + why);
    }

    @Transactional
    @PreAuthorize(CASHIER)
    public PaymentOrder reissue(CurrentUser me, long id) {
        PaymentOrder order = inScope(me, id);
        order.reissue();
        orders.flush();
        return recorded(order, "re-issued for another batch");
    }

    /**
     * The bank sent a payment back after it was posted as paid: the payment entry is reversed, the order
     * can be re-issued, and the requesting module learns the money is due again.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CASHIER', 'FINANCE_REVIEWER')")
    public PaymentOrder returned(CurrentUser me, long id, String reason) {
        String why = Inputs.text("reason", reason, 300, true);
        PaymentOrder order = inScope(me, id);
        order.returned(why);
        JournalEntry payment = journal.entryFor(JournalEntry.SourceKind.PAYMENT, id)
                .orElseThrow(() -> new IllegalStateException("paid order " + id + " has no entry"));
        journal.lock(order.getFundId());
        journal.reverse(payment, LocalDate.now(clock), "退回冲销：" + why, me.username());
        orders.saveAndFlush(order); // publishes PaymentReturned for the module that asked
        return recorded(order, "returned by the bank: " + why);
    }

    /** 签收: the payee confirmed receipt — who signed, on which day. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'CASHIER')")
    public PaymentOrder acknowledge(CurrentUser me, long id, LocalDate on, String receivedBy, String note) {
        String who = Inputs.text("acknowledgedBy", receivedBy, 120, true);
        String remark = Inputs.text("acknowledgementNote", note, 300, false);
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("acknowledgedOn", "payment.acknowledged.future");
        }
        PaymentOrder order = inScope(me, id);
        order.acknowledge(day, who, remark);
        orders.flush();
        return recorded(order, "acknowledged by " + who + " on " + day);
    }

    /** The orders paying a person, for their profile. */
    @Transactional(readOnly = true)
    public List<PaymentOrder> ofPayee(long samaritanId) {
        return orders.findByPayeeSamaritanIdOrderByIdDesc(samaritanId);
    }
}

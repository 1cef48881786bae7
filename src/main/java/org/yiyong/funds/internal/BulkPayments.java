package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentsSettled;
import org.yiyong.funds.SettledPayments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.Masking;
import org.yiyong.shared.Money;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * Orders handled many at a time: a campaign's thousands of condolence payments, asked for by one record, are
 * approved together by a reviewer, put in batches together by a cashier, and a batch the bank paid in full is
 * recorded as paid at once. Each step keeps the rules of the step one order at a time ({@link Payments}): four
 * eyes (an order the person requested or approved is left for someone else), the payee's account on the order
 * before it is batched, the fund's balance covering what it pays, one journal entry per payment, one audit entry
 * per order. The person confirms the count and the sum they saw; if the group changed meanwhile, nothing is done.
 */
@Service
public class BulkPayments implements SettledPayments {

    /** The orders of one source record in one association, waiting in one status. */
    public record Group(String source, String kind, long recordId, String regionCode, String description,
            long orders, BigDecimal amount, long others, long takeable, BigDecimal takeableAmount) {
    }

    /** Which group: the asking module, the kind of record, the record and the association. */
    public record GroupKey(String source, String kind, Long recordId, String regionCode) {
    }

    /** What a step did: the orders it took, their sum, and those it left for another person or an account. */
    public record Done(long orders, BigDecimal amount, long leftForOthers, long leftWithoutAccount,
            List<DisbursementBatch> batches) {
    }

    /** A batch's orders by status: what is still to pay, what was paid, what failed. */
    public record BatchSummary(long inBatch, BigDecimal inBatchAmount, long paid, BigDecimal paidAmount, long failed,
            long withdrawn) {
    }

    private static final int PART = 1000;

    private final Payments payments;
    private final Funds funds;
    private final DisbursementBatches batches;
    private final FundNumbers numbers;
    private final Journal journal;
    private final PaymentOrders orders;
    private final SamaritanRegistry samaritans;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final FundProperties properties;
    private final Clock clock;
    private final boolean postgres;

    BulkPayments(Payments payments, Funds funds, DisbursementBatches batches, FundNumbers numbers, Journal journal, PaymentOrders orders,
            SamaritanRegistry samaritans, FieldCipher cipher, JdbcClient jdbc, JdbcTemplate template,
            AuditTrail audit, ApplicationEventPublisher events, FundProperties properties, Clock clock,
            org.yiyong.platform.Database database) {
        this.payments = payments;
        this.funds = funds;
        this.batches = batches;
        this.numbers = numbers;
        this.journal = journal;
        this.orders = orders;
        this.samaritans = samaritans;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.postgres = database.isPostgres();
    }

    /**
     * The groups of the caller's scope — the orders of a record that pays many people, one per line — waiting for
     * review ({@code REQUESTED}) or for a batch ({@code APPROVED}), largest first; {@code others} counts those the caller may not take (requested or
     * approved by them).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public List<Group> waiting(CurrentUser me, PaymentOrder.Status status) {
        if (status != PaymentOrder.Status.REQUESTED && status != PaymentOrder.Status.APPROVED) {
            throw new InvalidField("status", "payment.group.status");
        }
        String own = status == PaymentOrder.Status.REQUESTED ? "requested_by" : "approved_by";
        return jdbc.sql("""
                select source, source_kind, source_record_id, region_code, min(description) as description,
                       count(*) as orders, sum(amount) as amount,
                       sum(case when %1$s = :me then 1 else 0 end) as others,
                       sum(case when %1$s = :me then amount else 0 end) as others_amount
                from payment_order
                where region_code in (:scope) and status = :status and source_line_id is not null
                group by source, source_kind, source_record_id, region_code
                order by count(*) desc, source_record_id""".formatted(own))
                .param("scope", me.scope().regionCodes()).param("status", status.name()).param("me", me.username())
                .query((rs, row) -> new Group(rs.getString("source"), rs.getString("source_kind"),
                        rs.getLong("source_record_id"), rs.getString("region_code"), rs.getString("description"),
                        rs.getLong("orders"), rs.getBigDecimal("amount").setScale(2), rs.getLong("others"),
                        rs.getLong("orders") - rs.getLong("others"),
                        rs.getBigDecimal("amount").subtract(rs.getBigDecimal("others_amount")).setScale(2)))
                .list();
    }

    /**
     * Approves every order of the group waiting for review that the reviewer did not request, from the fund it
     * names (a group's orders come from the association's general fund; one moved to a restricted fund is
     * approved on its own). {@code expectedOrders} and {@code expectedAmount} are what the reviewer saw.
     */
    @Transactional
    @PreAuthorize("hasRole('FINANCE_REVIEWER')")
    public Done approve(CurrentUser me, GroupKey key, Long expectedOrders, BigDecimal expectedAmount) {
        Where group = where(me, key, PaymentOrder.Status.REQUESTED);
        // the few restricted funds first, then their orders in the group (not every order of the group with its fund)
        List<Long> restrictedFunds = jdbc.sql("select id from fund where restriction <> 'NONE'").query(Long.class)
                .list();
        long restricted = restrictedFunds.isEmpty() ? 0 : group.bind(jdbc.sql("select count(*) from payment_order o "
                        + "where o.fund_id in (:funds) and " + group.sql("o") + " and o.requested_by <> :me"))
                .param("funds", restrictedFunds).param("me", me.username()).query(Long.class).single();
        if (restricted > 0) {
            throw new FundRuleBroken("payment.group.restricted", restricted);
        }
        List<Long> ids = group.bind(jdbc.sql("select id from payment_order o where " + group.sql("o")
                + " and o.requested_by <> :me order by o.id")).param("me", me.username()).query(Long.class).list();
        Totals totals = expect(group, "o.requested_by <> :me", me, expectedOrders, expectedAmount);
        requireUnchanged(ids.size(), (int) totals.orders());
        Instant now = clock.instant();
        int changed = group.bind(jdbc.sql("update payment_order set status = 'APPROVED', approved_by = :me, "
                + "approved_at = :at, version = version + 1 where " + group.sql("payment_order")
                + " and requested_by <> :me")).param("me", me.username()).param("at", Timestamp.from(now)).update();
        requireUnchanged(changed, ids.size());
        long others = group.bind(jdbc.sql("select count(*) from payment_order o where " + group.sql("o")))
                .query(Long.class).single();
        long[] approved = ids.stream().mapToLong(Long::longValue).toArray();
        audit.recordAtCommit(out -> {
            for (long id : approved) {
                out.accept(AuditRecord.of(AuditAction.UPDATE, Payments.ENTITY, id).byActor(me.username())
                        .withChanges(Changes.between(Changes.snapshot("status", "REQUESTED"),
                                Changes.snapshot("status", "APPROVED", "approvedBy", me.username())))
                        .withDetail("approved with its group " + key.kind() + "-" + key.recordId()));
            }
        });
        return new Done(ids.size(), totals.amount(), others, 0, List.of());
    }

    /**
     * Puts every approved order of the group in batches of at most {@code yiyong.funds.batch-limit} orders (the
     * bank takes one file of that many): those the cashier approved are left for another cashier, and a bank
     * transfer without an account (none on the order, none in the registry in the payee's name) waits for one.
     * The registry's account becomes the order's own, as when batching one at a time.
     */
    @Transactional
    @PreAuthorize("hasRole('CASHIER')")
    public Done batch(CurrentUser me, GroupKey key, Long expectedOrders, BigDecimal expectedAmount) {
        Where group = where(me, key, PaymentOrder.Status.APPROVED);
        String mine = "(o.approved_by is null or o.approved_by <> :me)";
        Totals totals = expect(group, mine, me, expectedOrders, expectedAmount);
        long last = group.bind(jdbc.sql("select max(o.id) from payment_order o where " + group.sql("o") + " and "
                + mine)).param("me", me.username()).query(Long.class).single();
        long seen = 0;
        BigDecimal seenAmount = BigDecimal.ZERO.setScale(2);
        record Waiting(long id, String payee, Long samaritan, boolean transfer, boolean hasAccount, BigDecimal amount) {
        }
        Instant now = clock.instant();
        int year = LocalDate.now(clock).getYear();
        List<DisbursementBatch> made = new ArrayList<>();
        Map<Long, Integer> sizes = new HashMap<>();
        DisbursementBatch batch = null;
        int inBatch = 0;
        long taken = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        List<long[]> batched = new ArrayList<>();
        // a thousand orders at a time in the order of their ids, so that a city's group is never held whole
        for (long after = 0; ; ) {
            List<Waiting> part = group.bind(jdbc.sql("""
                    select id, payee_name, payee_samaritan_id, payment_method, payee_account, amount
                    from payment_order o where %s and %s and o.id > :after and o.id <= :last
                    order by o.id fetch first %d rows only""".formatted(group.sql("o"), mine, PART)))
                    .param("me", me.username()).param("after", after).param("last", last)
                    .query((rs, row) -> new Waiting(rs.getLong("id"), rs.getString("payee_name"),
                            rs.getObject("payee_samaritan_id", Long.class),
                            PaymentOrder.Method.BANK_TRANSFER.name().equals(rs.getString("payment_method")),
                            rs.getString("payee_account") != null, rs.getBigDecimal("amount")))
                    .list();
            if (part.isEmpty()) {
                break;
            }
            after = part.get(part.size() - 1).id();
            seen += part.size();
            for (Waiting each : part) {
                seenAmount = seenAmount.add(each.amount());
            }
            // the registry's accounts of the payees who have none on their order, in the payee's name only
            Map<Long, SamaritanRegistry.BankAccount> known = samaritans.bankAccountsForPayment(part.stream()
                    .filter(each -> each.transfer() && !each.hasAccount() && each.samaritan() != null)
                    .map(Waiting::samaritan).toList());
            // the account each order takes from the registry, by order
            Map<Long, Object[]> accounts = new HashMap<>();
            List<Waiting> payable = new ArrayList<>(part.size());
            for (Waiting each : part) {
                if (!each.transfer() || each.hasAccount()) {
                    payable.add(each);
                    continue;
                }
                SamaritanRegistry.BankAccount account = each.samaritan() == null ? null : known.get(each.samaritan());
                if (account != null && account.holder().equals(each.payee())) {
                    payable.add(each);
                    accounts.put(each.id(), new Object[] {account.bankName(), cipher.encrypt(account.accountNumber()),
                        Masking.bankAccount(account.accountNumber())});
                }
            }
            // into the open batch up to the limit, then into a new one
            for (int from = 0; from < payable.size(); ) {
                if (batch == null || inBatch == properties.batchLimit()) {
                    batch = batches.saveAndFlush(new DisbursementBatch(numbers.reservedBatch(year),
                            key.regionCode(), me.username(), now));
                    made.add(batch);
                    inBatch = 0;
                }
                List<Waiting> into = payable.subList(from, Math.min(payable.size(),
                        from + properties.batchLimit() - inBatch));
                List<Long> ids = into.stream().map(Waiting::id).toList();
                requireUnchanged(intoBatch(batch.getId(), me.username(), ids, accounts), ids.size());
                batched.add(ids.stream().mapToLong(Long::longValue).toArray());
                for (Waiting each : into) {
                    sum = sum.add(each.amount());
                }
                inBatch += into.size();
                sizes.merge(batch.getId(), into.size(), Integer::sum);
                taken += into.size();
                from += into.size();
            }
        }
        // the orders read are those the cashier checked: none approved, reissued or withdrawn meanwhile
        if (seen != totals.orders() || seenAmount.compareTo(totals.amount()) != 0) {
            throw new FundRuleBroken("payment.group.changed", totals.orders(), seen);
        }
        for (DisbursementBatch each : made) {
            audit.record(AuditRecord.of(AuditAction.CREATE, "DisbursementBatch", each.getId())
                    .withDetail(each.getNumber() + ": " + sizes.get(each.getId()) + " orders of " + key.kind() + "-"
                            + key.recordId()));
        }
        long[] ids = batched.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        audit.recordAtCommit(out -> readBack(ids, "batched with its group", out));
        long others = group.bind(jdbc.sql("select count(*) from payment_order o where " + group.sql("o")
                + " and o.approved_by = :me")).param("me", me.username()).query(Long.class).single();
        return new Done(taken, sum, others, totals.orders() - taken, List.copyOf(made));
    }

    /**
     * Puts approved orders into a batch, those taking the registry's account with it written onto them in the same
     * update (one new version of each order, not two); answers how many were put in. On PostgreSQL the orders with
     * an account are one statement, their values passed as arrays.
     */
    private int intoBatch(long batchId, String cashier, List<Long> ids, Map<Long, Object[]> accounts) {
        List<Long> plain = ids.stream().filter(id -> !accounts.containsKey(id)).toList();
        List<Long> withAccount = ids.stream().filter(accounts::containsKey).toList();
        int changed = 0;
        if (!plain.isEmpty()) {
            changed += jdbc.sql("update payment_order set batch_id = :batch, batched_by = :me, status = 'IN_BATCH', "
                    + "version = version + 1 where id in (:ids) and status = 'APPROVED'")
                    .param("batch", batchId).param("me", cashier).param("ids", plain).update();
        }
        if (withAccount.isEmpty()) {
            return changed;
        }
        String set = "payee_bank_name = %s, payee_account = %s, payee_account_masked = %s, "
                + "payee_account_from_registry = true, batch_id = %s, batched_by = %s, status = 'IN_BATCH', "
                + "version = version + 1";
        if (postgres) {
            Object[][] columns = new Object[4][withAccount.size()];
            for (int i = 0; i < withAccount.size(); i++) {
                Object[] account = accounts.get(withAccount.get(i));
                columns[0][i] = withAccount.get(i);
                columns[1][i] = account[0];
                columns[2][i] = account[1];
                columns[3][i] = account[2];
            }
            return changed + template.execute((java.sql.Connection connection) -> {
                try (var update = connection.prepareStatement("update payment_order o set "
                        + set.formatted("v.bank", "v.account", "v.masked", "?", "?")
                        + " from (select unnest(?::bigint[]) as id, unnest(?::text[]) as bank,"
                        + " unnest(?::text[]) as account, unnest(?::text[]) as masked) v"
                        + " where o.id = v.id and o.status = 'APPROVED' and o.payee_account is null")) {
                    update.setLong(1, batchId);
                    update.setString(2, cashier);
                    update.setArray(3, connection.createArrayOf("bigint", columns[0]));
                    update.setArray(4, connection.createArrayOf("text", columns[1]));
                    update.setArray(5, connection.createArrayOf("text", columns[2]));
                    update.setArray(6, connection.createArrayOf("text", columns[3]));
                    return update.executeUpdate();
                }
            });
        }
        List<Object[]> rows = new ArrayList<>(withAccount.size());
        for (Long id : withAccount) {
            Object[] account = accounts.get(id);
            rows.add(new Object[] {account[0], account[1], account[2], batchId, cashier, id});
        }
        for (int count : template.batchUpdate("update payment_order set " + set.formatted("?", "?", "?", "?", "?")
                + " where id = ? and status = 'APPROVED' and payee_account is null", rows)) {
            changed += count;
        }
        return changed;
    }

    /** The batch's orders by status, for its page. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public BatchSummary summary(CurrentUser me, long batchId) {
        payments.batchOf(me, batchId);
        Map<String, Object[]> by = new HashMap<>();
        jdbc.sql("select status, count(*) as n, coalesce(sum(amount), 0) as amount from payment_order "
                + "where batch_id = :b group by status").param("b", batchId)
                .query((rs, row) -> by.put(rs.getString("status"), new Object[] {rs.getLong("n"),
                    rs.getBigDecimal("amount").setScale(2)}))
                .list();
        Object[] none = {0L, BigDecimal.ZERO.setScale(2)};
        Object[] inBatch = by.getOrDefault("IN_BATCH", none);
        Object[] paid = by.getOrDefault("PAID", none);
        // orders whose source was withdrawn while they waited: to be marked failed before the batch is paid whole
        long withdrawn = jdbc.sql("select count(*) from payment_order where batch_id = :b and status = 'IN_BATCH' "
                + "and failure_reason like :note").param("b", batchId).param("note", PaymentOrder.WITHDRAWN + "%")
                .query(Long.class).single();
        return new BatchSummary((Long) inBatch[0], (BigDecimal) inBatch[1], (Long) paid[0], (BigDecimal) paid[1],
                (Long) by.getOrDefault("FAILED", none)[0], withdrawn);
    }

    /** A page of the batch's orders: those still waiting whose source was withdrawn first, then as they were made. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public PageResult<PaymentOrder> orders(CurrentUser me, long batchId, PageRequest page) {
        payments.batchOf(me, batchId);
        var found = orders.inBatchWithdrawnFirst(batchId, PaymentOrder.Status.IN_BATCH, PaymentOrder.WITHDRAWN + "%",
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        return new PageResult<>(found.getContent(), page.page(), page.size(), found.getTotalElements());
    }

    /**
     * Records every order still waiting in the batch as paid on one day with the bank's reference of the batch
     * (those that failed were marked so first, one by one): each fund's lowest balance from that day on must cover
     * what it pays, each payment gets its journal entry, and each module whose orders these are hears one
     * {@link PaymentsSettled}. The cashier confirms how many orders they saw waiting. A retry with the same
     * reference after the batch was paid answers with nothing done.
     */
    @Transactional
    @PreAuthorize("hasRole('CASHIER')")
    public Done settle(CurrentUser me, long batchId, LocalDate paidOn, String bankReference, Long expectedOrders) {
        String reference = Inputs.text("bankReference", bankReference, 80, true);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = paidOn == null ? today : paidOn;
        if (on.isAfter(today)) {
            throw new InvalidField("paidOn", "payment.paid.future");
        }
        DisbursementBatch batch = payments.batchOf(me, batchId);
        // the batch's row, locked: two cashiers settling it at once take turns, and the second finds nothing left
        jdbc.sql("select id from disbursement_batch where id = :b for update").param("b", batchId).query(Long.class)
                .single();
        record Due(long id, String number, long fundId, String regionCode, String purpose, String payee,
                String description, BigDecimal amount, int failures, String approvedBy, Instant approvedAt,
                String source, boolean fromModule, boolean withdrawn) {
        }
        List<Due> due = jdbc.sql("""
                select id, number, fund_id, region_code, purpose, payee_name, description, amount, failures,
                       approved_by, approved_at, source, source_kind, failure_reason
                from payment_order where batch_id = :b and status = 'IN_BATCH' order by id""")
                .param("b", batchId)
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("number"), rs.getLong("fund_id"),
                        rs.getString("region_code"), rs.getString("purpose"), rs.getString("payee_name"),
                        rs.getString("description"), rs.getBigDecimal("amount"), rs.getInt("failures"),
                        rs.getString("approved_by"), approvedAt(rs.getObject("approved_at",
                                java.time.OffsetDateTime.class)), rs.getString("source"), rs.getString("source_kind") != null,
                        PaymentOrder.isWithdrawnNote(rs.getString("failure_reason"))))
                .list();
        if (due.isEmpty()) {
            long paidSo = jdbc.sql("select count(*) from payment_order where batch_id = :b and status = 'PAID' "
                    + "and bank_reference = :ref").param("b", batchId).param("ref", reference).query(Long.class)
                    .single();
            if (paidSo > 0) {
                return new Done(0, BigDecimal.ZERO.setScale(2), 0, 0, List.of(batch));
            }
            throw new FundRuleBroken("batch.settle.nothing", batch.getNumber());
        }
        if (expectedOrders == null) {
            throw new InvalidField("orders", "validation.required");
        }
        if (expectedOrders != due.size()) {
            throw new FundRuleBroken("batch.changed", expectedOrders, due.size());
        }
        long withdrawn = due.stream().filter(Due::withdrawn).count();
        if (withdrawn > 0) {
            throw new FundRuleBroken("batch.settle.withdrawn", withdrawn);
        }
        Map<Long, BigDecimal> byFund = new TreeMap<>();
        for (Due each : due) {
            if (me.username().equals(each.approvedBy())) {
                throw new FundRuleBroken("payment.approver-pays.refused", each.number());
            }
            if (on.isBefore(each.approvedAt().atZone(clock.getZone()).toLocalDate())) {
                throw new InvalidField("paidOn", "payment.paid.before-approval");
            }
            byFund.merge(each.fundId(), each.amount(), BigDecimal::add);
        }
        // the funds' locks in the order of their ids, then each balance from that day on against what it pays
        byFund.keySet().forEach(journal::lock);
        byFund.forEach((fund, amount) -> {
            BigDecimal balance = journal.lowestBalanceFrom(fund, on);
            if (balance.compareTo(amount) < 0) {
                throw new FundRuleBroken("batch.fund.insufficient", funds.findById(fund).map(Fund::getName).orElse(String.valueOf(fund)), amount.toPlainString(),
                        balance.toPlainString());
            }
        });
        int changed = jdbc.sql("""
                update payment_order set status = 'PAID', paid_on = :on, paid_by = :me, bank_reference = :ref,
                       failure_reason = null, version = version + 1
                where batch_id = :b and status = 'IN_BATCH'""")
                .param("on", on).param("me", me.username()).param("ref", reference).param("b", batchId).update();
        requireUnchanged(changed, due.size());
        List<Journal.Payment> posted = new ArrayList<>(due.size());
        Map<String, Integer> modules = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Due each : due) {
            posted.add(new Journal.Payment(each.id(), each.failures(), each.regionCode(),
                    Journal.description("支付：" + each.payee() + " " + each.description(), each.number()),
                    each.fundId(), Account.expenseFor(org.yiyong.funds.PaymentPurpose.valueOf(each.purpose())),
                    each.amount()));
            sum = sum.add(each.amount());
            if (each.fromModule()) {
                modules.merge(each.source(), 1, Integer::sum);
            }
        }
        journal.postAll(on, posted, me.username());
        modules.forEach((module, count) -> events.publishEvent(new PaymentsSettled(batchId, batch.getNumber(), module,
                on, reference, count)));
        long[] paid = due.stream().mapToLong(Due::id).toArray();
        audit.recordAtCommit(out -> {
            for (long id : paid) {
                out.accept(AuditRecord.of(AuditAction.UPDATE, Payments.ENTITY, id).byActor(me.username())
                        .withChanges(Changes.between(Changes.snapshot("status", "IN_BATCH"),
                                Changes.snapshot("status", "PAID", "paidOn", on, "paidBy", me.username(),
                                        "bankReference", reference)))
                        .withDetail("paid with batch " + batch.getNumber() + ", bank reference " + reference));
            }
        });
        audit.record(AuditRecord.of(AuditAction.UPDATE, "DisbursementBatch", batchId)
                .withDetail(batch.getNumber() + " paid on " + on + ": " + due.size() + " orders, " + sum
                        + ", bank reference " + reference));
        return new Done(due.size(), sum, 0, 0, List.of(batch));
    }

    @Override
    @Transactional(readOnly = true)
    public void each(PaymentsSettled settled, int size, Consumer<List<PaymentSettled>> part) {
        long after = 0;
        while (true) {
            List<PaymentSettled> found = jdbc.sql("""
                    select id, number, amount, paid_on, bank_reference, source, source_kind, source_record_id,
                           source_line_id
                    from payment_order
                    where batch_id = :b and source = :module and status = 'PAID' and source_kind is not null
                      and paid_on = :on and bank_reference = :ref and id > :after
                    order by id
                    fetch first :size rows only""")
                    .param("b", settled.batchId()).param("module", settled.module()).param("after", after)
                    .param("on", settled.paidOn()).param("ref", settled.bankReference())
                    .param("size", size)
                    .query((rs, row) -> new PaymentSettled(new PaymentSource(rs.getString("source"),
                            rs.getString("source_kind"), rs.getLong("source_record_id"),
                            rs.getObject("source_line_id", Long.class)), rs.getLong("id"), rs.getString("number"),
                            Money.of(rs.getBigDecimal("amount")), rs.getObject("paid_on", LocalDate.class),
                            rs.getString("bank_reference")))
                    .list();
            if (found.isEmpty()) {
                return;
            }
            part.accept(found);
            after = found.get(found.size() - 1).orderId();
        }
    }

    /** The orders' audit entries of a step, with the fields as the order shows them now, read back in parts. */
    private void readBack(long[] ids, String detail, Consumer<AuditRecord> out) {
        for (int from = 0; from < ids.length; from += PART) {
            List<Long> part = new ArrayList<>(PART);
            for (int i = from; i < Math.min(ids.length, from + PART); i++) {
                part.add(ids[i]);
            }
            jdbc.sql("select id, batch_id, batched_by, payee_account_masked from payment_order where id in (:ids) "
                    + "order by id").param("ids", part)
                    .query((rs, row) -> AuditRecord.of(AuditAction.UPDATE, Payments.ENTITY, rs.getLong("id"))
                            .byActor(rs.getString("batched_by"))
                            .withChanges(Changes.between(Changes.snapshot("status", "APPROVED"),
                                    Changes.snapshot("status", "IN_BATCH", "batchId", rs.getLong("batch_id"),
                                            "batchedBy", rs.getString("batched_by"), "payeeAccount",
                                            rs.getString("payee_account_masked"))))
                            .withDetail(detail))
                    .list()
                    .forEach(out);
        }
    }

    private static Instant approvedAt(java.time.OffsetDateTime at) {
        return at == null ? Instant.EPOCH : at.toInstant();
    }

    private static void requireUnchanged(int changed, int expected) {
        if (changed != expected) {
            throw new FundRuleBroken("payment.group.changed", expected, changed);
        }
    }

    private record Totals(long orders, BigDecimal amount) {
    }

    /** The group as the person saw it: the same number of orders and the same sum, or nothing is done. */
    private Totals expect(Where group, String mine, CurrentUser me, Long expectedOrders, BigDecimal expectedAmount) {
        Totals found = group.bind(jdbc.sql("select count(*) as n, coalesce(sum(o.amount), 0) as amount "
                + "from payment_order o where " + group.sql("o") + " and " + mine)).param("me", me.username())
                .query((rs, row) -> new Totals(rs.getLong("n"), rs.getBigDecimal("amount").setScale(2))).single();
        if (found.orders() == 0) {
            throw new FundRuleBroken("payment.group.empty");
        }
        if (expectedOrders == null) {
            throw new InvalidField("orders", "validation.required");
        }
        if (expectedAmount == null) {
            throw new InvalidField("amount", "validation.required");
        }
        if (expectedOrders != found.orders()) {
            throw new FundRuleBroken("payment.group.changed", expectedOrders, found.orders());
        }
        if (expectedAmount.compareTo(found.amount()) != 0) {
            throw new FundRuleBroken("payment.group.changed.amount", expectedAmount.toPlainString(),
                    found.amount().toPlainString());
        }
        return found;
    }

    /** The condition that selects a group's orders of one status within the caller's scope. */
    private record Where(GroupKey key, PaymentOrder.Status status, List<String> scope) {

        String sql(String table) {
            return table + ".source = :source and " + table + ".source_kind = :kind and " + table
                    + ".source_record_id = :record and " + table + ".region_code = :region and " + table
                    + ".region_code in (:scope) and " + table + ".status = :status";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("source", key.source()).param("kind", key.kind()).param("record", key.recordId())
                    .param("region", key.regionCode()).param("scope", scope).param("status", status.name());
        }
    }

    private Where where(CurrentUser me, GroupKey key, PaymentOrder.Status status) {
        if (key == null || key.source() == null || key.source().isBlank()) {
            throw new InvalidField("source", "payment.group.required");
        }
        if (key.kind() == null || key.kind().isBlank()) {
            throw new InvalidField("kind", "payment.group.required");
        }
        if (key.recordId() == null) {
            throw new InvalidField("recordId", "payment.group.required");
        }
        if (key.regionCode() == null || key.regionCode().isBlank()) {
            throw new InvalidField("regionCode", "payment.group.required");
        }
        if (!me.scope().regionCodes().contains(key.regionCode())) {
            boolean exists = jdbc.sql("select count(*) from payment_order where source_record_id = :record "
                    + "and source_kind = :kind and region_code = :region").param("record", key.recordId())
                    .param("kind", key.kind()).param("region", key.regionCode()).query(Long.class).single() > 0;
            throw org.yiyong.audit.ScopedLookup.notFound(audit, Payments.ENTITY + "Group", key.recordId(), exists,
                    org.yiyong.audit.ScopedLookup.OUTSIDE_SCOPE + ": " + key.kind() + " of " + key.regionCode());
        }
        return new Where(key, status, List.copyOf(me.scope().regionCodes()));
    }
}

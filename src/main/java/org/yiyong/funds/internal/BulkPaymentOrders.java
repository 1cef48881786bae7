package org.yiyong.funds.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentRequestsInBulk;
import org.yiyong.funds.PaymentSource;
import org.yiyong.platform.BatchInserts;
import org.yiyong.shared.Money;

/**
 * {@link PaymentRequestsInBulk}: the orders {@link Payments#fromRequest} makes one at a time, made for a few
 * thousand requests at once — the sources already held read in one query, the numbers reserved together, the rows
 * written by {@link BatchInserts}, and the audit entries (the same as one at a time would write) read back from the
 * orders when the transaction commits, so that neither the entries nor the orders are held in memory meanwhile.
 */
@Component
class BulkPaymentOrders implements PaymentRequestsInBulk {

    private static final String COLUMNS = "number, fund_id, region_code, purpose, payee_name, payee_samaritan_id, "
            + "payee_organization_id, amount, description, source, source_ref, source_kind, source_record_id, "
            + "source_line_id, decision_document, status, requested_by, requested_on, payment_method, "
            + "payee_account_from_registry, failures, version";
    /** sources looked up, ids read back, this many to a statement */
    private static final int PART = 1000;

    private final FundRegister register;
    private final FundNumbers numbers;
    private final BatchInserts inserts;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    BulkPaymentOrders(FundRegister register, FundNumbers numbers, BatchInserts inserts, JdbcClient jdbc,
            AuditTrail audit) {
        this.register = register;
        this.numbers = numbers;
        this.inserts = inserts;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int request(List<PaymentRequested> requests) {
        List<PaymentRequested> fresh = notYetHeld(requests);
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<Integer, List<PaymentRequested>> byYear = new LinkedHashMap<>();
        for (PaymentRequested request : fresh) {
            byYear.computeIfAbsent(request.requestedOn().getYear(), year -> new ArrayList<>()).add(request);
        }
        Map<String, Fund> funds = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (Map.Entry<Integer, List<PaymentRequested>> year : byYear.entrySet()) {
            List<String> numbered = numbers.orders(year.getKey(), year.getValue().size());
            for (int i = 0; i < numbered.size(); i++) {
                PaymentRequested request = year.getValue().get(i);
                Fund fund = funds.computeIfAbsent(String.valueOf(request.payingRegion()),
                        region -> register.generalFundOf(request.payingRegion()));
                PaymentSource source = request.source();
                rows.add(new Object[] {numbered.get(i), fund.getId(), fund.getRegionCode(), request.purpose().name(),
                    request.payeeName(), request.payeeSamaritanId(), request.payeeOrganizationId(),
                    request.amount().amount(), request.description(), source.module(), source.reference(),
                    source.kind(), source.recordId(), source.lineId(), request.decisionDocument(),
                    PaymentOrder.Status.REQUESTED.name(), request.requestedBy(), request.requestedOn(),
                    PaymentOrder.Method.BANK_TRANSFER.name(), false, 0, 0L});
            }
        }
        List<Long> ids = inserts.insert("payment_order", COLUMNS, rows);
        long[] made = ids.stream().mapToLong(Long::longValue).toArray();
        audit.recordAtCommit(out -> audited(made, out));
        return made.length;
    }

    /** The requests whose source has no order yet, each source once. */
    private List<PaymentRequested> notYetHeld(List<PaymentRequested> requests) {
        Map<String, Set<String>> held = new HashMap<>();
        Map<String, List<String>> asked = new HashMap<>();
        for (PaymentRequested request : requests) {
            asked.computeIfAbsent(request.source().module(), module -> new ArrayList<>())
                    .add(request.source().reference());
        }
        asked.forEach((module, references) -> {
            Set<String> found = new HashSet<>();
            for (int from = 0; from < references.size(); from += PART) {
                found.addAll(jdbc.sql("select source_ref from payment_order where source = :module and source_ref in (:refs)")
                        .param("module", module)
                        .param("refs", references.subList(from, Math.min(references.size(), from + PART)))
                        .query(String.class).list());
            }
            held.put(module, found);
        });
        List<PaymentRequested> fresh = new ArrayList<>(requests.size());
        for (PaymentRequested request : requests) {
            if (held.get(request.source().module()).add(request.source().reference())) {
                fresh.add(request);
            }
        }
        return fresh;
    }

    /** The entries of the orders made, as {@link Payments#fromRequest} writes them, read back a part at a time. */
    private void audited(long[] made, java.util.function.Consumer<AuditRecord> out) {
        for (int from = 0; from < made.length; from += PART) {
            List<Long> part = new ArrayList<>(PART);
            for (int i = from; i < Math.min(made.length, from + PART); i++) {
                part.add(made[i]);
            }
            jdbc.sql("""
                    select id, number, fund_id, purpose, payee_name, amount, source, source_ref, requested_by
                    from payment_order where id in (:ids) order by id""")
                    .param("ids", part)
                    .query((rs, row) -> AuditRecord.of(AuditAction.CREATE, Payments.ENTITY, rs.getLong("id"))
                            .byActor(rs.getString("requested_by"))
                            .withChanges(Changes.created(PaymentOrder.requestedSnapshot(rs.getString("number"),
                                    rs.getLong("fund_id"), PaymentPurpose.valueOf(rs.getString("purpose")),
                                    rs.getString("payee_name"), Money.of(rs.getBigDecimal("amount")))))
                            .withDetail("requested by " + rs.getString("source") + " " + rs.getString("source_ref")))
                    .list()
                    .forEach(out);
        }
    }
}

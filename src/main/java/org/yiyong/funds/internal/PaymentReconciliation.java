package org.yiyong.funds.internal;

import static org.yiyong.funds.internal.ReportScope.amount;
import static org.yiyong.funds.internal.ReportScope.blankToNull;
import static org.yiyong.funds.internal.ReportScope.requireYear;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.identity.CurrentUser;

/**
 * The reconciliation of every payment of a year with its approval, its entry in the journal and its
 * decision, read with SQL: what pairs on every count, and each kind of discrepancy. It covers one
 * association's funds (a region of the caller's scope) or every fund of the scope.
 */
@Service
public class PaymentReconciliation {

    /** An order paid in the year, in the report's regions; the order's alias is {@code o}. */
    private static final String PAID_IN_YEAR =
            "o.status = 'PAID' and o.paid_on between :from and :to and o.region_code in (:regions)";
    /** Four eyes: approved, and not by whoever asked. */
    private static final String APPROVED = "(o.approved_by is not null and o.approved_by <> o.requested_by)";
    /** The decision that caused the order, or the justification of one by hand. */
    private static final String SOURCED = """
            ((o.source = 'MANUAL' and coalesce(trim(o.justification), '') <> '')
             or (o.source <> 'MANUAL' and coalesce(trim(o.decision_document), '') <> ''))""";
    private static final String HAS_ENTRY = "exists (select 1 from journal_entry pe where pe.source_kind = 'PAYMENT'"
            + " and pe.source_id = o.id and " + standing("pe") + ")";
    /** What the order's standing payment entries took out of the bank. */
    private static final String POSTED = """
            (select coalesce(sum(pp.credit), 0) from journal_entry pe join posting pp on pp.entry_id = pe.id
             where pe.source_kind = 'PAYMENT' and pe.source_id = o.id and pp.account = 'BANK' and %s)"""
            .formatted(standing("pe"));

    /** An entry no reversing entry has cancelled. */
    private static String standing(String alias) {
        return "not exists (select 1 from journal_entry r where r.reverses_id = " + alias + ".id)";
    }
    private final JdbcClient jdbc;
    private final ReportScope scope;

    PaymentReconciliation(JdbcClient jdbc, ReportScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** What keeps a payment from pairing with its approval, its entry and its decision. */
    public enum DiscrepancyKind {
        /** paid, but nothing in the journal (or only reversed entries) */
        NO_ENTRY,
        /** a payment entry standing in the journal whose order is not paid */
        ENTRY_WITHOUT_PAID_ORDER,
        /** the journal took another amount out of the bank than the order says */
        AMOUNT_MISMATCH,
        /** paid without a finance reviewer's approval, or approved by its requester */
        NO_APPROVAL,
        /** an order of another module without its decision document, or one by hand without a justification */
        NO_SOURCE
    }

    /** A paid order with the approval, the entry and the decision it pairs with. */
    @Schema(name = "FinancialReportsPairedPayment") // the name API clients know it by
    public record PairedPayment(long orderId, String orderNumber, String regionCode, String payeeName,
            PaymentPurpose purpose, BigDecimal amount, LocalDate paidOn, String requestedBy, String approvedBy,
            long entryId, String entryNumber, LocalDate entryDate, String source, String sourceDocument) {
    }

    /** What does not pair: the order and/or the entry, with the amounts on each side. */
    @Schema(name = "FinancialReportsDiscrepancy") // the name API clients know it by
    public record Discrepancy(DiscrepancyKind kind, Long orderId, String orderNumber, Long entryId, String entryNumber,
            String regionCode, LocalDate date, BigDecimal orderAmount, BigDecimal postedAmount) {
    }

    /** The year's payments: those that pair, and what does not. */
    @Schema(name = "FinancialReportsReconciliation") // the name API clients know it by
    public record Reconciliation(String region, int year, List<PairedPayment> paired, List<Discrepancy> discrepancies) {
    }
    /**
     * Every order paid in the year against its approval (by someone other than its requester), its
     * payment entry (standing, of the same amount) and its source decision; one query per kind of
     * discrepancy, and one for the orders that pair on every count.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Reconciliation reconciliation(CurrentUser me, String region, int year) {
        Set<String> regions = scope.regions(me, region);
        requireYear(year);
        Map<String, Object> params = Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31),
                "regions", regions);
        List<PairedPayment> paired = jdbc.sql("""
                select o.id, o.number, o.region_code, o.payee_name, o.purpose, o.amount, o.paid_on, o.requested_by,
                       o.approved_by, o.source, o.decision_document, o.justification,
                       e.id as entry_id, e.number as entry_number, e.entry_date
                from payment_order o
                join journal_entry e on e.id = (select max(x.id) from journal_entry x
                                                where x.source_kind = 'PAYMENT' and x.source_id = o.id and %s)
                where %s and %s and %s and %s = o.amount
                order by o.paid_on, o.id""".formatted(standing("x"), PAID_IN_YEAR, APPROVED, SOURCED, POSTED))
                .params(params)
                .query((rs, n) -> {
                    String source = rs.getString("source");
                    return new PairedPayment(rs.getLong("id"), rs.getString("number"), rs.getString("region_code"),
                            rs.getString("payee_name"), PaymentPurpose.valueOf(rs.getString("purpose")),
                            amount(rs, "amount"), rs.getObject("paid_on", LocalDate.class),
                            rs.getString("requested_by"), rs.getString("approved_by"), rs.getLong("entry_id"),
                            rs.getString("entry_number"), rs.getObject("entry_date", LocalDate.class), source,
                            rs.getString(PaymentOrder.MANUAL.equals(source) ? "justification" : "decision_document"));
                }).list();
        List<Discrepancy> discrepancies = new ArrayList<>();
        discrepancies.addAll(orders(DiscrepancyKind.NO_ENTRY, "not " + HAS_ENTRY, params));
        discrepancies.addAll(orders(DiscrepancyKind.AMOUNT_MISMATCH, HAS_ENTRY + " and " + POSTED + " <> o.amount",
                params));
        discrepancies.addAll(orders(DiscrepancyKind.NO_APPROVAL, "not " + APPROVED, params));
        discrepancies.addAll(orders(DiscrepancyKind.NO_SOURCE, "not " + SOURCED, params));
        discrepancies.addAll(jdbc.sql("""
                select e.id, e.number, e.region_code, e.entry_date, o.id as order_id, o.number as order_number,
                       o.amount,
                       (select coalesce(sum(p.credit), 0) from posting p
                        where p.entry_id = e.id and p.account = 'BANK') as posted
                from journal_entry e left join payment_order o on o.id = e.source_id
                where e.source_kind = 'PAYMENT' and e.entry_date between :from and :to and e.region_code in (:regions)
                  and %s and (o.id is null or o.status <> 'PAID')
                order by e.entry_date, e.id""".formatted(standing("e")))
                .params(params)
                .query((rs, n) -> new Discrepancy(DiscrepancyKind.ENTRY_WITHOUT_PAID_ORDER,
                        rs.getObject("order_id", Long.class), rs.getString("order_number"), rs.getLong("id"),
                        rs.getString("number"), rs.getString("region_code"),
                        rs.getObject("entry_date", LocalDate.class),
                        rs.getBigDecimal("amount") == null ? null : amount(rs, "amount"), amount(rs, "posted")))
                .list());
        return new Reconciliation(blankToNull(region), year, paired, discrepancies);
    }

    private List<Discrepancy> orders(DiscrepancyKind kind, String condition, Map<String, Object> params) {
        return jdbc.sql("""
                select o.id, o.number, o.region_code, o.paid_on, o.amount, %s as posted,
                       se.id as entry_id, se.number as entry_number
                from payment_order o
                left join journal_entry se on se.id = (select max(x.id) from journal_entry x
                                                       where x.source_kind = 'PAYMENT' and x.source_id = o.id and %s)
                where %s and %s order by o.paid_on, o.id"""
                .formatted(POSTED, standing("x"), PAID_IN_YEAR, condition))
                .params(params)
                .query((rs, n) -> new Discrepancy(kind, rs.getLong("id"), rs.getString("number"),
                        rs.getObject("entry_id", Long.class), rs.getString("entry_number"), rs.getString("region_code"),
                        rs.getObject("paid_on", LocalDate.class), amount(rs, "amount"), amount(rs, "posted")))
                .list();
    }
}

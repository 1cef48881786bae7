package org.yiyong.funds.internal;

import static org.yiyong.funds.internal.ReportScope.amount;
import static org.yiyong.funds.internal.ReportScope.blankToNull;
import static org.yiyong.funds.internal.ReportScope.requireYear;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;

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

    /**
     * The year's payments: a page of those that pair (by day paid), how many pair and their sum, and what does
     * not pair — at most {@link #DISCREPANCIES_LISTED} of them, of {@code discrepancyCount}.
     */
    @Schema(name = "FinancialReportsReconciliation") // the name API clients know it by
    public record Reconciliation(String region, int year, List<PairedPayment> paired, long pairedCount,
            BigDecimal pairedAmount, int page, int pageSize, List<Discrepancy> discrepancies, long discrepancyCount) {

        /** Whether pairs follow this page. */
        public boolean hasNextPage() {
            return (long) (page + 1) * pageSize < pairedCount;
        }
    }

    /** The most discrepancies a reconciliation lists; the rest are counted. */
    public static final int DISCREPANCIES_LISTED = 1000;

    /** The reconciliation with the first page of the payments that pair. */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Reconciliation reconciliation(CurrentUser me, String region, int year) {
        return reconciliation(me, region, year, new PageRequest(0, PageRequest.MAX_SIZE));
    }

    /**
     * Every order paid in the year against its approval (by someone other than its requester), its payment entry
     * (standing, of the same amount) and its source decision, read in one pass over the year's orders in the
     * order they were paid; and the standing payment entries of the year whose order is not paid.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(FundRegister.READ)
    public Reconciliation reconciliation(CurrentUser me, String region, int year, PageRequest page) {
        Set<String> regions = scope.regions(me, region);
        requireYear(year);
        Map<String, Object> params = Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31),
                "regions", regions);
        Map<DiscrepancyKind, List<Discrepancy>> found = new EnumMap<>(DiscrepancyKind.class);
        List<PairedPayment> paired = new ArrayList<>();
        long[] counts = new long[2]; // pairs, discrepancies
        BigDecimal[] pairedAmount = {BigDecimal.ZERO};
        jdbc.sql("""
                select o.id, o.number, o.region_code, o.payee_name, o.purpose, o.amount, o.paid_on, o.requested_by,
                       o.approved_by, o.source, o.decision_document, o.justification,
                       e.id as entry_id, e.number as entry_number, e.entry_date, coalesce(t.posted, 0) as posted
                from payment_order o
                left join (select x.source_id, max(x.id) as entry_id, sum(x.bank) as posted
                           from (select pe.source_id, pe.id,
                                        (select coalesce(sum(pp.credit), 0) from posting pp
                                         where pp.entry_id = pe.id and pp.account = 'BANK') as bank
                                 from journal_entry pe join payment_order o on o.id = pe.source_id
                                 where pe.source_kind = 'PAYMENT' and %s and %s) x
                           group by x.source_id) t on t.source_id = o.id
                left join journal_entry e on e.id = t.entry_id
                where %s
                order by o.paid_on, o.id""".formatted(PAID_IN_YEAR, standing("pe"), PAID_IN_YEAR))
                .params(params)
                .withFetchSize(1000)
                .query((RowCallbackHandler) rs -> {
                    BigDecimal amount = amount(rs, "amount");
                    BigDecimal posted = amount(rs, "posted");
                    Long entryId = rs.getObject("entry_id", Long.class);
                    String source = rs.getString("source");
                    String approvedBy = rs.getString("approved_by");
                    String requestedBy = rs.getString("requested_by");
                    String document = rs.getString(PaymentOrder.MANUAL.equals(source) ? "justification"
                            : "decision_document");
                    List<DiscrepancyKind> kinds = new ArrayList<>(2);
                    if (entryId == null) {
                        kinds.add(DiscrepancyKind.NO_ENTRY);
                    } else if (posted.compareTo(amount) != 0) {
                        kinds.add(DiscrepancyKind.AMOUNT_MISMATCH);
                    }
                    if (approvedBy == null || approvedBy.equals(requestedBy)) {
                        kinds.add(DiscrepancyKind.NO_APPROVAL);
                    }
                    if (document == null || document.isBlank()) {
                        kinds.add(DiscrepancyKind.NO_SOURCE);
                    }
                    long orderId = rs.getLong("id");
                    LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
                    if (kinds.isEmpty()) {
                        if (counts[0] >= page.offset() && paired.size() < page.size()) {
                            paired.add(new PairedPayment(orderId, rs.getString("number"), rs.getString("region_code"),
                                    rs.getString("payee_name"), PaymentPurpose.valueOf(rs.getString("purpose")), amount,
                                    paidOn, requestedBy, approvedBy, entryId, rs.getString("entry_number"),
                                    rs.getObject("entry_date", LocalDate.class), source, document));
                        }
                        counts[0]++;
                        pairedAmount[0] = pairedAmount[0].add(amount);
                        return;
                    }
                    for (DiscrepancyKind kind : kinds) {
                        counts[1]++;
                        list(found, new Discrepancy(kind, orderId, rs.getString("number"), entryId,
                                rs.getString("entry_number"), rs.getString("region_code"), paidOn, amount, posted));
                    }
                });
        jdbc.sql("""
                select e.id, e.number, e.region_code, e.entry_date, o.id as order_id, o.number as order_number,
                       o.amount,
                       (select coalesce(sum(p.credit), 0) from posting p
                        where p.entry_id = e.id and p.account = 'BANK') as posted
                from journal_entry e left join payment_order o on o.id = e.source_id
                where e.source_kind = 'PAYMENT' and e.entry_date between :from and :to and e.region_code in (:regions)
                  and %s and (o.id is null or o.status <> 'PAID')
                order by e.entry_date, e.id""".formatted(standing("e")))
                .params(params)
                .withFetchSize(1000)
                .query((RowCallbackHandler) rs -> {
                    counts[1]++;
                    list(found, new Discrepancy(DiscrepancyKind.ENTRY_WITHOUT_PAID_ORDER,
                            rs.getObject("order_id", Long.class), rs.getString("order_number"), rs.getLong("id"),
                            rs.getString("number"), rs.getString("region_code"),
                            rs.getObject("entry_date", LocalDate.class),
                            rs.getBigDecimal("amount") == null ? null : amount(rs, "amount"), amount(rs, "posted")));
                });
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (DiscrepancyKind kind : LISTED_IN_ORDER) {
            for (Discrepancy discrepancy : found.getOrDefault(kind, List.of())) {
                if (discrepancies.size() < DISCREPANCIES_LISTED) {
                    discrepancies.add(discrepancy);
                }
            }
        }
        return new Reconciliation(blankToNull(region), year, paired, counts[0], pairedAmount[0], page.page(),
                page.size(), discrepancies, counts[1]);
    }

    /** Keeps a discrepancy under its kind while the kind holds fewer than are listed. */
    private static void list(Map<DiscrepancyKind, List<Discrepancy>> found, Discrepancy discrepancy) {
        List<Discrepancy> listed = found.computeIfAbsent(discrepancy.kind(), k -> new ArrayList<>());
        if (listed.size() < DISCREPANCIES_LISTED) {
            listed.add(discrepancy);
        }
    }

    /** The order in which the kinds of discrepancy are listed. */
    private static final List<DiscrepancyKind> LISTED_IN_ORDER = List.of(DiscrepancyKind.NO_ENTRY,
            DiscrepancyKind.AMOUNT_MISMATCH, DiscrepancyKind.NO_APPROVAL, DiscrepancyKind.NO_SOURCE,
            DiscrepancyKind.ENTRY_WITHOUT_PAID_ORDER);
}

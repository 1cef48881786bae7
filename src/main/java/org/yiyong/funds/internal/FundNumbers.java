package org.yiyong.funds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;

/**
 * The running numbers of receipts, orders, batches and journal entries, per year; never reused. Their
 * formats are configuration ({@code yiyong.numbering.formats}).
 */
@Component
class FundNumbers {

    private final DocumentNumbers numbers;

    FundNumbers(DocumentNumbers numbers) {
        this.numbers = numbers;
    }

    /** 泉见捐〔2026〕0001号 */
    String receipt(int year) {
        return next(DocumentKind.DONATION_RECEIPT, "RECEIPT", year);
    }

    /** ZF-2026-00001 */
    String order(int year) {
        return next(DocumentKind.PAYMENT_ORDER, "ORDER", year);
    }

    /** {@code count} order numbers at once, in order, for many orders of one year made together. */
    List<String> orders(int year, int count) {
        int first = numbers.reserve("fund_number_sequence", Map.of("kind", "ORDER", "doc_year", year), count);
        List<String> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(numbers.format(DocumentKind.PAYMENT_ORDER, first + i, Map.of("year", year)));
        }
        return made;
    }

    /** PL-2026-0001 */
    String batch(int year) {
        return next(DocumentKind.DISBURSEMENT_BATCH, "BATCH", year);
    }

    /** {@code count} entry numbers of one year at once, in order, without a gap (see {@link DocumentNumbers#take}). */
    List<String> entries(int year, int count) {
        int first = numbers.take("fund_number_sequence", Map.of("kind", "ENTRY", "doc_year", year), count);
        List<String> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(numbers.format(DocumentKind.JOURNAL_ENTRY, first + i, Map.of("year", year)));
        }
        return made;
    }

    /**
     * A batch number taken in a transaction of its own, for work that makes batches over a long transaction (a
     * group of thousands of orders): other batches are not kept waiting for its end, and its numbers stay unused
     * if it is rolled back (a gap).
     */
    String reservedBatch(int year) {
        int taken = numbers.reserve("fund_number_sequence", Map.of("kind", "BATCH", "doc_year", year), 1);
        return numbers.format(DocumentKind.DISBURSEMENT_BATCH, taken, Map.of("year", year));
    }

    /** 记-2026-00001 */
    String entry(int year) {
        return next(DocumentKind.JOURNAL_ENTRY, "ENTRY", year);
    }

    private String next(DocumentKind document, String kind, int year) {
        return numbers.next(document, numbers.counter("fund_number_sequence", Map.of("kind", kind, "doc_year", year)),
                Map.of("year", year));
    }
}

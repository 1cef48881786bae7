package org.yiyong.funds.internal;

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

    /** PL-2026-0001 */
    String batch(int year) {
        return next(DocumentKind.DISBURSEMENT_BATCH, "BATCH", year);
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

package org.yiyong.honours.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;

/**
 * The running numbers of honours' documents, per year, in the formats of {@code yiyong.numbering.formats}:
 * certificates (泉见证〔2026〕0001号), 中考加分 certificates (泉见加〔2026〕0001号) and 见义勇为卡 (泉见卡202600001).
 */
@Component
class HonourNumbers {

    private final DocumentNumbers numbers;

    HonourNumbers(DocumentNumbers numbers) {
        this.numbers = numbers;
    }

    String certificate(int year) {
        return numbers.next(DocumentKind.HONOUR_CERTIFICATE,
                numbers.counter("honour_number_sequence", Map.of("honour_year", year)), Map.of("year", year));
    }

    String examBonus(int year) {
        return document(DocumentKind.EXAM_BONUS, "EXAM_BONUS", year);
    }

    String transitCard(int year) {
        return document(DocumentKind.TRANSIT_CARD, "TRANSIT_CARD", year);
    }

    private String document(DocumentKind document, String kind, int year) {
        return numbers.next(document,
                numbers.counter("document_number_sequence", Map.of("kind", kind, "doc_year", year)),
                Map.of("year", year));
    }
}

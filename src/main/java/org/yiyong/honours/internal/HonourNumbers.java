package org.yiyong.honours.internal;

import java.security.SecureRandom;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;

/**
 * The running numbers of honours' documents, per year, in the formats of {@code yiyong.numbering.formats}:
 * certificates (泉见证〔2026〕0001号), 中考加分 certificates (泉见加〔2026〕0001号) and 见义勇为卡 (泉见卡202600001);
 * and the random code by which the public checks a certificate.
 */
@Component
class HonourNumbers {

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final DocumentNumbers numbers;
    private final SecureRandom random = new SecureRandom();

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

    /** Ten characters that cannot be mistaken for one another (no 0/O, 1/I). */
    String verificationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}

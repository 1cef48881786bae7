package org.yiyong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.yiyong.FullStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A module's counter table hands out each running number once, per row, and the configured formats apply. */
class DocumentCounterTests extends FullStackTest {

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_counter_row_counts_up_from_one_and_rows_count_apart() {
        String kind = "TEST_" + System.nanoTime();
        DocumentNumbers.Sequence first = numbers.counter("document_number_sequence",
                Map.of("kind", kind, "doc_year", 2031));
        DocumentNumbers.Sequence other = numbers.counter("document_number_sequence",
                Map.of("kind", kind, "doc_year", 2032));

        String[] issued = transactions.execute(status -> new String[] {
                numbers.next(DocumentKind.EXAM_BONUS, first, Map.of("year", 2031)),
                numbers.next(DocumentKind.EXAM_BONUS, first, Map.of("year", 2031)),
                numbers.next(DocumentKind.EXAM_BONUS, other, Map.of("year", 2032))});

        assertThat(issued).containsExactly("泉见加〔2031〕0001号", "泉见加〔2031〕0002号", "泉见加〔2032〕0001号");
    }
}

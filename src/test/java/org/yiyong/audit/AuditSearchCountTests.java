package org.yiyong.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.FullStackTest;
import org.yiyong.shared.PageResult;

/**
 * The trail of a busy year holds millions of entries: a search counts them no further than the lists' cap and says
 * "more than"; a narrow one is counted exactly.
 */
class AuditSearchCountTests extends FullStackTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    private String recorded(int entries) {
        String type = "CountProbe" + UUID.randomUUID().toString().substring(0, 8);
        List<AuditRecord> records = IntStream.range(0, entries)
                .mapToObj(i -> AuditRecord.of(AuditAction.UPDATE, type, i).byActor("system")).toList();
        new TransactionTemplate(transactions).executeWithoutResult(status -> audit.recordAll(records));
        return type;
    }

    @Test
    void a_search_holding_more_than_the_cap_says_more_than_and_a_narrow_one_is_counted_exactly() throws Exception {
        String many = recorded(PageResult.COUNT_CAP + 5);
        mvc.perform(get("/api/v1/audit-entries").param("entityType", many).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(PageResult.COUNT_CAP))
                .andExpect(jsonPath("$.totalAtLeast").value(true))
                .andExpect(jsonPath("$.items[0].entityId").value(String.valueOf(PageResult.COUNT_CAP + 4)));
        mvc.perform(get("/audit").param("entityType", many).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("超过 10,000 条")));

        String few = recorded(3);
        mvc.perform(get("/api/v1/audit-entries").param("entityType", few).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.totalAtLeast").value(false))
                .andExpect(jsonPath("$.items[*].entityId").value(Matchers.contains("2", "1", "0")));
        mvc.perform(get("/api/v1/audit-entries").param("entityType", few).param("entityId", "1").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].entityId").value(Matchers.contains("1")));
    }

    @Test
    void two_filters_find_the_entries_that_match_both_newest_first() throws Exception {
        String type = "PairProbe" + UUID.randomUUID().toString().substring(0, 8);
        String clerk = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        // the clerk's entries of the type among the other person's, and the clerk's of another type
        List<AuditRecord> records = IntStream.range(0, 12).mapToObj(i -> switch (i % 3) {
            case 0 -> AuditRecord.of(AuditAction.UPDATE, type, i).byActor(clerk);
            case 1 -> AuditRecord.of(AuditAction.UPDATE, type, i).byActor(other);
            default -> AuditRecord.of(AuditAction.FILE_DOWNLOADED, type + "X", i).byActor(clerk);
        }).toList();
        new TransactionTemplate(transactions).executeWithoutResult(status -> audit.recordAll(records));

        mvc.perform(get("/api/v1/audit-entries").param("actor", clerk).param("entityType", type)
                        .with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].entityId").value(Matchers.contains("9", "6", "3", "0")));
        mvc.perform(get("/api/v1/audit-entries").param("actor", clerk).param("action", "FILE_DOWNLOADED")
                        .param("size", "2").param("page", "1").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].entityId").value(Matchers.contains("5", "2")));
        mvc.perform(get("/api/v1/audit-entries").param("actor", other).param("entityType", type + "X")
                        .with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }
}

package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.FullStackTest;

/** A file written for an answer (which may hold unmasked numbers) does not outlive a transaction that failed. */
class TemporaryFileTests extends FullStackTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_file_made_in_a_transaction_that_rolls_back_is_removed_and_one_that_commits_is_kept() throws Exception {
        Path[] made = new Path[2];
        transactions.executeWithoutResult(status -> {
            made[0] = Downloads.temporaryFile("yiyong-test-", ".csv");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> made[1] = Downloads.temporaryFile("yiyong-test-", ".csv"));

        assertThat(made[0]).doesNotExist();
        assertThat(made[1]).exists();
        Files.delete(made[1]);
    }
}

package org.yiyong.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyong.leads.internal.TrackingCode;

class LeadTrackingCodeTests {

    @Test
    void a_code_is_the_prefix_and_eight_characters_without_look_alikes() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String code = TrackingCode.random(random);
            assertThat(code).matches("XS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
            assertThat(code.substring(3)).doesNotContain("0", "O", "1", "I");
            seen.add(code);
        }
        assertThat(seen).hasSize(500);
    }

    @Test
    void a_code_typed_back_may_differ_in_case_spaces_hyphens_and_prefix() {
        assertThat(TrackingCode.normalize("XS-7K3M-Q9PD")).contains("XS-7K3M-Q9PD");
        assertThat(TrackingCode.normalize(" xs 7k3m q9pd ")).contains("XS-7K3M-Q9PD");
        assertThat(TrackingCode.normalize("7k3mq9pd")).contains("XS-7K3M-Q9PD");
        assertThat(TrackingCode.normalize("xs－7k3m－q9pd")).contains("XS-7K3M-Q9PD");
    }

    @Test
    void anything_that_cannot_be_a_code_is_no_code() {
        assertThat(TrackingCode.normalize(null)).isEmpty();
        assertThat(TrackingCode.normalize("")).isEmpty();
        assertThat(TrackingCode.normalize("XS-7K3M-Q9P")).isEmpty();
        assertThat(TrackingCode.normalize("XS-7K3M-Q9P0")).isEmpty();
        assertThat(TrackingCode.normalize("' or 1=1 --")).isEmpty();
        assertThat(TrackingCode.normalize("X".repeat(100))).isEmpty();
    }
}

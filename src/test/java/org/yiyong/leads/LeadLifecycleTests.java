package org.yiyong.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.LeadAlreadyTriaged;
import org.yiyong.leads.internal.LeadStatus;
import org.yiyong.leads.internal.NewLead;

/** A lead is decided on once: taken up, merged or not taken up. */
class LeadLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static Lead lead() {
        return new Lead("XS-7K3M-Q9PD", new NewLead("350582", LocalDate.of(2026, 2, 27), LocalTime.of(18, 30),
                "晋江市安海镇", "有人跳河救人", null, null, null, false), NOW);
    }

    @Test
    void a_new_lead_is_taken_up_once_and_then_decided_on() {
        Lead lead = lead();
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.takeUp("jinjiang-staff", NOW)).isTrue();
        assertThat(lead.takeUp("city-staff", NOW)).isFalse();
        assertThat(lead.getHandledBy()).isEqualTo("jinjiang-staff");
        lead.acceptedAs(7, "350582-2026-0007", "jinjiang-staff", NOW);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(lead.getDeedNumber()).isEqualTo("350582-2026-0007");
    }

    @Test
    void a_decided_lead_cannot_be_decided_again() {
        Lead rejected = lead();
        rejected.reject("不属本市", "jinjiang-staff", NOW);
        assertThatThrownBy(() -> rejected.acceptedAs(1, "350582-2026-0001", "jinjiang-staff", NOW))
                .isInstanceOf(LeadAlreadyTriaged.class);
        assertThatThrownBy(() -> rejected.mergedInto(1, "350582-2026-0001", "jinjiang-staff", NOW))
                .isInstanceOf(LeadAlreadyTriaged.class);
        assertThatThrownBy(() -> rejected.reject("again", "jinjiang-staff", NOW))
                .isInstanceOf(LeadAlreadyTriaged.class);
        assertThatThrownBy(() -> rejected.takeUp("jinjiang-staff", NOW)).isInstanceOf(LeadAlreadyTriaged.class);

        Lead merged = lead();
        merged.mergedInto(2, "350582-2026-0002", "jinjiang-staff", NOW);
        assertThatThrownBy(() -> merged.reject("no", "jinjiang-staff", NOW)).isInstanceOf(LeadAlreadyTriaged.class);
        assertThat(merged.getRejectionReason()).isNull();
    }

    @Test
    void the_time_of_the_act_is_noon_when_the_reporter_gave_only_the_day() {
        Lead lead = new Lead("XS-7K3M-Q9PE", new NewLead("350582", LocalDate.of(2026, 2, 27), null, "晋江", "救人",
                null, null, null, false), NOW);
        assertThat(lead.occurredAt()).isEqualTo(LocalDate.of(2026, 2, 27).atTime(12, 0));
        assertThat(lead().occurredAt()).isEqualTo(LocalDate.of(2026, 2, 27).atTime(18, 30));
    }
}

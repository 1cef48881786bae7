package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyong.deeds.WorkingCalendar;
import org.yiyong.samaritans.internal.ApplicationWindowPassed;
import org.yiyong.samaritans.internal.DisabilityCase;
import org.yiyong.samaritans.internal.DisabilityCaseNotInStatus;
import org.yiyong.samaritans.internal.DisabilityStatus;
import org.yiyong.samaritans.internal.GradeOutOfRange;
import org.yiyong.samaritans.internal.PensionNotScheduled;
import org.yiyong.samaritans.internal.PensionPayment;
import org.yiyong.samaritans.internal.PensionStatus;
import org.yiyong.samaritans.internal.PostingStillRunning;
import org.yiyong.samaritans.internal.PostingTooShort;
import org.yiyong.samaritans.internal.ReassessmentTooSoon;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;

/** The rules of a disability assessment and of the yearly pension, without Spring. */
class DisabilityCaseTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    /** National Day and Mid-Autumn 2026 as the State Council set them: Sep 25–27 and Oct 1–7 off, Sep 20 and Oct 10 worked. */
    private static final WorkingCalendar CALENDAR_2026 = calendar2026();

    private static WorkingCalendar calendar2026() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int day = 25; day <= 27; day++) {
            holidays.add(LocalDate.of(2026, 9, day));
        }
        for (int day = 1; day <= 7; day++) {
            holidays.add(LocalDate.of(2026, 10, day));
        }
        return new WorkingCalendar(holidays, Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));
    }

    private static DisabilityCase applied(LocalDate injuredOn, LocalDate appliedOn, String exception) {
        return DisabilityCase.apply(1L, injuredOn, appliedOn, exception, TODAY, "jinjiang-staff", NOW);
    }

    private static DisabilityCase approved(LocalDate approvedOn) {
        DisabilityCase disabilityCase = applied(LocalDate.of(2024, 10, 10), LocalDate.of(2024, 12, 2), null);
        disabilityCase.post(7, LocalDate.of(2025, 1, 6), null, WorkingCalendar.weekendsOnly(), "jinjiang-staff", NOW);
        disabilityCase.approve(approvedOn, "福建省退役军人事务厅", "闽因公残证字第 001 号", WorkingCalendar.weekendsOnly(),
                TODAY, NOW);
        return disabilityCase;
    }

    @Test
    void an_application_exactly_3_years_after_the_injury_is_in_time() {
        DisabilityCase disabilityCase = applied(LocalDate.of(2023, 3, 1), LocalDate.of(2026, 3, 1), null);
        assertThat(disabilityCase.getStatus()).isEqualTo(DisabilityStatus.APPLIED);
        assertThat(disabilityCase.getLateException()).isNull();
    }

    @Test
    void an_application_3_years_and_a_day_after_the_injury_needs_an_exception() {
        assertThatThrownBy(() -> applied(LocalDate.of(2023, 3, 1), LocalDate.of(2026, 3, 2), null))
                .isInstanceOf(ApplicationWindowPassed.class)
                .extracting(refused -> ((InvalidField) refused).field()).isEqualTo("lateException");

        DisabilityCase late = applied(LocalDate.of(2023, 3, 1), LocalDate.of(2026, 3, 2), "伤后长期住院治疗，无法按期申请");
        assertThat(late.getLateException()).isEqualTo("伤后长期住院治疗，无法按期申请");
    }

    @Test
    void an_injury_on_29_february_has_its_3_years_end_on_28_february() {
        applied(LocalDate.of(2020, 2, 29), LocalDate.of(2023, 2, 28), null);
        assertThatThrownBy(() -> applied(LocalDate.of(2020, 2, 29), LocalDate.of(2023, 3, 1), null))
                .isInstanceOf(ApplicationWindowPassed.class);
    }

    @Test
    void an_application_cannot_come_before_the_injury_or_in_the_future() {
        assertThatThrownBy(() -> applied(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 30), null))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("appliedOn");
        assertThatThrownBy(() -> applied(LocalDate.of(2025, 5, 1), TODAY.plusDays(1), null))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("appliedOn");
    }

    @Test
    void grades_run_from_1_to_10() {
        DisabilityCase disabilityCase = applied(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), null);
        for (int grade : new int[] {0, 11, -1}) {
            assertThatThrownBy(() -> disabilityCase.post(grade, LocalDate.of(2026, 11, 2), null, CALENDAR_2026, "x",
                    NOW)).isInstanceOf(GradeOutOfRange.class);
        }
        assertThat(disabilityCase.getStatus()).isEqualTo(DisabilityStatus.APPLIED);
        disabilityCase.post(10, LocalDate.of(2026, 11, 2), null, CALENDAR_2026, "x", NOW);
        assertThat(disabilityCase.getGrade()).isEqualTo(10);
        disabilityCase.post(1, LocalDate.of(2026, 11, 2), null, CALENDAR_2026, "x", NOW);
        assertThat(disabilityCase.getGrade()).isEqualTo(1);
    }

    @Test
    void the_posting_counts_working_days_so_national_day_does_not_count() {
        assertThat(DisabilityCase.workingDays(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 7), CALENDAR_2026))
                .isEqualTo(3);
        // Sep 28–30, then Oct 8, 9, Saturday 10 (worked in exchange) and Monday 12
        assertThat(DisabilityCase.postingEnd(LocalDate.of(2026, 9, 28), CALENDAR_2026))
                .isEqualTo(LocalDate.of(2026, 10, 12));

        DisabilityCase disabilityCase = applied(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), null);
        assertThatThrownBy(() -> disabilityCase.post(8, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 7),
                CALENDAR_2026, "x", NOW))
                .isInstanceOf(PostingTooShort.class)
                .satisfies(refused -> assertThat(((InvalidField) refused).arguments()).contains(3, 7));
        disabilityCase.post(8, LocalDate.of(2026, 9, 28), null, CALENDAR_2026, "x", NOW);
        assertThat(disabilityCase.getPostingEnd()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(disabilityCase.getStatus()).isEqualTo(DisabilityStatus.POSTED);
    }

    @Test
    void approval_waits_until_the_posting_is_over() {
        DisabilityCase disabilityCase = applied(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), null);
        disabilityCase.post(8, LocalDate.of(2026, 9, 28), null, CALENDAR_2026, "x", NOW);
        // ten calendar days after the start, but only the 5th working day
        assertThatThrownBy(() -> disabilityCase.approve(LocalDate.of(2026, 10, 9), "福建省退役军人事务厅", "001",
                CALENDAR_2026, TODAY, NOW)).isInstanceOf(PostingStillRunning.class);
        assertThatThrownBy(() -> disabilityCase.approve(LocalDate.of(2026, 10, 12), "福建省退役军人事务厅", "001",
                CALENDAR_2026, TODAY, NOW)).isInstanceOf(PostingStillRunning.class);
        assertThatThrownBy(() -> disabilityCase.approve(LocalDate.of(2026, 10, 13), "福建省退役军人事务厅", null,
                CALENDAR_2026, TODAY, NOW)).isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("certificateNumber");

        disabilityCase.approve(LocalDate.of(2026, 10, 13), "福建省退役军人事务厅", "闽因公残证字第 002 号", CALENDAR_2026,
                TODAY, NOW);
        assertThat(disabilityCase.getStatus()).isEqualTo(DisabilityStatus.APPROVED);
        assertThatThrownBy(() -> disabilityCase.reject("重复", TODAY, NOW)).isInstanceOf(DisabilityCaseNotInStatus.class);
    }

    @Test
    void a_holiday_entered_after_the_posting_can_make_it_too_short_for_approval() {
        DisabilityCase disabilityCase = applied(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), null);
        disabilityCase.post(8, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 12), CALENDAR_2026, "x", NOW);
        Set<LocalDate> moreHolidays = new HashSet<>(Set.of(LocalDate.of(2026, 10, 12)));
        for (int day = 1; day <= 7; day++) {
            moreHolidays.add(LocalDate.of(2026, 10, day));
        }
        WorkingCalendar corrected = new WorkingCalendar(moreHolidays, Set.of(LocalDate.of(2026, 10, 10)));
        assertThatThrownBy(() -> disabilityCase.approve(LocalDate.of(2026, 10, 20), "福建省退役军人事务厅", "003",
                corrected, TODAY, NOW)).isInstanceOf(PostingTooShort.class);
    }

    @Test
    void a_reassessment_comes_no_sooner_than_a_year_after_the_approval() {
        DisabilityCase first = approved(LocalDate.of(2025, 3, 20));
        assertThatThrownBy(() -> first.reassess(null, LocalDate.of(2026, 3, 19), null, TODAY, "x", NOW))
                .isInstanceOf(ReassessmentTooSoon.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("appliedOn");
        DisabilityCase again = first.reassess(null, LocalDate.of(2026, 3, 20), null, TODAY, "x", NOW);
        assertThat(again.getInjuredOn()).isEqualTo(LocalDate.of(2024, 10, 10));
        assertThat(again.getStatus()).isEqualTo(DisabilityStatus.APPLIED);
        assertThat(first.reassessmentFrom()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void the_pension_runs_from_the_month_after_the_first_approval() {
        DisabilityCase approved = approved(LocalDate.of(2025, 3, 20));
        PensionPayment firstYear = PensionPayment.schedule(1L, approved, approved.getApprovedOn(), 2025,
                Money.of("29400.00"), "x", NOW);
        assertThat(firstYear.getMonths()).isEqualTo(9);
        assertThat(firstYear.getAmount()).isEqualTo(Money.of("22050.00"));
        PensionPayment fullYear = PensionPayment.schedule(1L, approved, approved.getApprovedOn(), 2026,
                Money.of("30300.00"), "x", NOW);
        assertThat(fullYear.getMonths()).isEqualTo(12);
        assertThat(fullYear.getAmount()).isEqualTo(Money.of("30300.00"));
        assertThat(fullYear.getGrade()).isEqualTo(7);
        assertThatThrownBy(() -> PensionPayment.schedule(1L, approved, approved.getApprovedOn(), 2024,
                Money.of("28000.00"), "x", NOW)).isInstanceOf(InvalidField.class);
        assertThat(PensionPayment.monthsOwed(LocalDate.of(2025, 12, 5), 2025)).isZero();
        assertThat(PensionPayment.monthsOwed(LocalDate.of(2025, 1, 31), 2025)).isEqualTo(11);
    }

    @Test
    void a_paid_pension_is_not_paid_twice() {
        DisabilityCase approved = approved(LocalDate.of(2025, 3, 20));
        PensionPayment pension = PensionPayment.schedule(1L, approved, approved.getApprovedOn(), 2026,
                Money.of("30300.00"), "x", NOW);
        assertThatThrownBy(() -> pension.paid(LocalDate.of(2026, 6, 26), null, null, TODAY, NOW))
                .isInstanceOf(InvalidField.class);
        pension.paid(LocalDate.of(2026, 6, 26), "晋江市退役军人事务局", "晋退役军人〔2026〕抚字 23 号", TODAY, NOW);
        assertThat(pension.getStatus()).isEqualTo(PensionStatus.PAID);
        assertThatThrownBy(() -> pension.paid(LocalDate.of(2026, 6, 27), "晋江市退役军人事务局", null, TODAY, NOW))
                .isInstanceOf(PensionNotScheduled.class);
        assertThatThrownBy(() -> pension.cancel("去世", NOW)).isInstanceOf(PensionNotScheduled.class);
    }
}

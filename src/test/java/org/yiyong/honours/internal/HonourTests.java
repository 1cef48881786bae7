package org.yiyong.honours.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;

/**
 * An honour's steps, without Spring: proposed, approved by someone else (or refused), granted with
 * its document, certificate and reward, and revoked; a step in the wrong stage is refused and changes
 * nothing.
 */
class HonourTests {

    private static final LocalDate PROPOSED_ON = LocalDate.of(2026, 10, 9);
    private static final Money REWARD = Money.of("20000.00");

    private static Honour proposed() {
        return new Honour(3L, 41L, 17L, "350582-2026-0017", "350582", HonourMode.INSTANT, "勇救落水儿童",
                "jinjiang-staff", PROPOSED_ON);
    }

    private static Honour approved() {
        Honour honour = proposed();
        honour.approve("city-staff", PROPOSED_ON.plusDays(2));
        return honour;
    }

    private static Honour granted() {
        Honour honour = approved();
        honour.grant(PROPOSED_ON.plusDays(5), "泉见表〔2026〕4号", "泉见证〔2026〕0004号", "K7Q2M9", REWARD);
        return honour;
    }

    private static HonourRuleBroken wrongStage(Honour honour, Runnable step) {
        HonourStatus before = honour.getStatus();
        HonourRuleBroken refused = catchThrowableOfType(HonourRuleBroken.class, step::run);
        assertThat(refused).as("refused at stage " + before).isNotNull();
        assertThat(refused.messageKey()).isEqualTo("honour.status.wrong");
        assertThat(honour.getStatus()).isEqualTo(before);
        return refused;
    }

    @Test
    void a_proposal_waits_for_approval_by_someone_other_than_its_proposer() {
        Honour honour = proposed();
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.PROPOSED);

        HonourRuleBroken own = catchThrowableOfType(HonourRuleBroken.class,
                () -> honour.approve("jinjiang-staff", PROPOSED_ON.plusDays(1)));
        assertThat(own.messageKey()).isEqualTo("honour.approve.own-proposal");
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.PROPOSED);
        assertThat(honour.getApprovedBy()).isNull();

        honour.approve("city-staff", PROPOSED_ON.plusDays(2));
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.APPROVED);
        assertThat(honour.getApprovedBy()).isEqualTo("city-staff");
        assertThat(honour.getApprovedOn()).isEqualTo(PROPOSED_ON.plusDays(2));
    }

    @Test
    void a_refused_proposal_keeps_its_reason_and_goes_no_further() {
        Honour honour = proposed();
        honour.refuse("city-staff", PROPOSED_ON.plusDays(1), "事迹不符合即时表彰条件");
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.REFUSED);
        assertThat(honour.getRefusalReason()).isEqualTo("事迹不符合即时表彰条件");

        wrongStage(honour, () -> honour.approve("leader", PROPOSED_ON.plusDays(2)));
        wrongStage(honour, () -> honour.grant(PROPOSED_ON.plusDays(3), "d", "c", "k", REWARD));
        wrongStage(honour, () -> honour.revoke(PROPOSED_ON.plusDays(3), "w", "d"));
    }

    @Test
    void a_grant_follows_the_approval_and_records_document_certificate_and_reward() {
        Honour unapproved = proposed();
        wrongStage(unapproved, () -> unapproved.grant(PROPOSED_ON.plusDays(5), "d", "c", "k", REWARD));

        Honour early = approved();
        InvalidField beforeApproval = catchThrowableOfType(InvalidField.class,
                () -> early.grant(PROPOSED_ON.plusDays(1), "d", "c", "k", REWARD));
        assertThat(beforeApproval.field()).isEqualTo("decidedOn");
        assertThat(beforeApproval.messageKey()).isEqualTo("honour.grant.before-approval");
        assertThat(early.getStatus()).isEqualTo(HonourStatus.APPROVED);

        Honour honour = granted();
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.GRANTED);
        assertThat(List.of(honour.getDocumentNumber(), honour.getCertificateNumber(), honour.getVerificationCode()))
                .containsExactly("泉见表〔2026〕4号", "泉见证〔2026〕0004号", "K7Q2M9");
        assertThat(honour.getRewardAmount()).isEqualByComparingTo(REWARD);
        assertThat(honour.getDecidedOn()).isEqualTo(PROPOSED_ON.plusDays(5));
        wrongStage(honour, () -> honour.grant(PROPOSED_ON.plusDays(6), "d", "c", "k", REWARD));
    }

    @Test
    void a_round_grants_a_proposal_in_one_step_with_its_granting_body_as_approver() {
        Honour honour = Honour.group(5L, 2L, 17L, "350582-2026-0017", "陈某某等3人", List.of(41L, 42L, 43L),
                "350582", "city-staff", PROPOSED_ON);
        honour.grantedInRound("泉州市人民政府", PROPOSED_ON.plusDays(30), "泉政文〔2026〕9号", "泉见证〔2026〕0010号",
                "R2D2C3", Money.of("30000.00"));
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.GRANTED);
        assertThat(honour.getRecipient()).isEqualTo(Recipient.GROUP);
        assertThat(honour.getMemberIds()).containsExactlyInAnyOrder(41L, 42L, 43L);
        assertThat(honour.getApprovedBy()).isEqualTo("泉州市人民政府");
        wrongStage(honour, () -> honour.grantedInRound("x", PROPOSED_ON.plusDays(31), "d", "c", "k", REWARD));
    }

    @Test
    void only_a_granted_honour_is_revoked_and_then_its_reward_is_not_due_again() {
        Honour approved = approved();
        wrongStage(approved, () -> approved.revoke(PROPOSED_ON.plusDays(9), "骗取荣誉", "泉见撤〔2026〕1号"));
        assertThat(approved.isRevoked()).isFalse();

        Honour honour = granted();
        honour.revoke(PROPOSED_ON.plusDays(40), "虚构事迹骗取荣誉", "泉见撤〔2026〕1号");
        assertThat(honour.getStatus()).isEqualTo(HonourStatus.REVOKED);
        assertThat(honour.isRevoked()).isTrue();
        assertThat(List.of(honour.getRevocationReason(), honour.getRevocationDocument()))
                .containsExactly("虚构事迹骗取荣誉", "泉见撤〔2026〕1号");
        assertThat(honour.getRevokedOn()).isEqualTo(PROPOSED_ON.plusDays(40));
        wrongStage(honour, () -> honour.revoke(PROPOSED_ON.plusDays(41), "again", "d"));
    }
}

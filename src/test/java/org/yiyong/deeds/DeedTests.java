package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.yiyong.deeds.internal.ActorWithoutRecommendation;
import org.yiyong.deeds.internal.ClockAlreadyPaused;
import org.yiyong.deeds.internal.ClockNotPaused;
import org.yiyong.deeds.internal.DeadlineAlreadyExtended;
import org.yiyong.deeds.internal.DeadlineRule;
import org.yiyong.deeds.internal.DecisionClock;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.DeedEvent;
import org.yiyong.deeds.internal.DeedHasNoActor;
import org.yiyong.deeds.internal.DeedNotInStatus;
import org.yiyong.deeds.internal.DeedRuleBroken;
import org.yiyong.deeds.internal.DeliveryMethod;
import org.yiyong.deeds.internal.ExtensionOutOfRange;
import org.yiyong.deeds.internal.FilingWindow;
import org.yiyong.deeds.internal.FilingWindowClosed;
import org.yiyong.deeds.internal.InvestigationRecord;
import org.yiyong.deeds.internal.NoticeNotOpen;
import org.yiyong.deeds.internal.NoticeStillRunning;
import org.yiyong.deeds.internal.Objection;
import org.yiyong.deeds.internal.ObjectionAlreadyResolved;
import org.yiyong.deeds.internal.ObjectionsUnresolved;
import org.yiyong.deeds.internal.Outcome;
import org.yiyong.deeds.internal.Participant;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.deeds.internal.ReviewRequest;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;

/**
 * The steps of a deed's case file, from receipt to closing, without Spring or a database: which stage
 * each step needs and leads to, what a step refuses (and with which message), and what it writes into
 * the timeline.
 */
class DeedTests {

    private static final String NUMBER = "泉晋见〔2026〕17号";
    /** Tuesday 15 December 2026, 10:00 in Quanzhou: every day of the case below lies before it. */
    private static final Instant NOW = Instant.parse("2026-12-15T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);
    private static final LocalDateTime ACT = LocalDateTime.of(2026, 10, 1, 15, 30);
    private static final FilingWindow WINDOW = new FilingWindow(1, 2);
    private static final int REVIEW_DAYS = 15;
    private static final String STAFF = "jinjiang-staff";

    /** The two people who pulled the boy out of the water, and the boy. */
    private static final long LIN = 11;
    private static final long CHEN = 12;
    private static final long BOY = 13;

    // ---- the case file at each stage ----

    private static Participant person(long id, ParticipantRole role, String name, String residentIdIndex) {
        Participant person = new Participant(role, name, residentIdIndex == null ? null
                : new Participant.ProtectedId("sm4:" + residentIdIndex, residentIdIndex, "350582********" + id),
                null, Harm.NONE, null);
        return persisted(person, id);
    }

    private static Deed received(LocalDateTime act, Participant... people) {
        DeedFacts facts = new DeedFacts(DeedCategory.RESCUE, DeedSource.POLICE_REFERRAL, null, act,
                "晋江市安海镇安平桥下", "救起落水儿童", "两人跳入水中救起一名落水儿童");
        return persisted(new Deed(NUMBER, "350582", facts, List.of(people), act.toLocalDate().plusDays(8),
                "anhai-station", NOW), 7L);
    }

    /** Lin and Chen acted (different people), the boy was saved. */
    private static Deed received() {
        return received(ACT, person(LIN, ParticipantRole.ACTOR, "林海", "index-lin"),
                person(CHEN, ParticipantRole.ACTOR, "陈涛", "index-chen"),
                person(BOY, ParticipantRole.BENEFICIARY, "黄小明", null));
    }

    /** Accepted on Monday 12 October 2026. */
    private static Deed accepted() {
        Deed deed = received();
        deed.accept(LocalDate.of(2026, 10, 12), TODAY, WINDOW, null, STAFF, NOW);
        return deed;
    }

    private static Deed investigating() {
        Deed deed = accepted();
        deed.assignInvestigation(7L, "王警官、李警官", null, STAFF, NOW);
        return deed;
    }

    private static Deed underReview() {
        Deed deed = investigating();
        deed.submitReport("查实两人跳水救人", Map.of(LIN, Recommendation.CONFIRM, CHEN, Recommendation.CONFIRM),
                Map.of(), LocalDate.of(2026, 10, 20), "police-7", NOW);
        return deed;
    }

    /** Outcomes proposed on 23 October: a refusal gets a reason. */
    private static Deed proposed(Recommendation lin, Recommendation chen) {
        Deed deed = underReview();
        deed.proposeOutcomes(Map.of(LIN, lin, CHEN, chen), Map.of(LIN, "系互殴", CHEN, "事发时未下水施救"),
                LocalDate.of(2026, 10, 23), STAFF, NOW);
        return deed;
    }

    /** On public notice from Monday 26 October to Sunday 1 November. */
    private static Deed inNotice(Recommendation lin, Recommendation chen) {
        Deed deed = proposed(lin, chen);
        deed.startNotice(LocalDate.of(2026, 10, 26), 7, STAFF, NOW);
        return deed;
    }

    private static Deed noticeClosed(Recommendation lin, Recommendation chen) {
        Deed deed = inNotice(lin, chen);
        deed.closeNotice(LocalDate.of(2026, 11, 2), STAFF, NOW);
        return deed;
    }

    /** Lin confirmed, Chen refused after he was heard; decided on 6 November. */
    private static Deed decided() {
        Deed deed = noticeClosed(Recommendation.CONFIRM, Recommendation.REFUSE);
        deed.notifyHearing(LocalDate.of(2026, 11, 2), "未下水施救", "《福建省见义勇为人员奖励和保护条例》第三条",
                LocalDate.of(2026, 11, 5), STAFF, NOW);
        deed.answerHearing(LocalDate.of(2026, 11, 3), "我在岸边递了竹竿", false, STAFF, NOW);
        deed.decide(LocalDate.of(2026, 11, 6), Map.of(LIN, Outcome.CONFIRMED, CHEN, Outcome.REFUSED),
                Map.of(CHEN, " 未实施救助行为 "), "晋见确〔2026〕9号", STAFF, NOW);
        return deed;
    }

    /** Delivered on Monday 9 November: a review may be asked until 24 November. */
    private static Deed delivered() {
        Deed deed = decided();
        deed.deliver(LocalDate.of(2026, 11, 9), DeliveryMethod.IN_PERSON, "林海", STAFF, NOW);
        return deed;
    }

    /**
     * Gives an entity the id the database gives it when the deed is saved. The deed names its people by
     * id in the outcome maps, and finds objections and review requests by id.
     */
    private static <T> T persisted(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> timeline(Deed deed) {
        return deed.getEvents().stream().map(DeedEvent::getKind).toList();
    }

    private static DeedEvent lastEvent(Deed deed) {
        List<DeedEvent> events = deed.getEvents();
        return events.get(events.size() - 1);
    }

    private static Participant actor(Deed deed, long id) {
        return deed.actors().stream().filter(person -> person.getId() == id).findFirst().orElseThrow();
    }

    /** The step is refused with the given exception and message key, and leaves the deed as it was. */
    private static <E extends DomainException> E refused(Deed deed, ThrowingCallable step, Class<E> type,
            String messageKey) {
        DeedStatus before = deed.getStatus();
        int events = deed.getEvents().size();
        E refusal = catchThrowableOfType(type, step);
        assertThat(refusal).as("the step is refused with %s", type.getSimpleName()).isNotNull();
        assertThat(refusal.messageKey()).isEqualTo(messageKey);
        assertThat(deed.getStatus()).isEqualTo(before);
        assertThat(deed.getEvents()).hasSize(events);
        return refusal;
    }

    /** Refused because the deed is at another stage, which the message names. */
    private static void refusedAtStage(Deed deed, ThrowingCallable step) {
        DeedNotInStatus refusal = refused(deed, step, DeedNotInStatus.class, "deed.status.wrong");
        assertThat(refusal.arguments()[0]).isEqualTo(NUMBER);
        assertThat(((MessageSourceResolvable) refusal.arguments()[1]).getCodes())
                .containsExactly("deed.status." + deed.getStatus().name());
    }

    private static <E extends InvalidField> void invalid(Deed deed, ThrowingCallable step, Class<E> type,
            String field, String messageKey) {
        assertThat(refused(deed, step, type, messageKey).field()).isEqualTo(field);
    }

    // ---- receipt and acceptance ----

    @Test
    void a_deed_is_received_with_its_people_and_no_decision_clock() {
        Deed deed = received();

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.RECEIVED);
        assertThat(deed.actors()).extracting(Participant::getName).containsExactly("林海", "陈涛");
        assertThat(deed.getParticipants()).hasSize(3);
        assertThat(deed.getReceivedOn()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(deed.decisionClock()).isEmpty();
        assertThat(timeline(deed)).containsExactly("RECEIVED");
        assertThat(lastEvent(deed).getActor()).isEqualTo("anhai-station");
        assertThat(lastEvent(deed).getOccurredAt()).isEqualTo(NOW);
    }

    @Test
    void acceptance_starts_the_decision_clock() {
        Deed deed = received();
        deed.accept(LocalDate.of(2026, 10, 12), TODAY, WINDOW, "  ", STAFF, NOW);

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.ACCEPTED);
        assertThat(deed.getAcceptedOn()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(deed.getLateFilingApproval()).as("a blank approval is no approval").isNull();
        assertThat(timeline(deed)).containsExactly("RECEIVED", "ACCEPTED");
        assertThat(lastEvent(deed).getActor()).isEqualTo(STAFF);
        DecisionClock clock = deed.decisionClock().orElseThrow();
        assertThat(clock.acceptedOn()).isEqualTo(LocalDate.of(2026, 10, 12));
        // 30 calendar days after Monday 12 October
        assertThat(clock.dueDate(DeadlineRule.standard(), WorkingCalendar.weekendsOnly()))
                .contains(LocalDate.of(2026, 11, 11));
    }

    @Test
    void a_deed_is_accepted_once_and_an_accepted_one_is_not_refused() {
        Deed deed = accepted();
        refusedAtStage(deed, () -> deed.accept(LocalDate.of(2026, 10, 13), TODAY, WINDOW, null, STAFF, NOW));
        refusedAtStage(deed, () -> deed.refuseToAccept("重复登记", STAFF, NOW));
        assertThat(deed.getNotAcceptedReason()).isNull();
    }

    @Test
    void a_deed_without_anyone_who_acted_is_not_accepted() {
        Deed deed = received(ACT, person(BOY, ParticipantRole.BENEFICIARY, "黄小明", null),
                person(21, ParticipantRole.WITNESS, "周大爷", null));
        invalid(deed, () -> deed.accept(LocalDate.of(2026, 10, 12), TODAY, WINDOW, null, STAFF, NOW), DeedHasNoActor.class,
                "participants", "deed.actor.missing");
        assertThat(deed.getAcceptedOn()).isNull();
    }

    @Test
    void acceptance_is_dated_between_the_act_and_today() {
        Deed deed = received();
        invalid(deed, () -> deed.accept(LocalDate.of(2026, 9, 30), TODAY, WINDOW, null, STAFF, NOW), InvalidField.class,
                "acceptedOn", "deed.accept.date-range");
        invalid(deed, () -> deed.accept(TODAY.plusDays(1), TODAY, WINDOW, null, STAFF, NOW), InvalidField.class,
                "acceptedOn", "deed.accept.date-range");

        deed.accept(TODAY, TODAY, WINDOW, null, STAFF, NOW);
        assertThat(deed.getAcceptedOn()).isEqualTo(TODAY);
    }

    @Test
    void an_act_over_a_year_ago_is_accepted_only_with_an_approval_and_never_after_two_years() {
        Deed late = received(LocalDateTime.of(2025, 8, 1, 9, 0), person(LIN, ParticipantRole.ACTOR, "林海", null));
        invalid(late, () -> late.accept(TODAY, TODAY, WINDOW, null, STAFF, NOW), FilingWindowClosed.class,
                "lateFilingApproval", "deed.filing.needs-approval");

        late.accept(TODAY, TODAY, WINDOW, " 泉见协〔2026〕3号 ", STAFF, NOW);
        assertThat(late.getStatus()).isEqualTo(DeedStatus.ACCEPTED);
        assertThat(late.getLateFilingApproval()).isEqualTo("泉见协〔2026〕3号");
        assertThat(lastEvent(late).getKind()).isEqualTo("ACCEPTED");
        assertThat(lastEvent(late).getDetail()).isEqualTo("泉见协〔2026〕3号");

        Deed tooLate = received(LocalDateTime.of(2024, 12, 14, 9, 0),
                person(LIN, ParticipantRole.ACTOR, "林海", null));
        invalid(tooLate, () -> tooLate.accept(TODAY, TODAY, WINDOW, "泉见协〔2026〕4号", STAFF, NOW),
                FilingWindowClosed.class, "lateFilingApproval", "deed.filing.too-late");
    }

    @Test
    void a_deed_not_accepted_keeps_its_reason_and_goes_no_further() {
        Deed deed = received();
        deed.refuseToAccept("不属于见义勇为范围", STAFF, NOW);

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.NOT_ACCEPTED);
        assertThat(deed.getNotAcceptedReason()).isEqualTo("不属于见义勇为范围");
        assertThat(timeline(deed)).containsExactly("RECEIVED", "NOT_ACCEPTED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("不属于见义勇为范围");

        refusedAtStage(deed, () -> deed.accept(LocalDate.of(2026, 10, 12), TODAY, WINDOW, null, STAFF, NOW));
        refusedAtStage(deed, () -> deed.assignInvestigation(7L, "王警官", null, STAFF, NOW));
        refusedAtStage(deed, () -> deed.mergeLead("QZ-LEAD-1", STAFF, NOW));
        refusedAtStage(deed, () -> deed.requestDocuments(LocalDate.of(2026, 10, 12), "身份证明", STAFF, NOW));
    }

    // ---- investigation and review ----

    @Test
    void an_investigation_is_assigned_after_acceptance_and_its_records_kept() {
        Deed received = received();
        refusedAtStage(received, () -> received.assignInvestigation(7L, "王警官", null, STAFF, NOW));

        Deed deed = accepted();
        refusedAtStage(deed, () -> deed.recordInvestigation(InvestigationRecord.Kind.INTERVIEW,
                LocalDate.of(2026, 10, 14), "询问笔录", "police-7", NOW));
        deed.assignInvestigation(7L, "王警官、李警官", null, STAFF, NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.INVESTIGATING);
        assertThat(deed.getInvestigatingOrganizationId()).isEqualTo(7L);
        assertThat(deed.getInvestigators()).isEqualTo("王警官、李警官");

        deed.recordInvestigation(InvestigationRecord.Kind.INTERVIEW, LocalDate.of(2026, 10, 14), "询问笔录",
                "police-7", NOW);
        assertThat(deed.getInvestigationRecords()).hasSize(1);
        assertThat(timeline(deed)).containsExactly("RECEIVED", "ACCEPTED", "INVESTIGATION_ASSIGNED",
                "INVESTIGATION_RECORDED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("INTERVIEW");
        assertThat(lastEvent(deed).getActor()).isEqualTo("police-7");
    }

    @Test
    void the_report_recommends_for_every_actor_and_gives_the_reason_of_a_refusal() {
        Deed deed = investigating();
        ActorWithoutRecommendation missing = refused(deed, () -> deed.submitReport("查实",
                Map.of(LIN, Recommendation.CONFIRM), Map.of(), LocalDate.of(2026, 10, 20), "police-7", NOW),
                ActorWithoutRecommendation.class, "deed.report.recommendation-missing");
        assertThat(missing.arguments()).containsExactly("陈涛");
        ActorWithoutRecommendation unexplained = refused(deed, () -> deed.submitReport("查实",
                Map.of(LIN, Recommendation.CONFIRM, CHEN, Recommendation.REFUSE), Map.of(CHEN, " "),
                LocalDate.of(2026, 10, 20), "police-7", NOW),
                ActorWithoutRecommendation.class, "deed.report.reason-missing");
        assertThat(unexplained.arguments()).containsExactly("陈涛");
        assertThat(actor(deed, LIN).getRecommendation()).as("a refused report changes nobody").isNull();

        deed.submitReport("查实林海下水救人", Map.of(LIN, Recommendation.CONFIRM, CHEN, Recommendation.REFUSE),
                Map.of(CHEN, " 仅在岸边围观 "), LocalDate.of(2026, 10, 20), "police-7", NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.UNDER_REVIEW);
        assertThat(deed.getReportedOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(deed.getReportSummary()).isEqualTo("查实林海下水救人");
        assertThat(actor(deed, LIN).getRecommendation()).isEqualTo(Recommendation.CONFIRM);
        assertThat(actor(deed, LIN).getRecommendationReason()).isNull();
        assertThat(actor(deed, CHEN).getRecommendation()).isEqualTo(Recommendation.REFUSE);
        assertThat(actor(deed, CHEN).getRecommendationReason()).isEqualTo("仅在岸边围观");
        assertThat(lastEvent(deed).getKind()).isEqualTo("INVESTIGATION_REPORTED");

        refusedAtStage(deed, () -> deed.submitReport("再报", Map.of(LIN, Recommendation.CONFIRM,
                CHEN, Recommendation.CONFIRM), Map.of(), LocalDate.of(2026, 10, 21), "police-7", NOW));
    }

    @Test
    void reviewers_give_opinions_while_the_deed_is_under_review_only() {
        Deed investigating = investigating();
        refusedAtStage(investigating, () -> investigating.recordOpinion("评审委员甲", "同意", NOW));

        Deed deed = underReview();
        deed.recordOpinion("评审委员甲", "同意确认", NOW);
        assertThat(deed.getOpinions()).hasSize(1);
        assertThat(lastEvent(deed).getKind()).isEqualTo("REVIEW_OPINION");
        assertThat(lastEvent(deed).getActor()).isEqualTo("评审委员甲");
    }

    @Test
    void proposed_confirmations_wait_for_the_public_notice() {
        Deed deed = underReview();
        assertThat(deed.isReadyForNotice()).as("nothing is proposed yet").isFalse();
        refusedAtStage(deed, () -> deed.startNotice(LocalDate.of(2026, 10, 26), 7, STAFF, NOW));
        ActorWithoutRecommendation missing = refused(deed, () -> deed.proposeOutcomes(
                Map.of(CHEN, Recommendation.CONFIRM), Map.of(), LocalDate.of(2026, 10, 23), STAFF, NOW),
                ActorWithoutRecommendation.class, "deed.review.outcome-missing");
        assertThat(missing.arguments()).containsExactly("林海");
        refused(deed, () -> deed.proposeOutcomes(Map.of(LIN, Recommendation.CONFIRM, CHEN, Recommendation.REFUSE),
                Map.of(), LocalDate.of(2026, 10, 23), STAFF, NOW),
                ActorWithoutRecommendation.class, "deed.report.reason-missing");

        deed.proposeOutcomes(Map.of(LIN, Recommendation.CONFIRM, CHEN, Recommendation.REFUSE),
                Map.of(CHEN, "未下水"), LocalDate.of(2026, 10, 23), STAFF, NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.UNDER_REVIEW);
        assertThat(deed.isReadyForNotice()).isTrue();
        assertThat(deed.getProposedOn()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(actor(deed, LIN).getProposedOutcome()).isEqualTo(Recommendation.CONFIRM);
        assertThat(actor(deed, CHEN).getProposedOutcome()).isEqualTo(Recommendation.REFUSE);
        assertThat(actor(deed, CHEN).getProposedReason()).isEqualTo("未下水");
        assertThat(lastEvent(deed).getKind()).isEqualTo("OUTCOMES_PROPOSED");
    }

    @Test
    void when_every_actor_is_to_be_refused_the_applicant_is_heard_instead_of_a_notice() {
        Deed deed = underReview();
        deed.proposeOutcomes(Map.of(LIN, Recommendation.REFUSE, CHEN, Recommendation.REFUSE),
                Map.of(LIN, "系互殴", CHEN, "系互殴"), LocalDate.of(2026, 10, 23), STAFF, NOW);

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.HEARING);
        assertThat(deed.isReadyForNotice()).isFalse();
        refusedAtStage(deed, () -> deed.startNotice(LocalDate.of(2026, 10, 26), 7, STAFF, NOW));
    }

    // ---- public notice ----

    @Test
    void the_notice_runs_for_its_days_counting_the_first() {
        Deed deed = proposed(Recommendation.CONFIRM, Recommendation.CONFIRM);
        deed.startNotice(LocalDate.of(2026, 10, 26), 7, STAFF, NOW);

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.IN_NOTICE);
        assertThat(deed.getNoticeStart()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(deed.getNoticeEnd()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(lastEvent(deed).getKind()).isEqualTo("NOTICE_STARTED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("2026-10-26 – 2026-11-01");
        refusedAtStage(deed, () -> deed.startNotice(LocalDate.of(2026, 10, 27), 7, STAFF, NOW));
    }

    @Test
    void objections_are_taken_only_while_the_notice_runs() {
        Deed proposed = proposed(Recommendation.CONFIRM, Recommendation.CONFIRM);
        refused(proposed, () -> proposed.object(LocalDate.of(2026, 10, 26), "张某", null, "有异议", NOW),
                NoticeNotOpen.class, "deed.notice.not-open");

        Deed deed = inNotice(Recommendation.CONFIRM, Recommendation.CONFIRM);
        refused(deed, () -> deed.object(LocalDate.of(2026, 10, 25), "张某", null, "有异议", NOW),
                NoticeNotOpen.class, "deed.notice.not-open");
        refused(deed, () -> deed.object(LocalDate.of(2026, 11, 2), "张某", null, "有异议", NOW),
                NoticeNotOpen.class, "deed.notice.not-open");

        Objection first = deed.object(LocalDate.of(2026, 10, 26), "张某", "13900000000", "陈涛当时不在现场", NOW);
        Objection last = deed.object(LocalDate.of(2026, 11, 1), "李某", null, "另有一人参与", NOW);
        assertThat(deed.getObjections()).containsExactly(first, last);
        assertThat(first.isResolved()).isFalse();
        assertThat(first.getContent()).isEqualTo("陈涛当时不在现场");
        assertThat(lastEvent(deed).getKind()).isEqualTo("OBJECTION_RECEIVED");
        assertThat(lastEvent(deed).getActor()).isEqualTo("public");
        assertThat(lastEvent(deed).getDetail()).as("the timeline does not repeat what the public wrote").isNull();
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.IN_NOTICE);
    }

    @Test
    void the_notice_closes_after_its_last_day_once_every_objection_is_resolved() {
        Deed deed = inNotice(Recommendation.CONFIRM, Recommendation.CONFIRM);
        Objection objection = persisted(deed.object(LocalDate.of(2026, 10, 28), "张某", null, "陈涛当时不在现场", NOW),
                31L);

        NoticeStillRunning running = refused(deed, () -> deed.closeNotice(LocalDate.of(2026, 11, 1), STAFF, NOW),
                NoticeStillRunning.class, "deed.notice.still-running");
        assertThat(running.arguments()).containsExactly(NUMBER, "2026-11-01");
        refused(deed, () -> deed.closeNotice(LocalDate.of(2026, 11, 2), STAFF, NOW), ObjectionsUnresolved.class,
                "deed.notice.objections-unresolved");

        deed.resolveObjection(31L, "经核实陈涛在现场施救", STAFF, NOW);
        assertThat(objection.isResolved()).isTrue();
        assertThat(objection.getResolution()).isEqualTo("经核实陈涛在现场施救");
        assertThat(objection.getResolvedBy()).isEqualTo(STAFF);
        assertThat(lastEvent(deed).getKind()).isEqualTo("OBJECTION_RESOLVED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("经核实陈涛在现场施救");
        refused(deed, () -> deed.resolveObjection(31L, "改写", STAFF, NOW), ObjectionAlreadyResolved.class,
                "deed.objection.already-resolved");
        assertThat(objection.getResolution()).as("a resolution stays as it was written")
                .isEqualTo("经核实陈涛在现场施救");

        deed.closeNotice(LocalDate.of(2026, 11, 2), STAFF, NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.NOTICE_CLOSED);
        assertThat(timeline(deed)).endsWith("NOTICE_STARTED", "OBJECTION_RECEIVED", "OBJECTION_RESOLVED",
                "NOTICE_CLOSED");
        refusedAtStage(deed, () -> deed.closeNotice(LocalDate.of(2026, 11, 3), STAFF, NOW));
    }

    @Test
    void a_notice_with_a_proposed_refusal_left_closes_into_the_hearing() {
        Deed deed = noticeClosed(Recommendation.CONFIRM, Recommendation.REFUSE);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.HEARING);
        assertThat(deed.getHearing()).as("the hearing notice is a step of its own").isNull();
    }

    // ---- hearing and decision ----

    @Test
    void the_hearing_is_notified_once_not_before_the_notice_ended_and_answered_once() {
        Deed review = underReview();
        refusedAtStage(review, () -> review.notifyHearing(LocalDate.of(2026, 10, 24), "未下水", "条例第三条",
                LocalDate.of(2026, 10, 27), STAFF, NOW));

        Deed deed = noticeClosed(Recommendation.CONFIRM, Recommendation.REFUSE);
        refused(deed, () -> deed.answerHearing(LocalDate.of(2026, 11, 3), "说明", false, STAFF, NOW),
                DeedRuleBroken.class, "deed.hearing.not-notified");
        InvalidField early = catchThrowableOfType(InvalidField.class, () -> deed.notifyHearing(
                LocalDate.of(2026, 10, 31), "未下水", "条例第三条", LocalDate.of(2026, 11, 3), STAFF, NOW));
        assertThat(early.field()).isEqualTo("notifiedOn");
        assertThat(early.messageKey()).isEqualTo("deed.date.not-before");
        assertThat(early.arguments()).containsExactly("2026-11-01");

        deed.notifyHearing(LocalDate.of(2026, 11, 2), "未下水施救", "条例第三条", LocalDate.of(2026, 11, 5), STAFF,
                NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.HEARING);
        assertThat(deed.getHearing().getResponseDue()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(lastEvent(deed).getKind()).isEqualTo("HEARING_NOTIFIED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("未下水施救");
        refused(deed, () -> deed.notifyHearing(LocalDate.of(2026, 11, 3), "再次", "条例第三条",
                LocalDate.of(2026, 11, 6), STAFF, NOW), DeedRuleBroken.class, "deed.hearing.already-notified");
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.answerHearing(LocalDate.of(2026, 11, 1),
                "说明", false, STAFF, NOW)).field()).isEqualTo("answeredOn");

        deed.answerHearing(LocalDate.of(2026, 11, 4), null, true, STAFF, NOW);
        assertThat(deed.getHearing().isWaived()).isTrue();
        assertThat(deed.getHearing().isOverOn(LocalDate.of(2026, 11, 4))).isTrue();
        assertThat(lastEvent(deed).getKind()).isEqualTo("HEARING_ANSWERED");
        refused(deed, () -> deed.answerHearing(LocalDate.of(2026, 11, 5), "补充", false, STAFF, NOW),
                DeedRuleBroken.class, "deed.hearing.already-answered");
    }

    @Test
    void the_decision_confirms_and_refuses_each_actor() {
        Deed deed = decided();

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.DECIDED);
        assertThat(deed.getDecisionNumber()).isEqualTo("晋见确〔2026〕9号");
        assertThat(deed.getDecidedOn()).isEqualTo(LocalDate.of(2026, 11, 6));
        assertThat(deed.getDecidedBy()).isEqualTo(STAFF);
        assertThat(actor(deed, LIN).getOutcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(actor(deed, LIN).getOutcomeReason()).isNull();
        assertThat(actor(deed, CHEN).getOutcome()).isEqualTo(Outcome.REFUSED);
        assertThat(actor(deed, CHEN).getOutcomeReason()).isEqualTo("未实施救助行为");
        assertThat(deed.confirmedActors()).extracting(Participant::getName).containsExactly("林海");
        assertThat(timeline(deed)).containsExactly("RECEIVED", "ACCEPTED", "INVESTIGATION_ASSIGNED",
                "INVESTIGATION_REPORTED", "OUTCOMES_PROPOSED", "NOTICE_STARTED", "NOTICE_CLOSED",
                "HEARING_NOTIFIED", "HEARING_ANSWERED", "DECIDED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("晋见确〔2026〕9号");

        refusedAtStage(deed, () -> deed.decide(LocalDate.of(2026, 11, 7), Map.of(LIN, Outcome.CONFIRMED,
                CHEN, Outcome.CONFIRMED), Map.of(), "晋见确〔2026〕10号", STAFF, NOW));
    }

    @Test
    void a_confirmation_needs_the_person_to_have_been_on_the_public_notice() {
        // Chen was proposed for refusal, so the notice did not show him
        Deed deed = noticeClosed(Recommendation.CONFIRM, Recommendation.REFUSE);
        DeedRuleBroken notShown = refused(deed, () -> deed.decide(LocalDate.of(2026, 11, 6),
                Map.of(LIN, Outcome.CONFIRMED, CHEN, Outcome.CONFIRMED), Map.of(), "晋见确〔2026〕9号", STAFF, NOW),
                DeedRuleBroken.class, "deed.decision.notice-first");
        assertThat(notShown.arguments()).containsExactly("陈涛");

        // nobody was on a notice when every actor was to be refused
        Deed noNotice = proposed(Recommendation.REFUSE, Recommendation.REFUSE);
        noNotice.notifyHearing(LocalDate.of(2026, 10, 24), "系互殴", "条例第三条", LocalDate.of(2026, 10, 27), STAFF,
                NOW);
        noNotice.answerHearing(LocalDate.of(2026, 10, 25), "并非互殴", false, STAFF, NOW);
        refused(noNotice, () -> noNotice.decide(LocalDate.of(2026, 10, 28), Map.of(LIN, Outcome.CONFIRMED,
                CHEN, Outcome.REFUSED), Map.of(CHEN, "系互殴"), "晋见确〔2026〕9号", STAFF, NOW),
                DeedRuleBroken.class, "deed.decision.notice-first");

        noNotice.decide(LocalDate.of(2026, 10, 28), Map.of(LIN, Outcome.REFUSED, CHEN, Outcome.REFUSED),
                Map.of(LIN, "系互殴", CHEN, "系互殴"), "晋见不确〔2026〕2号", STAFF, NOW);
        assertThat(noNotice.getStatus()).isEqualTo(DeedStatus.DECIDED);
        assertThat(noNotice.confirmedActors()).isEmpty();
    }

    @Test
    void a_refusal_waits_until_the_hearing_is_over() {
        // everyone was on the notice; the bureau now means to refuse Lin
        Deed deed = noticeClosed(Recommendation.CONFIRM, Recommendation.CONFIRM);
        Map<Long, Outcome> outcomes = Map.of(LIN, Outcome.REFUSED, CHEN, Outcome.CONFIRMED);
        Map<Long, String> reasons = Map.of(LIN, "未实施救助行为");
        DeedRuleBroken unheard = refused(deed, () -> deed.decide(LocalDate.of(2026, 11, 6), outcomes, reasons,
                "晋见确〔2026〕9号", STAFF, NOW), DeedRuleBroken.class, "deed.decision.hearing-first");
        assertThat(unheard.arguments()).containsExactly("林海");

        deed.notifyHearing(LocalDate.of(2026, 11, 2), "未实施救助行为", "条例第三条", LocalDate.of(2026, 11, 5), STAFF,
                NOW);
        refused(deed, () -> deed.decide(LocalDate.of(2026, 11, 5), outcomes, reasons, "晋见确〔2026〕9号", STAFF, NOW),
                DeedRuleBroken.class, "deed.decision.hearing-first");
        refused(deed, () -> deed.decide(LocalDate.of(2026, 11, 6), outcomes, Map.of(), "晋见确〔2026〕9号", STAFF,
                NOW), ActorWithoutRecommendation.class, "deed.report.reason-missing");

        // no answer came, and the day to answer has passed
        deed.decide(LocalDate.of(2026, 11, 6), outcomes, reasons, "晋见确〔2026〕9号", STAFF, NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.DECIDED);
        assertThat(deed.confirmedActors()).extracting(Participant::getName).containsExactly("陈涛");
    }

    @Test
    void a_decision_names_an_outcome_for_every_actor_and_comes_after_the_notice() {
        Deed deed = noticeClosed(Recommendation.CONFIRM, Recommendation.CONFIRM);
        ActorWithoutRecommendation missing = refused(deed, () -> deed.decide(LocalDate.of(2026, 11, 6),
                Map.of(LIN, Outcome.CONFIRMED), Map.of(), "晋见确〔2026〕9号", STAFF, NOW),
                ActorWithoutRecommendation.class, "deed.decision.outcome-missing");
        assertThat(missing.arguments()).containsExactly("陈涛");
        InvalidField early = catchThrowableOfType(InvalidField.class, () -> deed.decide(LocalDate.of(2026, 11, 1),
                Map.of(LIN, Outcome.CONFIRMED, CHEN, Outcome.CONFIRMED), Map.of(), "晋见确〔2026〕9号", STAFF, NOW));
        assertThat(early.field()).isEqualTo("decidedOn");
        assertThat(early.arguments()).containsExactly("2026-11-02");
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.NOTICE_CLOSED);
        assertThat(actor(deed, LIN).getOutcome()).as("a refused decision decides nobody").isNull();
    }

    @Test
    void nobody_is_confirmed_twice_for_the_same_act() {
        // the same resident ID number entered twice as an actor
        Deed deed = received(ACT, person(LIN, ParticipantRole.ACTOR, "林海", "index-lin"),
                person(CHEN, ParticipantRole.ACTOR, "林 海", "index-lin"));
        deed.accept(LocalDate.of(2026, 10, 12), TODAY, WINDOW, null, STAFF, NOW);
        deed.assignInvestigation(7L, "王警官", null, STAFF, NOW);
        Map<Long, Recommendation> confirm = Map.of(LIN, Recommendation.CONFIRM, CHEN, Recommendation.CONFIRM);
        deed.submitReport("查实", confirm, Map.of(), LocalDate.of(2026, 10, 20), "police-7", NOW);
        deed.proposeOutcomes(confirm, Map.of(), LocalDate.of(2026, 10, 23), STAFF, NOW);
        deed.startNotice(LocalDate.of(2026, 10, 26), 7, STAFF, NOW);
        deed.closeNotice(LocalDate.of(2026, 11, 2), STAFF, NOW);

        DeedRuleBroken twice = refused(deed, () -> deed.decide(LocalDate.of(2026, 11, 6),
                Map.of(LIN, Outcome.CONFIRMED, CHEN, Outcome.CONFIRMED), Map.of(), "晋见确〔2026〕9号", STAFF, NOW),
                DeedRuleBroken.class, "deed.decision.confirmed-twice");
        assertThat(twice.arguments()).containsExactly("林 海");
    }

    // ---- delivery, review and closing ----

    @Test
    void the_decision_is_delivered_and_the_review_period_starts() {
        Deed closed = noticeClosed(Recommendation.CONFIRM, Recommendation.CONFIRM);
        refusedAtStage(closed, () -> closed.deliver(LocalDate.of(2026, 11, 9), DeliveryMethod.POST, "林海", STAFF,
                NOW));
        assertThat(closed.reviewDeadline(REVIEW_DAYS)).isNull();

        Deed deed = decided();
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.deliver(LocalDate.of(2026, 11, 5),
                DeliveryMethod.POST, "林海", STAFF, NOW)).field()).isEqualTo("deliveredOn");
        deed.deliver(LocalDate.of(2026, 11, 9), DeliveryMethod.POST, "林海", STAFF, NOW);

        assertThat(deed.getStatus()).isEqualTo(DeedStatus.DELIVERED);
        assertThat(deed.getDeliveredOn()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(deed.getDeliveryMethod()).isEqualTo(DeliveryMethod.POST);
        assertThat(deed.getDeliveredTo()).isEqualTo("林海");
        assertThat(deed.reviewDeadline(REVIEW_DAYS)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(lastEvent(deed).getKind()).isEqualTo("DELIVERED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("林海");
        refusedAtStage(deed, () -> deed.deliver(LocalDate.of(2026, 11, 10), DeliveryMethod.POST, "林海", STAFF,
                NOW));
    }

    @Test
    void a_review_is_asked_within_the_period_and_one_challenge_at_a_time() {
        Deed decided = decided();
        refusedAtStage(decided, () -> decided.requestReview(ReviewRequest.Kind.REVIEW, LocalDate.of(2026, 11, 7),
                "陈涛", "我参与了施救", REVIEW_DAYS, STAFF, NOW));

        Deed deed = delivered();
        DeedRuleBroken late = refused(deed, () -> deed.requestReview(ReviewRequest.Kind.REVIEW,
                LocalDate.of(2026, 11, 25), "陈涛", "我参与了施救", REVIEW_DAYS, STAFF, NOW),
                DeedRuleBroken.class, "deed.review.too-late");
        assertThat(late.arguments()).containsExactly(NUMBER, "2026-11-24");
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.requestReview(ReviewRequest.Kind.REVIEW,
                LocalDate.of(2026, 11, 8), "陈涛", "我参与了施救", REVIEW_DAYS, STAFF, NOW)).field())
                .isEqualTo("requestedOn");

        ReviewRequest request = deed.requestReview(ReviewRequest.Kind.REVIEW, LocalDate.of(2026, 11, 24), "陈涛",
                "我参与了施救", REVIEW_DAYS, STAFF, NOW);
        assertThat(request.isOpen()).isTrue();
        assertThat(deed.getReviewRequests()).containsExactly(request);
        assertThat(deed.getStatus()).as("a review leaves the decision delivered").isEqualTo(DeedStatus.DELIVERED);
        assertThat(lastEvent(deed).getKind()).isEqualTo("REVIEW_REQUESTED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("REVIEW");

        refused(deed, () -> deed.requestReview(ReviewRequest.Kind.RECONSIDERATION, LocalDate.of(2026, 11, 24), "陈涛",
                "行政复议", REVIEW_DAYS, STAFF, NOW), DeedRuleBroken.class, "deed.review.open-request");
        refused(deed, () -> deed.close(LocalDate.of(2026, 12, 1), REVIEW_DAYS, STAFF, NOW), DeedRuleBroken.class,
                "deed.review.open-request");
    }

    @Test
    void a_changed_review_confirms_refused_actors() {
        Deed deed = delivered();
        persisted(deed.requestReview(ReviewRequest.Kind.REVIEW, LocalDate.of(2026, 11, 20), "陈涛", "我参与了施救",
                REVIEW_DAYS, STAFF, NOW), 41L);

        invalid(deed, () -> deed.concludeReview(41L, ReviewRequest.Result.CHANGED, LocalDate.of(2026, 12, 1), null,
                Set.of(LIN), "city-staff", NOW), InvalidField.class, "nowConfirmed", "deed.review.not-refused");
        invalid(deed, () -> deed.concludeReview(41L, ReviewRequest.Result.UPHELD, LocalDate.of(2026, 12, 1), null,
                Set.of(CHEN), "city-staff", NOW), InvalidField.class, "nowConfirmed",
                "deed.review.upheld-changes-nothing");
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.concludeReview(41L,
                ReviewRequest.Result.CHANGED, LocalDate.of(2026, 11, 19), null, Set.of(CHEN), "city-staff", NOW))
                .field()).isEqualTo("outcomeOn");
        assertThat(actor(deed, CHEN).getOutcome()).isEqualTo(Outcome.REFUSED);

        List<Participant> changed = deed.concludeReview(41L, ReviewRequest.Result.CHANGED, LocalDate.of(2026, 12, 1),
                "现场视频证实陈涛递竹竿施救", Set.of(CHEN), "city-staff", NOW);

        assertThat(changed).extracting(Participant::getName).containsExactly("陈涛");
        assertThat(actor(deed, CHEN).getOutcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(actor(deed, CHEN).getOutcomeReason()).isNull();
        assertThat(deed.confirmedActors()).extracting(Participant::getName).containsExactly("林海", "陈涛");
        ReviewRequest request = deed.getReviewRequests().get(0);
        assertThat(request.isOpen()).isFalse();
        assertThat(request.getOutcome()).isEqualTo(ReviewRequest.Result.CHANGED);
        assertThat(request.getOutcomeOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(lastEvent(deed).getKind()).isEqualTo("REVIEW_CONCLUDED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("CHANGED · 现场视频证实陈涛递竹竿施救");
        assertThat(lastEvent(deed).getActor()).isEqualTo("city-staff");

        refused(deed, () -> deed.concludeReview(41L, ReviewRequest.Result.UPHELD, LocalDate.of(2026, 12, 2), null,
                Set.of(), "city-staff", NOW), DeedRuleBroken.class, "deed.review.concluded");
    }

    @Test
    void an_upheld_review_changes_nobody_and_lets_the_case_close() {
        Deed deed = delivered();
        persisted(deed.requestReview(ReviewRequest.Kind.REVIEW, LocalDate.of(2026, 11, 12), "陈涛", "我参与了施救",
                REVIEW_DAYS, STAFF, NOW), 42L);
        List<Participant> changed = deed.concludeReview(42L, ReviewRequest.Result.UPHELD, LocalDate.of(2026, 11, 20),
                null, Set.of(), "city-staff", NOW);

        assertThat(changed).isEmpty();
        assertThat(actor(deed, CHEN).getOutcome()).isEqualTo(Outcome.REFUSED);
        assertThat(lastEvent(deed).getDetail()).isEqualTo("UPHELD");
        // the review period (to 24 November) need not be waited out once a review has been decided
        deed.close(LocalDate.of(2026, 11, 20), REVIEW_DAYS, STAFF, NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.CLOSED);
    }

    @Test
    void a_case_closes_after_the_review_period_and_then_only_reconsideration_or_lawsuit_remain() {
        Deed decided = decided();
        refusedAtStage(decided, () -> decided.close(LocalDate.of(2026, 12, 1), REVIEW_DAYS, STAFF, NOW));

        Deed deed = delivered();
        DeedRuleBroken early = refused(deed, () -> deed.close(LocalDate.of(2026, 11, 24), REVIEW_DAYS, STAFF, NOW),
                DeedRuleBroken.class, "deed.close.review-period");
        assertThat(early.arguments()).containsExactly(NUMBER, "2026-11-24");

        deed.close(LocalDate.of(2026, 11, 25), REVIEW_DAYS, STAFF, NOW);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.CLOSED);
        assertThat(deed.getClosedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(lastEvent(deed).getKind()).isEqualTo("CLOSED");
        refusedAtStage(deed, () -> deed.close(LocalDate.of(2026, 11, 26), REVIEW_DAYS, STAFF, NOW));
        refusedAtStage(deed, () -> deed.requestReview(ReviewRequest.Kind.REVIEW, LocalDate.of(2026, 11, 24), "陈涛",
                "我参与了施救", REVIEW_DAYS, STAFF, NOW));
        refusedAtStage(deed, () -> deed.mergeLead("QZ-LEAD-2", STAFF, NOW));

        ReviewRequest lawsuit = deed.requestReview(ReviewRequest.Kind.LITIGATION, LocalDate.of(2026, 12, 10), "陈涛",
                "起诉撤销不予确认决定", REVIEW_DAYS, STAFF, NOW);
        assertThat(lawsuit.getKind()).isEqualTo(ReviewRequest.Kind.LITIGATION);
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.CLOSED);
        assertThat(lastEvent(deed).getDetail()).isEqualTo("LITIGATION");
    }

    // ---- the decision clock ----

    @Test
    void the_deadline_is_extended_once_within_what_the_rule_allows() {
        Deed received = received();
        refusedAtStage(received, () -> received.extendDeadline(20, "案情复杂", "王局长", DeadlineRule.standard(), STAFF,
                NOW));

        Deed deed = investigating();
        invalid(deed, () -> deed.extendDeadline(31, "案情复杂", "王局长", DeadlineRule.standard(), STAFF, NOW),
                ExtensionOutOfRange.class, "days", "deed.deadline.extension-range");
        invalid(deed, () -> deed.extendDeadline(0, "案情复杂", "王局长", DeadlineRule.standard(), STAFF, NOW),
                ExtensionOutOfRange.class, "days", "deed.deadline.extension-range");
        assertThat(deed.getExtensionDays()).isZero();

        deed.extendDeadline(20, "需异地调查取证", "王局长", DeadlineRule.standard(), STAFF, NOW);
        assertThat(deed.getExtensionDays()).isEqualTo(20);
        assertThat(deed.getExtensionReason()).isEqualTo("需异地调查取证");
        assertThat(deed.getExtensionApprovedBy()).isEqualTo("王局长");
        assertThat(deed.decisionClock().orElseThrow().dueDate(DeadlineRule.standard(), WorkingCalendar.weekendsOnly()))
                .contains(LocalDate.of(2026, 12, 1));
        assertThat(lastEvent(deed).getKind()).isEqualTo("DEADLINE_EXTENDED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("20 · 需异地调查取证 · 王局长");
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.INVESTIGATING);

        refused(deed, () -> deed.extendDeadline(5, "再延", "王局长", DeadlineRule.standard(), STAFF, NOW),
                DeadlineAlreadyExtended.class, "deed.deadline.already-extended");
        assertThat(deed.getExtensionDays()).isEqualTo(20);
    }

    @Test
    void a_decided_deed_has_no_running_clock_to_extend_or_pause() {
        Deed deed = decided();
        refusedAtStage(deed, () -> deed.extendDeadline(10, "案情复杂", "王局长", DeadlineRule.standard(), STAFF, NOW));
        refusedAtStage(deed, () -> deed.requestDocuments(LocalDate.of(2026, 11, 7), "身份证明", STAFF, NOW));
        refusedAtStage(deed, () -> deed.documentsArrived(LocalDate.of(2026, 11, 8), STAFF, NOW));
    }

    @Test
    void documents_asked_of_the_applicant_stop_the_clock_until_they_arrive() {
        Deed deed = accepted();
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.requestDocuments(LocalDate.of(2026, 10, 11),
                "医院诊断证明", STAFF, NOW)).field()).isEqualTo("requestedOn");
        refused(deed, () -> deed.documentsArrived(LocalDate.of(2026, 10, 20), STAFF, NOW), ClockNotPaused.class,
                "deed.deadline.not-paused");

        deed.requestDocuments(LocalDate.of(2026, 10, 20), "医院诊断证明", STAFF, NOW);
        DecisionClock paused = deed.decisionClock().orElseThrow();
        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.dueDate(DeadlineRule.standard(), WorkingCalendar.weekendsOnly()))
                .as("the due date is not known while the clock stands").isEmpty();
        assertThat(deed.getDocumentRequests()).singleElement().satisfies(request -> {
            assertThat(request.getPausedOn()).isEqualTo(LocalDate.of(2026, 10, 20));
            assertThat(request.getRequestedDocuments()).isEqualTo("医院诊断证明");
            assertThat(request.isOpen()).isTrue();
        });
        assertThat(lastEvent(deed).getKind()).isEqualTo("DOCUMENTS_REQUESTED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("医院诊断证明");
        refused(deed, () -> deed.requestDocuments(LocalDate.of(2026, 10, 21), "户籍证明", STAFF, NOW),
                ClockAlreadyPaused.class, "deed.deadline.already-paused");
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.documentsArrived(LocalDate.of(2026, 10, 19),
                STAFF, NOW)).field()).isEqualTo("arrivedOn");

        deed.documentsArrived(LocalDate.of(2026, 10, 25), STAFF, NOW);
        assertThat(deed.getDocumentRequests().get(0).getResumedOn()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(lastEvent(deed).getKind()).isEqualTo("DOCUMENTS_ARRIVED");
        // 21 to 25 October do not count: the due date moves from 11 to 16 November
        assertThat(deed.decisionClock().orElseThrow().dueDate(DeadlineRule.standard(), WorkingCalendar.weekendsOnly()))
                .contains(LocalDate.of(2026, 11, 16));
        assertThat(deed.getStatus()).as("a pause is not a stage").isEqualTo(DeedStatus.ACCEPTED);

        // the clock can stop again later, not before it restarted
        assertThat(catchThrowableOfType(InvalidField.class, () -> deed.requestDocuments(LocalDate.of(2026, 10, 24),
                "户籍证明", STAFF, NOW)).field()).isEqualTo("requestedOn");
        deed.requestDocuments(LocalDate.of(2026, 10, 27), "户籍证明", STAFF, NOW);
        assertThat(deed.getDocumentRequests()).hasSize(2);
        assertThat(deed.decisionClock().orElseThrow().pauses()).hasSize(2);
    }

    @Test
    void a_public_lead_about_the_same_act_joins_the_timeline_while_the_case_is_open() {
        Deed deed = investigating();
        deed.mergeLead("QZ-LEAD-7", STAFF, NOW);
        assertThat(lastEvent(deed).getKind()).isEqualTo("LEAD_MERGED");
        assertThat(lastEvent(deed).getDetail()).isEqualTo("QZ-LEAD-7");
        assertThat(deed.getStatus()).isEqualTo(DeedStatus.INVESTIGATING);
    }
}

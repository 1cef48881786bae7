package org.yiyong.deeds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.Platform.DemoData;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.DeadlineProperties;
import org.yiyong.deeds.Deed;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedNumbers;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.Deeds;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.InvestigationRecord;
import org.yiyong.deeds.Recommendation;
import org.yiyong.organization.Organizations;
import org.yiyong.deeds.NominatorKind;
import org.yiyong.deeds.Participant;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.ResidentId;

/**
 * Cases a new installation opens with, dated relative to the day it first starts: received, under
 * investigation (overdue), in public notice, and one refused for being filed too late. The people are
 * invented.
 */
@Component
@Order(30)
class DemoDeeds implements ApplicationRunner {

    private final Deeds deeds;
    private final Organizations organizations;
    private final DeedNumbers numbers;
    private final FieldCipher cipher;
    private final DeadlineProperties rules;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Clock clock;

    DemoDeeds(Deeds deeds, Organizations organizations, DeedNumbers numbers, FieldCipher cipher,
            DeadlineProperties rules, AuditTrail audit, TransactionTemplate transactions, DemoData demoData,
            Clock clock) {
        this.deeds = deeds;
        this.organizations = organizations;
        this.numbers = numbers;
        this.cipher = cipher;
        this.rules = rules;
        this.audit = audit;
        this.transactions = transactions;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || deeds.count() > 0) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> load());
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            // the other node loaded them
        }
    }

    private void load() {
        LocalDate today = LocalDate.now(clock);

        Deed robbery = deed("350582", today.minusDays(47).atTime(19, 40), DeedCategory.OFFENCE_AGAINST_PERSONS,
                DeedSource.NOMINATION, NominatorKind.BENEFICIARY_PERSON, "晋江市青阳街道青华路菜市场东侧",
                "徒手制服持刀抢劫嫌疑人",
                "傍晚，一名男子持刀抢夺摊主王某的挎包。在附近经营五金店的施建成闻声追赶二百余米，徒手将其制服并"
                        + "扭送至青阳派出所，左手被划伤缝合七针。",
                today.minusDays(45), "jinjiang-staff",
                person(ParticipantRole.ACTOR, "施建成", "35058219780412", Harm.INJURED),
                person(ParticipantRole.BENEFICIARY, "王秀兰", "35058219650923", Harm.NONE),
                person(ParticipantRole.SUSPECT, "刘某", null, Harm.NONE));
        robbery.accept(today.minusDays(40), rules.filingWindow(), null, "jinjiang-staff", clock.instant());
        robbery.assignInvestigation(organizations.findByCode("JJ-PS-QY").orElseThrow().getId(), "民警 黄志坚、辅警 蔡明",
                "jinjiang-staff", clock.instant());
        robbery.recordInvestigation(InvestigationRecord.Kind.INTERVIEW, today.minusDays(38),
                "询问受害人王秀兰，陈述与举荐材料一致。", "investigator-jinjiang", clock.instant());
        robbery.recordInvestigation(InvestigationRecord.Kind.MEDICAL_RECORD, today.minusDays(37),
                "晋江市医院急诊病历：左手掌切割伤，清创缝合七针。", "investigator-jinjiang", clock.instant());

        deed("350583", today.minusDays(13).atTime(2, 15), DeedCategory.RESCUE, DeedSource.POLICE_REFERRAL, null,
                "南安市水头镇朴里村", "深夜冲入火场救出被困老人",
                "凌晨民房起火，邻居黄志明发现后冲入浓烟，将行动不便的八旬老人背出。消防救援到场时明火已蔓延至二楼。",
                today.minusDays(12), "nanan-staff",
                person(ParticipantRole.ACTOR, "黄志明", "35058319860207", Harm.NONE),
                person(ParticipantRole.BENEFICIARY, "黄阿婆", null, Harm.NONE));

        Deed theft = deed("350581", today.minusDays(86).atTime(14, 5), DeedCategory.CATCHING_SUSPECTS,
                DeedSource.SELF_APPLICATION, null, "石狮市湖滨街道服装城", "协助民警抓获盗窃嫌疑人",
                "商户李文斌发现一名男子盗窃电动车，一路尾随并报警，配合赶到的民警将其抓获，追回被盗车辆三辆。",
                today.minusDays(80), "city-staff",
                person(ParticipantRole.ACTOR, "李文斌", "35058119900716", Harm.NONE),
                person(ParticipantRole.APPLICANT, "李文斌", "35058119900716", Harm.NONE));
        theft.accept(today.minusDays(78), rules.filingWindow(), null, "city-staff", clock.instant());
        deeds.saveAndFlush(theft);
        Participant theftActor = theft.actors().get(0);
        theft.assignInvestigation(organizations.findByCode("SS-PS-HB").orElseThrow().getId(), "民警 李建新",
                "city-staff", clock.instant());
        theft.recordInvestigation(InvestigationRecord.Kind.POLICE_REPORT, today.minusDays(75),
                "湖滨派出所接警记录及抓获经过说明。", "city-staff", clock.instant());
        theft.submitReport("事实清楚，证据确实充分。", Map.of(theftActor.getId(), Recommendation.CONFIRM), Map.of(),
                today.minusDays(60), "city-staff", clock.instant());
        theft.recordOpinion("committee-1", "同意确认李文斌同志见义勇为行为。", clock.instant());
        theft.proposeOutcomes(Map.of(theftActor.getId(), Recommendation.CONFIRM), Map.of(), today.minusDays(5),
                "city-staff", clock.instant());
        theft.startNotice(today.minusDays(2), rules.noticeDays(), "city-staff", clock.instant());

        deed("350582", today.minusDays(3).atTime(16, 50), DeedCategory.RESCUE, DeedSource.NOMINATION,
                NominatorKind.UNIT_AT_SCENE, "晋江市深沪镇海滨浴场", "合力救起被离岸流卷走的游客",
                "两名游客被离岸流卷离岸边，渔民洪伟、许国强驾小艇出海，将二人救回。浴场管理处举荐。",
                today.minusDays(2), "jinjiang-staff",
                person(ParticipantRole.ACTOR, "洪伟", "35058219820330", Harm.NONE),
                person(ParticipantRole.ACTOR, "许国强", "35058219750808", Harm.NONE),
                person(ParticipantRole.BENEFICIARY, "游客张某", null, Harm.NONE));

        Deed old = deed("350502", today.minusYears(2).minusMonths(3).atTime(10, 0), DeedCategory.OTHER,
                DeedSource.RELATIVE_APPLICATION, null, "泉州市鲤城区中山路", "拦下失控三轮车",
                "申请人称其父两年多前在中山路拦下一辆失控的三轮车，避免撞伤行人。",
                today.minusDays(20), "city-staff",
                person(ParticipantRole.ACTOR, "陈金水", "35050219560101", Harm.NONE),
                person(ParticipantRole.APPLICANT, "陈志远", "35050219830517", Harm.NONE));
        old.refuseToAccept("行为发生已超过两年申报期限（超过市级批准可延长的期限），依规不予受理。", "city-staff",
                clock.instant());
    }

    private Deed deed(String region, LocalDateTime when, DeedCategory category, DeedSource source,
            NominatorKind nominator, String address, String title, String narrative, LocalDate receivedOn,
            String by, Participant... people) {
        Deed deed = deeds.save(new Deed(numbers.next(region, when.getYear()), region,
                new DeedFacts(category, source, nominator, when, address, title, narrative),
                new ArrayList<>(List.of(people)), receivedOn, by, clock.instant()));
        audit.record(AuditRecord.of(AuditAction.CREATE, "Deed", deed.getId()).withDetail("demo deed"));
        return deed;
    }

    private Participant person(ParticipantRole role, String name, String first14, Harm harm) {
        Participant.ProtectedId id = null;
        if (first14 != null) {
            String number = ResidentId.withCheckDigit(first14 + "123");
            id = new Participant.ProtectedId(cipher.encrypt(number), cipher.blindIndex(number),
                    ResidentId.parse(number).masked());
        }
        return new Participant(role, name, id, null, harm, null);
    }
}

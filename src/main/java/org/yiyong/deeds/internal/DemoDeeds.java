package org.yiyong.deeds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.internal.DeadlineProperties;
import org.yiyong.deeds.internal.DecisionLetters;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.DeedNumbers;
import org.yiyong.deeds.internal.Deeds;
import org.yiyong.deeds.internal.DeliveryMethod;
import org.yiyong.deeds.internal.InvestigationRecord;
import org.yiyong.deeds.internal.NominatorKind;
import org.yiyong.deeds.internal.Outcome;
import org.yiyong.deeds.internal.Participant;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.Regions;
import org.yiyong.platform.Platform.DemoData;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.ResidentId;

/**
 * Cases a new installation opens with, dated relative to the day it first starts, one or more in every
 * status: received, accepted, under investigation (overdue), under review, in public notice, notice
 * closed, in a hearing, decided (with its letter), delivered, closed, and one refused for being filed too
 * late. The people are invented.
 */
@Component
@Order(30)
class DemoDeeds implements ApplicationRunner {

    /** The county bureaus that propose and decide the demo deeds (Art. 6), and their demo users. */
    private static final Map<String, String> BUREAUS = Map.of("350582", "JJ-PSB", "350583", "NA-PSB",
            "350581", "SS-PSB", "350521", "HA-PSB");
    private static final Map<String, String> BUREAU_USERS = Map.of("350582", "jinjiang-police",
            "350583", "nanan-police", "350581", "shishi-police", "350521", "huian-police");


    private final Deeds deeds;
    private final OrganizationManagement organizations;
    private final DeedNumbers numbers;
    private final FieldCipher cipher;
    private final DeadlineProperties rules;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final DecisionLetters letters;
    private final Regions regions;
    private final Clock clock;

    DemoDeeds(Deeds deeds, OrganizationManagement organizations, DeedNumbers numbers, FieldCipher cipher,
            DeadlineProperties rules, AuditTrail audit, TransactionTemplate transactions, DemoData demoData,
            DecisionLetters letters, Regions regions, Clock clock) {
        this.letters = letters;
        this.regions = regions;
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
            // the other node loaded them; if not, say why there are none
            org.slf4j.LoggerFactory.getLogger(DemoDeeds.class).warn("Demo deeds not loaded here: {}",
                    anotherNodeWasFaster.getMostSpecificCause().getMessage());
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
        robbery.accept(today.minusDays(40), today, rules.filingWindow(), null, "jinjiang-staff", clock.instant());
        robbery.assignInvestigation(organizations.findByCode("JJ-PS-QY").orElseThrow().id(), "民警 黄志坚、辅警 蔡明",
                "investigator-jinjiang", "jinjiang-staff", clock.instant());
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
        theft.accept(today.minusDays(78), today, rules.filingWindow(), null, "city-staff", clock.instant());
        deeds.saveAndFlush(theft);
        Participant theftActor = theft.actors().get(0);
        theft.assignInvestigation(organizations.findByCode("SS-PS-HB").orElseThrow().id(), "民警 李建新", null,
                "city-staff", clock.instant());
        theft.recordInvestigation(InvestigationRecord.Kind.POLICE_REPORT, today.minusDays(75),
                "湖滨派出所接警记录及抓获经过说明。", "city-staff", clock.instant());
        theft.submitReport("事实清楚，证据确实充分。", Map.of(theftActor.getId(), Recommendation.CONFIRM), Map.of(),
                today.minusDays(60), "city-staff", clock.instant());
        theft.recordOpinion("committee-1", "同意确认李文斌同志见义勇为行为。", clock.instant());
        theft.proposeOutcomes(Map.of(theftActor.getId(), Recommendation.CONFIRM), Map.of(), today.minusDays(5),
                BUREAU_USERS.get("350581"), clock.instant());
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

        Deed flood = deed("350524", today.minusDays(6).atTime(5, 30), DeedCategory.RESCUE, DeedSource.NOMINATION,
                NominatorKind.COMMUNITY_COMMITTEE, "安溪县湖头镇湖二村溪边", "山洪中转移被困村民",
                "暴雨引发山洪，村民林清河蹚水往返三趟，把被困在低洼处的五位老人背到高处。村委会举荐。",
                today.minusDays(5), "city-staff",
                person(ParticipantRole.ACTOR, "林清河", "35052419770915", Harm.NONE),
                person(ParticipantRole.NOMINATOR, "湖二村村民委员会", null, Harm.NONE));
        flood.accept(today.minusDays(3), today, rules.filingWindow(), null, "city-staff", clock.instant());

        Deed snatch = investigated("350503", today.minusDays(27).atTime(20, 10), DeedCategory.OFFENCE_AGAINST_PERSONS,
                DeedSource.NOMINATION, NominatorKind.BENEFICIARY_PERSON, "泉州市丰泽区东海街道泉州湾商场门口",
                "追回被抢夺的手机", "一名男子抢夺路人手机后逃跑，外卖骑手郑少锋骑车追赶，在路口将其拦下，协助民警抓获。",
                today.minusDays(25), today.minusDays(24), "FZ-PSB", "民警 郑伟", today.minusDays(6),
                person(ParticipantRole.ACTOR, "郑少锋", "35050319950604", Harm.NONE),
                person(ParticipantRole.BENEFICIARY, "陈雅婷", null, Harm.NONE));
        snatch.recordOpinion("committee-1", "事实清楚，建议确认，请补充商场监控截图后提交审议。", clock.instant());

        Deed child = proposed(investigated("350521", today.minusDays(30).atTime(16, 20), DeedCategory.RESCUE,
                DeedSource.NOMINATION, NominatorKind.WITNESS, "惠安县崇武镇半月湾沙滩", "跳海救起落水儿童",
                "一名儿童被浪卷入深水区，游客骆永平跳入海中将其托出水面，岸上群众接力救上岸。",
                today.minusDays(28), today.minusDays(27), "HA-PSB", "民警 骆", today.minusDays(15),
                person(ParticipantRole.ACTOR, "骆永平", "35052119810226", Harm.NONE),
                person(ParticipantRole.WITNESS, "曾丽娟", null, Harm.NONE)), today.minusDays(12), Map.of());
        child.startNotice(today.minusDays(10), rules.noticeDays(), "city-staff", clock.instant());
        child.closeNotice(today.minusDays(3), "city-staff", clock.instant());

        Deed fight = investigated("350583", today.minusDays(32).atTime(22, 40), DeedCategory.OFFENCE_AGAINST_PERSONS,
                DeedSource.SELF_APPLICATION, null, "南安市溪美街道成功街夜市", "制止酒后持械滋事",
                "夜市一男子酒后持啤酒瓶伤人，摊主傅建新上前夺下酒瓶并将其控制，另一申请人苏某称其也参与了制止。",
                today.minusDays(30), today.minusDays(29), "NA-PSB", "民警 傅", today.minusDays(20),
                person(ParticipantRole.ACTOR, "傅建新", "35058319790723", Harm.INJURED),
                person(ParticipantRole.ACTOR, "苏振宇", "35058319920114", Harm.NONE),
                person(ParticipantRole.APPLICANT, "苏振宇", "35058319920114", Harm.NONE));
        Participant refused = fight.actors().get(1);
        proposed(fight, today.minusDays(17), Map.of(refused.getId(), "监控显示事发时其在十米外观望，未参与制止。"));
        fight.startNotice(today.minusDays(12), rules.noticeDays(), "nanan-staff", clock.instant());
        fight.closeNotice(today.minusDays(5), "nanan-staff", clock.instant());
        fight.notifyHearing(today.minusDays(1), "经调取夜市监控，事发时苏振宇在十米外观望，未参与制止，拟不予确认。",
                "《福建省见义勇为人员奖励和保护条例》第三条", today.minusDays(1).plusDays(rules.hearingDays()),
                "nanan-staff", clock.instant());

        decided(proposed(investigated("350582", today.minusDays(50).atTime(23, 10), DeedCategory.RESCUE,
                DeedSource.NOMINATION, NominatorKind.COMMUNITY_COMMITTEE, "晋江市梅岭街道桂山社区车棚",
                "扑灭电动车火灾救出被困住户", "深夜车棚电动车起火，保安丁国梁用灭火器扑救并逐户敲门，疏散楼上十余户居民，吸入浓烟住院两天。",
                today.minusDays(48), today.minusDays(47), "JJ-PS-QY", "民警 丁、辅警 许", today.minusDays(30),
                person(ParticipantRole.ACTOR, "丁国梁", "35058219700505", Harm.INJURED),
                person(ParticipantRole.NOMINATOR, "桂山社区居民委员会", null, Harm.NONE)), today.minusDays(25), Map.of()),
                today.minusDays(20), today.minusDays(2), "350582");

        Deed delivered = decided(proposed(investigated("350581", today.minusDays(70).atTime(11, 0),
                DeedCategory.CATCHING_SUSPECTS, DeedSource.NOMINATION, NominatorKind.MEDIA, "石狮市宝盖镇塘后村",
                "协助抓获入室盗窃嫌疑人", "村民蔡志勇发现陌生人翻窗入户，与邻居一起堵住出口并报警，协助民警将嫌疑人抓获。石狮日报报道后举荐。",
                today.minusDays(66), today.minusDays(65), "SS-PS-HB", "民警 蔡", today.minusDays(45),
                person(ParticipantRole.ACTOR, "蔡志勇", "35058119880118", Harm.NONE),
                person(ParticipantRole.NOMINATOR, "石狮日报社", null, Harm.NONE)), today.minusDays(40), Map.of()),
                today.minusDays(35), today.minusDays(10), "350581");
        delivered.deliver(today.minusDays(8), DeliveryMethod.IN_PERSON, "蔡志勇", "city-staff", clock.instant());

        Deed closed = decided(proposed(investigated("350582", today.minusDays(150).atTime(7, 45), DeedCategory.RESCUE,
                DeedSource.POLICE_REFERRAL, null, "晋江市池店镇九十九溪", "跳入溪中救起落水母子",
                "一辆电动车连人带车滑入溪中，路过的货车司机庄文彬跳入水中，先后救起母子二人。",
                today.minusDays(148), today.minusDays(147), "JJ-PS-QY", "民警 庄", today.minusDays(125),
                person(ParticipantRole.ACTOR, "庄文彬", "35058219830919", Harm.NONE),
                person(ParticipantRole.BENEFICIARY, "黄某某", null, Harm.NONE)), today.minusDays(120), Map.of()),
                today.minusDays(115), today.minusDays(100), "350582");
        closed.deliver(today.minusDays(98), DeliveryMethod.IN_PERSON, "庄文彬", "jinjiang-staff", clock.instant());
        closed.close(today.minusDays(80), rules.reviewDays(), "jinjiang-staff", clock.instant());
    }

    /** Received, accepted, investigated by the given organization and reported with a confirmation per actor. */
    private Deed investigated(String region, LocalDateTime when, DeedCategory category, DeedSource source,
            NominatorKind nominator, String address, String title, String narrative, LocalDate receivedOn,
            LocalDate acceptedOn, String organization, String investigators, LocalDate reportedOn,
            Participant... people) {
        Deed deed = deed(region, when, category, source, nominator, address, title, narrative, receivedOn,
                "city-staff", people);
        deed.accept(acceptedOn, LocalDate.now(clock), rules.filingWindow(), null, "city-staff", clock.instant());
        deeds.saveAndFlush(deed);
        deed.assignInvestigation(organizations.findByCode(organization).orElseThrow().id(), investigators, null,
                "city-staff", clock.instant());
        deed.recordInvestigation(InvestigationRecord.Kind.WITNESS_STATEMENT, acceptedOn.plusDays(2),
                "现场目击者证言，与举荐材料所述经过一致。", "city-staff", clock.instant());
        Map<Long, Recommendation> recommendations = new java.util.HashMap<>();
        deed.actors().forEach(actor -> recommendations.put(actor.getId(), Recommendation.CONFIRM));
        deed.submitReport("事实清楚，证据确实充分，建议确认。", recommendations, Map.of(), reportedOn, "city-staff",
                clock.instant());
        return deed;
    }

    /** The review proposes to confirm every actor except those given with a reason for refusal. */
    private Deed proposed(Deed deed, LocalDate on, Map<Long, String> refusals) {
        deed.recordOpinion("committee-1", refusals.isEmpty() ? "同意调查意见，建议予以确认。" : "同意部分确认。",
                clock.instant());
        Map<Long, Recommendation> outcomes = new java.util.HashMap<>();
        deed.actors().forEach(actor -> outcomes.put(actor.getId(),
                refusals.containsKey(actor.getId()) ? Recommendation.REFUSE : Recommendation.CONFIRM));
        deed.proposeOutcomes(outcomes, refusals, on, BUREAU_USERS.get(deed.getRegionCode()), clock.instant());
        return deed;
    }

    /** Noticed from {@code noticeStart}, then every actor confirmed on {@code decidedOn}, with the letter issued. */
    private Deed decided(Deed deed, LocalDate noticeStart, LocalDate decidedOn, String region) {
        deed.startNotice(noticeStart, rules.noticeDays(), "city-staff", clock.instant());
        deed.closeNotice(noticeStart.plusDays(rules.noticeDays()), "city-staff", clock.instant());
        Map<Long, Outcome> outcomes = new java.util.HashMap<>();
        deed.actors().forEach(actor -> outcomes.put(actor.getId(), Outcome.CONFIRMED));
        String signer = BUREAU_USERS.get(region);
        deed.decide(decidedOn, outcomes, Map.of(), letters.nextNumber(region, decidedOn.getYear()), signer,
                clock.instant());
        deeds.saveAndFlush(deed); // the registry of samaritans takes the confirmed people in once this commits
        var bureau = organizations.findByCode(BUREAUS.get(region)).orElseThrow();
        CurrentUser bureauStaff = new CurrentUser(0L, signer, signer, bureau.id(), bureau.name(),
                region, regions.nameOf(region), regions.scopeOf(region), Set.of(Role.COUNTY_STAFF));
        letters.issue(bureauStaff, deed);
        return deed;
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

package org.yiyong.leads.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
import org.yiyong.deeds.DeedFilter;
import org.yiyong.deeds.DeedQueries;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.deeds.DeedSummary;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.NewDeed;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.LeadAcceptance;
import org.yiyong.leads.internal.LeadTriage;
import org.yiyong.leads.internal.Leads;
import org.yiyong.leads.internal.NewLead;
import org.yiyong.leads.internal.PublicLeads;
import org.yiyong.leads.internal.TrackingCode;
import org.yiyong.platform.Platform.DemoData;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.shared.PageRequest;

/**
 * Leads a new installation opens with, dated relative to the day it first starts: new ones in Fengze
 * and Jinjiang, one being checked, one not taken up, one merged into the Nan'an demo deed and one
 * taken up as a new deed in Hui'an. The decisions go through {@link LeadTriage} as the demo staff who
 * would have made them, so the deeds, timelines and audit trail agree. The people are invented.
 */
@Component
@Order(40)
class DemoLeads implements ApplicationRunner {

    private final Leads leads;
    private final LeadTriage triage;
    private final DeedQueries deeds;
    private final DemoSeeding demo;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    DemoLeads(Leads leads, LeadTriage triage, DeedQueries deeds, DemoSeeding demo, AuditTrail audit,
            TransactionTemplate transactions, DemoData demoData, Clock clock, YiyongProperties platform) {
        this.leads = leads;
        this.triage = triage;
        this.deeds = deeds;
        this.demo = demo;
        this.audit = audit;
        this.transactions = transactions;
        this.demoData = demoData;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || leads.count() > 0) {
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

        lead("350503", today.minusDays(2), LocalTime.of(7, 30), "丰泽区东湖公园北门人工湖边",
                "前天早上七点半左右，我在东湖公园晨练，看到一个小男孩追皮球掉进了人工湖。一位穿蓝色运动服、五十岁"
                        + "左右的男子马上跳下去，把孩子托上了岸，孩子没事。他自己衣服全湿了，没留名字就走了。希望能找到"
                        + "这位好心人，给他表扬。",
                "救人的男子：约五十岁，个子较高，穿蓝色运动服；落水的孩子约六岁", null, null, 2);

        lead("350582", today.minusDays(1), null, "晋江市青阳街道万达广场南侧公交站",
                "昨天下午有人在公交站抢了一位阿姨的手机就跑，一位外卖小哥骑车追了两条街把人拦住，和路人一起把他"
                        + "按住，等派出所民警到了才离开。外卖小哥的手臂擦伤了。",
                "外卖骑手（穿黄色工作服）；被抢的阿姨姓苏", "林女士", "13859912345", 1);

        Lead pond = lead("350582", today.minusDays(5), LocalTime.of(21, 10), "晋江市磁灶镇大埔村村口池塘",
                "晚上九点多，邻居家的老人骑电动三轮车掉进路边池塘，村民张建华和他儿子张伟跳下水把老人救了上来，"
                        + "又打了120。老人现在已经出院了。",
                "张建华、张伟（父子）；落水老人姓吴", "吴志明", "13905951234", 4);
        demo.act("jinjiang-staff", me -> triage.takeUp(me, pond.getId()));

        // told to the Anhai work station's staff by a neighbour who came in, and registered there for him
        demo.act("anhai-station", me -> lead(me, "350582", today.minusDays(3), LocalTime.of(18, 20),
                "晋江市安海镇安平桥东侧水心亭附近",
                "前天傍晚有个小孩在安平桥边玩，不小心滑进了水里。桥头卖海蛎煎的许大哥听到喊声，连鞋都没脱就跳下去"
                        + "把孩子抱上来，又帮着孩子家长给孩子换了干衣服。许大哥说这是应该的，不让声张。",
                "救人的许姓摊主，四十多岁，在安平桥东头摆摊；落水孩子约八岁", "陈阿伯", "13805951122", 2));

        Lead video = lead("350583", today.minusDays(9), null, "南安市官桥镇（具体地点不清楚）",
                "在抖音上看到一个视频，说是南安有人跳进河里救了一个小孩，不知道具体是哪里，麻烦核实一下，"
                        + "如果是真的应该表扬。",
                null, null, null, 8);
        demo.act("nanan-staff", me -> triage.reject(me, video.getId(),
                "经核实，视频中的事件发生在外省，不属于本市管辖，已将线索转告当地见义勇为协会。感谢您的关注！"));

        demo.act("nanan-staff", me -> deeds.search(me.scope(),
                new DeedFilter(null, DeedStatus.RECEIVED, null, "350583"), new PageRequest(0, 1))
                .items().stream().findFirst().ifPresent(deed -> mergeIntoFire(me, deed)));

        Lead beach = lead("350521", today.minusDays(20), LocalTime.of(16, 40), "惠安县崇武镇半月湾海滩",
                "下午有两名游客在半月湾游泳时被浪卷走，附近的渔民陈阿水驾着小船冲出去，把两个人都救了回来。"
                        + "当时风浪很大，非常危险。",
                "渔民陈阿水，约六十岁，住崇武镇大岞村", "惠女士", "0595-87681234", 19);
        demo.act("city-staff", me -> triage.accept(me, beach.getId(), new LeadAcceptance(DeedCategory.RESCUE,
                "驾船出海救起两名被浪卷走的游客", beach.occurredAt(), beach.getAddress(), beach.getNarrative(),
                List.of(new NewDeed.NewParticipant(ParticipantRole.ACTOR, "陈阿水", null, null, Harm.NONE),
                        new NewDeed.NewParticipant(ParticipantRole.BENEFICIARY, "游客（二人）", null, null, Harm.NONE)),
                true)));
    }

    private void mergeIntoFire(CurrentUser me, DeedSummary deed) {
        Lead fire = lead(deed.regionCode(), deed.occurredAt().toLocalDate(), deed.occurredAt().toLocalTime(),
                "南安市水头镇朴里村",
                "凌晨两点多村里一栋民房着火，邻居冲进去把楼上八十多岁的阿婆背了出来，他自己被烟呛得很厉害。"
                        + "这样的好人应该表扬。",
                "救人的是隔壁的黄志明", "黄先生", "13600595678",
                (int) java.time.temporal.ChronoUnit.DAYS.between(deed.occurredAt().toLocalDate(),
                        LocalDate.now(clock)) - 1);
        triage.merge(me, fire.getId(), deed.number());
    }

    private Lead lead(String region, LocalDate on, LocalTime at, String address, String narrative, String people,
            String reporter, String phone, int daysAgoReceived) {
        return lead(null, region, on, at, address, narrative, people, reporter, phone, daysAgoReceived);
    }

    /** A lead from the portal, or, when {@code staff} is given, one that staff member registered for its reporter. */
    private Lead lead(CurrentUser staff, String region, LocalDate on, LocalTime at, String address, String narrative,
            String people, String reporter, String phone, int daysAgoReceived) {
        String code = TrackingCode.random(random);
        LocalDate receivedOn = LocalDate.now(clock).minusDays(Math.max(0, daysAgoReceived));
        NewLead told = new NewLead(region, on, at, address, narrative, people, reporter, phone,
                phone != null && phone.startsWith("1"));
        var receivedAt = receivedOn.atTime(9, 15).atZone(zone).toInstant();
        Lead lead = leads.saveAndFlush(staff == null ? new Lead(code, told, receivedAt)
                : Lead.reportedBy(code, told, receivedAt, staff.username(), staff.organizationId()));
        audit.record(AuditRecord.of(AuditAction.CREATE, LeadTriage.ENTITY, lead.getId()).withDetail("demo lead")
                .byActor(staff == null ? PublicLeads.PUBLIC_ACTOR : staff.username()));
        return lead;
    }
}

package org.yiyong.publicity.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.honours.GrantedHonours;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.Consents;
import org.yiyong.publicity.OpenAccounts;
import org.yiyong.samaritans.SamaritanDirectory;

/**
 * The demo portal: 蔡文龙 consented to the honour roll and to stories, and the family of 黄清水, who died saving two
 * children, to his page on the roll; both are on it. 郑丽华 did not consent, and is not. Published: 蔡文龙's story, the news of the 2023 ceremony and of last awareness day, and the law
 * pages; a news draft and a story in review show the workflow. Last year's open account of the city association
 * is published. Runs after the honours and the funds.
 */
@Component
@Order(120)
class DemoPublicity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPublicity.class);

    private final DemoSeeding demo;
    private final Consents consents;
    private final Articles articles;
    private final OpenAccounts accounts;
    private final SamaritanDirectory people;
    private final GrantedHonours honours;
    private final JdbcClient jdbc;

    DemoPublicity(DemoSeeding demo, Consents consents, Articles articles, OpenAccounts accounts,
            SamaritanDirectory people, GrantedHonours honours, JdbcClient jdbc) {
        this.demo = demo;
        this.consents = consents;
        this.articles = articles;
        this.accounts = accounts;
        this.people = people;
        this.honours = honours;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "publicity", this::seed, "article", "publication_consent");
    }

    private void seed() {
        LocalDate today = demo.today();
        Long cai = people.firstNamed("蔡文龙").orElse(null);
        Long huang = people.firstNamed("黄清水").orElse(null);
        Long caiHonour = cai == null ? null : honours.toPeople(List.of(cai)).stream().findFirst()
                .map(GrantedHonours.Granted::honourId).orElse(null);
        if (cai != null) {
            demo.act("jinjiang-staff", me -> {
                consents.record(me, new Consents.NewConsent(cai, Consents.Purpose.HONOUR_ROLL, Consents.GivenBy.SELF,
                        null, LocalDate.of(2020, 1, 8), "2019年夏，在晋江安海镇西垵村河段连续三次下水，救起两名落水儿童，"
                        + "自己被急流冲出百余米后脱险。", "书面同意书存市协会档案（2020-003）"));
                consents.record(me, new Consents.NewConsent(cai, Consents.Purpose.STORY, Consents.GivenBy.SELF, null,
                        LocalDate.of(2020, 1, 8), null, "同意东南早报、泉州网等媒体报道"));
            });
        }
        if (huang != null) {
            demo.act("nanan-staff", me -> consents.record(me, new Consents.NewConsent(huang,
                    Consents.Purpose.HONOUR_ROLL, Consents.GivenBy.FAMILY, "林秀英（妻子）", LocalDate.of(2016, 12, 20),
                    "2015年8月9日，在南安市英都镇英都溪连续救起两名落水儿童，终因体力不支被急流卷走，英勇牺牲。"
                    + "泉州市人民政府追授其“泉州市见义勇为模范”称号。", "家属书面同意书存南安市协会档案")));
        }
        if (caiHonour != null) {
            long story = demo.as("jinjiang-staff", me -> articles.create(me, new Articles.Draft(Articles.Kind.STORY,
                    "三下急流救起两名孩子——记泉州市见义勇为模范蔡文龙", null, STORY_CAI, caiHonour, null, null)).id());
            publish("jinjiang-staff", "city-staff", story, LocalDateTime.of(2020, 1, 10, 9, 0));
        }
        long ceremony = demo.as("city-staff", me -> articles.create(me, new Articles.Draft(Articles.Kind.NEWS,
                "泉州市第二十二次见义勇为模范表彰大会举行", null, NEWS_CEREMONY, null, null, null)).id());
        publish("city-staff", "city-police", ceremony, LocalDateTime.of(2023, 12, 21, 17, 30));
        int awarenessYear = today.isBefore(LocalDate.of(today.getYear(), 9, 1)) ? today.getYear() - 1 : today.getYear();
        long awareness = demo.as("city-staff", me -> articles.create(me, new Articles.Draft(Articles.Kind.NEWS,
                awarenessYear + "年泉州市“9·1”见义勇为宣传日活动在全市开展", null, NEWS_AWARENESS, null, null, null)).id());
        publish("city-staff", "city-police", awareness, LocalDateTime.of(awarenessYear, 9, 1, 16, 0));
        LocalDateTime lawDay = LocalDateTime.of(2021, 3, 1, 9, 0);
        for (String[] law : LAWS) {
            long id = demo.as("city-staff", me -> articles.create(me, new Articles.Draft(Articles.Kind.LAW, law[0],
                    law[1], law[2], null, null, null)).id());
            publish("city-staff", "city-police", id, lawDay);
            lawDay = lawDay.plusDays(1);
        }
        demo.act("nanan-staff", me -> articles.create(me, new Articles.Draft(Articles.Kind.NEWS,
                "南安市见义勇为协会开展春节前走访慰问", null, "<p>（草稿）春节前，南安市见义勇为协会将分组走访慰问见义勇为人员及家属……</p>",
                null, null, null)));
        demo.act("jinjiang-staff", me -> {
            Articles.Article draft = articles.create(me, new Articles.Draft(Articles.Kind.NEWS,
                    "安海镇见义勇为工作站开展防溺水志愿巡逻", null, "<p>暑假期间，安海镇见义勇为工作站组织志愿者在西垵村、"
                    + "安平桥等水域开展防溺水巡逻，劝离野泳群众，发放宣传资料。</p>", null, null, null));
            articles.submit(me, draft.id(), draft.version());
        });
        int lastYear = today.getYear() - 1;
        long account = demo.as("city-staff", me -> accounts.prepare(me, "350500", lastYear).id());
        demo.act("finance-reviewer", me -> accounts.publish(me, account, accounts.get(me, account).version()));
        jdbc.sql("update open_account set published_at = :at where id = :id")
                .param("at", Timestamp.valueOf(LocalDateTime.of(today.getYear(), 1, 20, 10, 0).isAfter(today.atStartOfDay())
                        ? today.atStartOfDay() : LocalDateTime.of(today.getYear(), 1, 20, 10, 0)))
                .param("id", account).update();
    }

    /** Sent for review by the writer, published by the reviewer, dated as it was at the time. */
    private void publish(String writer, String reviewer, long id, LocalDateTime when) {
        demo.act(writer, me -> articles.submit(me, id, articles.get(me, id).version()));
        demo.act(reviewer, me -> articles.publish(me, id, articles.get(me, id).version(), null));
        Timestamp at = Timestamp.from(when.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        jdbc.sql("update article set publish_at = :at, created_at = :at, updated_at = :at, reviewed_at = :at where id = :id")
                .param("at", at).param("id", id).update();
    }

    private static final String STORY_CAI = """
            <p>2019年7月的一个傍晚，晋江市安海镇西垵村河段，两名在岸边玩耍的孩子不慎滑入水中。正在附近干活的蔡文龙听到呼救，\
            来不及脱鞋就跳进了河里。</p>
            <p>当时正值汛期，水流湍急。蔡文龙先把离岸较近的男孩推向岸边，又返回河心去找被冲远的女孩。第三次下水时，\
            他抓住了女孩的衣领，自己却被急流冲出一百多米，靠抱住一根漂来的木头才脱险。</p>
            <blockquote><p>“那时候哪想那么多，孩子在水里，总得有人下去。”</p></blockquote>
            <p>两名孩子经救治均无大碍。晋江市公安局依法确认蔡文龙的行为为见义勇为，泉州市人民政府授予他\
            “泉州市见义勇为模范”称号。</p>
            <h2>平凡人的担当</h2>
            <p>如今，蔡文龙成了安海镇见义勇为志愿者巡逻队的一员，每到暑假就和队员们一起在河边巡逻，劝离野泳的孩子。</p>""";

    private static final String NEWS_CEREMONY = """
            <p>2023年12月21日，泉州市第二十二次见义勇为模范表彰大会举行。大会表彰了12名（组）泉州市见义勇为模范、\
            22名（组）泉州市见义勇为先进个人（群体），以及5个先进单位、15个先进工作站，现场发放奖金104万元。</p>
            <p>2023年，全市涌现见义勇为人员85人，创历年新高；14人获得省级表彰。全市社会各界爱心企业家捐资850万元，\
            用于见义勇为人员奖励和关爱帮扶。</p>
            <p>会议要求，各地要坚持“不迟奖、不漏奖、不错奖”，把见义勇为人员的奖励和保护落实到位，\
            让英雄流血不流泪。</p>""";

    private static final String NEWS_AWARENESS = """
            <p>9月1日是泉州市见义勇为宣传日。今年宣传日以“见义勇为光荣”为主题，全市各县（市、区）见义勇为协会和\
            工作站在广场、社区、学校设点宣传，讲解《福建省见义勇为人员奖励和保护条例》，展出英雄事迹展板，\
            发放宣传资料，并开展“七进”宣传活动。</p>
            <p>群众发现见义勇为线索，可以登录本网站“提供线索”栏目填写，也可以拨打当地见义勇为协会电话。</p>""";

    private static final List<String[]> LAWS = List.of(
            new String[] {"国务院办公厅转发民政部等部门关于加强见义勇为人员权益保护的意见",
                    "国办发〔2012〕39号：见义勇为人员的抚恤补助、医疗、就业、教育、住房等权益保护。", """
                    <p>（国办发〔2012〕39号）</p>
                    <h2>主要内容</h2>
                    <ul><li>见义勇为死亡人员，符合烈士评定条件的，依法评定为烈士；不符合的，按照规定给予一次性补助。</li>
                    <li>见义勇为负伤人员的医疗费用，按规定由工伤保险、医疗保险等渠道解决，不足部分给予补助。</li>
                    <li>对见义勇为人员在就业、教育、住房等方面给予优先照顾和帮扶。</li></ul>
                    <p>全文请见中国政府网。</p>"""},
            new String[] {"福建省见义勇为人员奖励和保护条例", "见义勇为的确认、表彰奖励、权益保障和基金管理。", """
                    <h2>第三条　定义</h2>
                    <p>本条例所称见义勇为，是指不负有法定职责、法定义务的公民，为保护国家利益、社会公共利益或者他人的人身、\
                    财产安全，挺身而出，同正在实施的违法犯罪行为作斗争，或者抢险、救灾、救人的行为。</p>
                    <h2>确认</h2>
                    <p>见义勇为行为由行为发生地的县级公安机关确认。申请人应当自行为发生之日起一年内提出申请。</p>
                    <h2>基金与公开</h2>
                    <p>见义勇为基金接受社会捐赠，专款专用，收支情况定期向社会公布，接受审计和社会监督（第二十九条至第三十一条）。</p>"""},
            new String[] {"泉州市见义勇为表彰奖励和关爱帮扶政策问答", "在泉州，谁来确认、谁来表彰、有哪些关爱帮扶。", """
                    <h2>谁来确认见义勇为？</h2>
                    <p>由行为发生地的县（市、区）公安机关确认。群众可以向公安机关、见义勇为协会或在本网站提供线索。</p>
                    <h2>有哪些荣誉？</h2>
                    <ul><li>市人民政府授予“泉州市见义勇为模范（群体）”称号；</li>
                    <li>市见义勇为工作委员会授予“泉州市见义勇为先进个人（群体）”称号；</li>
                    <li>即时表彰“见义勇为积极分子”，做到一案一奖、一事一奖。</li></ul>
                    <h2>有哪些关爱帮扶？</h2>
                    <p>春节走访慰问、助学金、困难救助、医疗补助，子女中考加分，伤残人员抚恤等，由见义勇为协会会同有关部门落实。</p>"""});
}

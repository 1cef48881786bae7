package org.yiyong.care.internal;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.samaritans.SamaritanDirectory;

/**
 * A year of home visits in the demo registry: a disabled samaritan now overdue for his quarterly visit,
 * a martyr's widow in hardship with a housing problem being followed, and a solved employment case.
 * Runs after the demo registry.
 */
@Component
@Order(85)
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

    private final VisitRecords records;
    private final Assistance assistance;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final DemoSeeding demo;

    DemoVisits(VisitRecords records, Assistance assistance, JdbcClient jdbc, SamaritanDirectory people, DemoSeeding demo) {
        this.records = records;
        this.assistance = assistance;
        this.jdbc = jdbc;
        this.people = people;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "visits", this::seed, "visit");
    }

    private void seed() {
        LocalDate today = demo.today();
        Long cai = samaritan("蔡文龙");
        Long huang = samaritan("黄清水");
        Long zheng = samaritan("郑丽华");
        if (cai != null) {
            Visit visit = demo.as("jinjiang-staff", me -> records.record(me, new VisitRecords.NewVisit(cai,
                    today.minusDays(130), "许志强、安海工作站 陈文辉", "蔡文龙及妻子王雅芬",
                    "右腿伤残后在家休养，妻子在鞋厂上班，孩子读小学，生活基本稳定", false,
                    List.of(new VisitRecords.Problem(AssistanceCase.Kind.EMPLOYMENT, "本人希望从事轻体力工作，增加家庭收入"))),
                    List.of()));
            long job = jdbc.sql("select id from assistance_case where visit_id = :v").param("v", visit.getId())
                    .query(Long.class).single();
            demo.as("jinjiang-staff", me -> {
                assistance.note(me, job, "已联系晋江市人社局，推荐至安海镇社区公益性岗位");
                return assistance.solve(me, job, "已安排在安海镇社区从事治安协管，月收入约三千元");
            });
        }
        if (cai != null) {
            // the Anhai work station's own follow-up, which its ledger lists
            demo.as("anhai-station", me -> records.record(me, new VisitRecords.NewVisit(cai, today.minusDays(12),
                    "安海工作站 黄丽娜", "蔡文龙本人", "在社区治安协管岗位上班三个多月，腿伤恢复尚可，家庭收入稳定", false,
                    List.of()), List.of()));
        }
        if (huang != null) {
            Visit visit = demo.as("nanan-staff", me -> records.record(me, new VisitRecords.NewVisit(huang,
                    today.minusDays(40), "洪美玲、英都镇工作站 林志伟", "烈士遗孀林秀英、母亲陈阿妹",
                    "老宅年久失修，雨天漏水；母亲年迈多病，儿子在福州大学读书", true,
                    List.of(new VisitRecords.Problem(AssistanceCase.Kind.HOUSING, "老宅屋顶漏雨，需协调危房改造"),
                            new VisitRecords.Problem(AssistanceCase.Kind.MEDICAL, "母亲患慢性病，需办理门诊特殊病种"))),
                    List.of()));
            long housing = jdbc.sql("select id from assistance_case where visit_id = :v and kind = 'HOUSING'")
                    .param("v", visit.getId()).query(Long.class).single();
            demo.as("nanan-staff", me -> assistance.note(me, housing, "已报南安市住建局，列入本年度农村危房改造名单"));
        }
        if (zheng != null) {
            demo.as("city-staff", me -> records.record(me, new VisitRecords.NewVisit(zheng, today.minusDays(200),
                    "王丽华", "郑丽华本人", "在丰泽区一家医院任护士，身体康复良好，生活稳定", false, List.of()),
                    List.of()));
        }
        log.info("Demo visits seeded");
    }

    private Long samaritan(String name) {
        return people.firstNamed(name).orElse(null);
    }
}

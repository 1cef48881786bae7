package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.samaritans.SamaritanDirectory;

/**
 * The demo's student aid round of the current school year — 黄清水's son 黄志鹏 at 福州大学 approved and
 * sent to the funds, his aid of the school year before paid by the province and recorded as received,
 * 蔡文龙's child awaiting approval — and a provincial targeted aid grant of ¥30,000
 * to 黄清水's household, received. Runs after the demo registry and funds.
 */
@Component
@Order(95)
class DemoStudentAid implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStudentAid.class);

    private final StudentAid studentAid;
    private final TargetedAid targetedAid;
    private final SamaritanDirectory people;
    private final DemoSeeding demo;

    DemoStudentAid(StudentAid studentAid, TargetedAid targetedAid, SamaritanDirectory people, DemoSeeding demo) {
        this.studentAid = studentAid;
        this.targetedAid = targetedAid;
        this.people = people;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "student aid", this::seed, "student_aid_application", "targeted_aid_application");
    }

    private void seed() {
        LocalDate today = demo.today();
        String year = studentAid.currentYear().label();
        Optional<Long> huangSon = child("黄清水", "黄志鹏");
        Optional<Long> caiChild = people.firstChildOf("蔡文龙");
        huangSon.ifPresent(son -> {
            StudentAidApplication application = demo.as("nanan-staff", me -> studentAid.submit(me,
                    new StudentAid.NewApplication(son, year, "父亲黄清水2015年救人牺牲，母亲林秀英务农，另需赡养年迈祖母，家庭收入主要靠遗属抚恤金。",
                            "福州大学土木工程学院在读，上学年综合测评专业前 15%，获校三等奖学金，无挂科。",
                            null, StudentAidApplication.Payer.CITY)));
            demo.as("city-staff", me -> studentAid.approve(me, application.getId(), "泉见协〔2026〕35号"));
            // the previous school year the province's foundation paid his aid; recorded here as received
            StudentAidApplication provincial = demo.as("nanan-staff", me -> studentAid.submit(me,
                    new StudentAid.NewApplication(son, studentAid.currentYear().previous().label(),
                            "父亲黄清水2015年救人牺牲，家庭经济困难，经市协会推荐申报省见义勇为基金会助学。",
                            "福州大学土木工程学院在读，上学年综合测评专业前 20%。", null,
                            StudentAidApplication.Payer.PROVINCE)));
            demo.as("city-staff", me -> studentAid.approve(me, provincial.getId(), "闽见基金〔2026〕21号"));
            demo.as("nanan-staff", me -> studentAid.received(me, provincial.getId(), today,
                    new BigDecimal("3000.00")));
        });
        caiChild.ifPresent(child -> demo.as("jinjiang-staff", me -> studentAid.submit(me, new StudentAid.NewApplication(
                child, year, "父亲蔡文龙见义勇为致六级伤残，伤后歇业，家庭收入明显下降。",
                "晋江市安海中学在读，上学期期末成绩年段前 20%，获评三好学生。", "王雅芬",
                StudentAidApplication.Payer.COUNTY))));
        samaritan("黄清水").ifPresent(household -> {
            TargetedAidApplication application = demo.as("nanan-staff", me -> targetedAid.submit(me,
                    new TargetedAid.NewApplication(household, TargetedAidApplication.Body.PROVINCIAL_FOUNDATION,
                            TargetedAidApplication.Reason.HOUSING, new BigDecimal("30000.00"),
                            "入户走访发现遗孀林秀英与婆婆陈阿妹居住的老宅为上世纪七十年代土木结构，屋顶漏雨、墙体开裂，"
                                    + "经村委会核实属危房，申请省见义勇为基金会精准帮扶用于危房改造。",
                            today.minusDays(150))));
            demo.as("nanan-staff", me -> targetedAid.grant(me, application.getId(), new BigDecimal("30000.00"),
                    today.minusDays(110), "闽见基金〔2026〕12号"));
            demo.as("nanan-staff", me -> targetedAid.received(me, application.getId(), today.minusDays(95),
                    new BigDecimal("30000.00"), "省基金会直接拨付至林秀英银行账户"));
        });
        log.info("Demo student aid and targeted aid seeded for {}", year);
    }

    private Optional<Long> child(String samaritan, String name) {
        return people.relativeNamed(samaritan, name);
    }

    private Optional<Long> samaritan(String name) {
        return people.firstNamed(name);
    }
}

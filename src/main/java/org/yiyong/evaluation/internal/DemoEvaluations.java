package org.yiyong.evaluation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.evaluation.EvaluationSchemes.IndicatorTree;
import org.yiyong.evaluation.EvaluationSchemes;
import org.yiyong.evaluation.Evaluations;
import org.yiyong.evaluation.Method;
import org.yiyong.evaluation.Metric;
import org.yiyong.evaluation.Subject;
import org.yiyong.identity.DemoSeeding;

/**
 * The demo's evaluations of the counties: last year's, closed — computed, scored by hand, one county's points
 * deducted for a complaint found justified, Jinjiang's objection answered, approved and published — and this
 * year's, a copy of last year's scheme, opened and computed so far; and of the work stations, last year's
 * published and this year's open.
 */
@Component
@Order(110)
class DemoEvaluations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);
    private static final String NANAN = "350583";

    private final EvaluationSchemes schemes;
    private final Evaluations evaluations;
    private final DemoSeeding demo;

    DemoEvaluations(EvaluationSchemes schemes, Evaluations evaluations, DemoSeeding demo) {
        this.schemes = schemes;
        this.evaluations = evaluations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "evaluations", this::seed, "evaluation_scheme");
    }

    private void seed() {
        int year = demo.today().getYear();
        long lastYear = demo.as("city-staff", me -> {
            EvaluationSchemes.Scheme scheme = schemes.create(me, new EvaluationSchemes.NewScheme(year - 1,
                    Subject.COUNTY, (year - 1) + "年度县（市、区）见义勇为工作综合考评", new BigDecimal("100"), false));
            schemes.replace(me, scheme.id(), indicators());
            return evaluations.open(me, scheme.id(), LocalDate.of(year - 1, 12, 31), 7).id();
        });
        demo.act("city-staff", me -> {
            evaluations.compute(me, lastYear);
            long leadership = manual(lastYear);
            List<Evaluations.Standing> units = evaluations.standings(me, lastYear);
            for (int i = 0; i < units.size(); i++) {
                Evaluations.Standing unit = units.get(i);
                evaluations.score(me, lastYear, unit.id(), leadership, BigDecimal.valueOf(15 - (i * 7 % 6)),
                        "工作方案、会议纪要、经费保障材料齐全" + (i % 3 == 0 ? "" : "，部分佐证材料不够完整"));
            }
            units.stream().filter(unit -> unit.unitKey().equals(NANAN)).findFirst().ifPresent(unit ->
                    evaluations.deduct(me, lastYear, unit.id(), new BigDecimal("2"),
                            "群众反映一起申请受理不及时，经查属实"));
            evaluations.startReview(me, lastYear);
        });
        long objection = demo.as("jinjiang-staff", me -> evaluations.ownUnit(me, lastYear)
                .map(unit -> evaluations.object(me, lastYear, unit.id(), manual(lastYear),
                        "安海、青阳两个工作站的年度工作总结已补充上传，请复核“组织领导”一项。").id())
                .orElse(-1L));
        demo.act("city-staff", me -> {
            if (objection > 0) {
                evaluations.reply(me, lastYear, objection, "经复核，补充材料与原评分依据一致，维持原评分。");
            }
            evaluations.approve(me, lastYear);
            evaluations.publish(me, lastYear);
            EvaluationSchemes.Scheme current = schemes.create(me, new EvaluationSchemes.NewScheme(year,
                    Subject.COUNTY, year + "年度县（市、区）见义勇为工作综合考评", new BigDecimal("100"), true));
            long thisYear = evaluations.open(me, current.id(), LocalDate.of(year, 12, 31), 7).id();
            evaluations.compute(me, thisYear);
        });
        stations(year);
        log.info("Demo evaluations seeded");
    }

    /** The stations: last year's evaluation closed, this year's open and computed so far. */
    private void stations(int year) {
        demo.act("city-staff", me -> {
            for (int y : new int[] {year - 1, year}) {
                EvaluationSchemes.Scheme scheme = schemes.create(me, new EvaluationSchemes.NewScheme(y,
                        Subject.STATION, y + "年度见义勇为工作站考评", new BigDecimal("100"), false));
                schemes.replace(me, scheme.id(), List.of(
                        group("阵地建设", 30,
                                computed("通过验收", 15, Metric.STATION_ACCEPTED, 1),
                                computed("示范点", 15, Metric.STATION_DEMONSTRATION, 1)),
                        group("队伍与活动", 40,
                                computed("在队志愿者", 10, Metric.STATION_VOLUNTEERS, null),
                                computed("志愿服务时长", 10, Metric.STATION_HOURS, null),
                                computed("志愿活动", 10, Metric.STATION_ACTIVITIES, 12),
                                computed("举办培训", 10, Metric.STATION_TRAININGS, 2)),
                        group("服务群众", 15,
                                computed("代群众登记线索", 5, Metric.STATION_LEADS, 2),
                                computed("入户走访", 10, Metric.STATION_VISITS, 4)),
                        new IndicatorTree("台账与制度", new BigDecimal("15"), Method.MANUAL, null, null,
                                "工作台账、值班制度、开放时间公示，以现场检查和上传的照片为准", List.of())));
                long round = evaluations.open(me, scheme.id(), LocalDate.of(y, 12, 31), 7).id();
                evaluations.compute(me, round);
                if (y == year - 1) {
                    long ledger = manual(round);
                    List<Evaluations.Standing> units = evaluations.standings(me, round);
                    for (int i = 0; i < units.size(); i++) {
                        evaluations.score(me, round, units.get(i).id(), ledger, BigDecimal.valueOf(14 - i % 4),
                                i % 4 == 0 ? "台账完整，制度上墙" : "台账基本完整");
                    }
                    evaluations.startReview(me, round);
                    evaluations.approve(me, round);
                    evaluations.publish(me, round);
                }
            }
        });
    }

    private long manual(long round) {
        EvaluationSchemes.Scheme scheme = schemes.scheme(evaluations.round(round).schemeId());
        return scheme.indicators().stream().filter(i -> i.method() == Method.MANUAL).findFirst().orElseThrow().id();
    }

    private static List<IndicatorTree> indicators() {
        return List.of(
                group("办案时效", 30,
                        computed("按期作出确认决定", 15, Metric.DECIDED_ON_TIME, null),
                        computed("奖金按时发放", 5, Metric.REWARDS_PAID_ON_TIME, null),
                        computed("不漏奖、不迟奖、不错奖", 10, Metric.AWARD_GAPS_AT_YEAR_END, 1)),
                group("关爱帮扶", 20,
                        computed("按期走访", 10, Metric.VISITS_ON_SCHEDULE, null),
                        computed("慰问覆盖", 10, Metric.CONDOLENCES, 10)),
                group("基层阵地建设", 25,
                        computed("工作站建设", 10, Metric.STATIONS_BUILT, 2),
                        computed("志愿服务时长", 10, Metric.VOLUNTEER_HOURS, null),
                        computed("主题公园", 5, Metric.THEME_PARKS, 1)),
                group("宣传发动", 10,
                        computed("宣传活动", 5, Metric.AWARENESS_EVENTS, 3),
                        computed("媒体报道", 5, Metric.MEDIA_REPORTS, null)),
                new IndicatorTree("组织领导", new BigDecimal("15"), Method.MANUAL, null, null,
                        "党委政府重视、年度工作方案、会议纪要、经费保障，以上传的材料为准", List.of()));
    }

    private static IndicatorTree group(String name, int points, IndicatorTree... children) {
        return new IndicatorTree(name, BigDecimal.valueOf(points), Method.GROUP, null, null, null, List.of(children));
    }

    private static IndicatorTree computed(String name, int points, Metric metric, Integer target) {
        return new IndicatorTree(name, BigDecimal.valueOf(points), Method.COMPUTED, metric, null == target ? null
                : BigDecimal.valueOf(target), null, List.of());
    }
}

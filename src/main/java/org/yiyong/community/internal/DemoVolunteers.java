package org.yiyong.community.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.community.ActivityKind;
import org.yiyong.community.CertificateKind;
import org.yiyong.community.TeamKind;
import org.yiyong.community.Trainings;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.shared.ResidentId;

/**
 * The Jinjiang model in the demo: the Anhai station's volunteer patrol team with its members and a year of
 * Saturday-evening patrols (some members past 100 hours and a star), first-aid certificates of which two run
 * out within 60 days, a first-aid training half of them attended, a rescue drill; and a smaller service team at Nan'an's Shuitou station.
 * Entered as the station's and the county's staff would have.
 */
@Component
@Order(100)
class DemoVolunteers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

    private final Volunteering volunteering;
    private final Trainings trainings;
    private final OrganizationLookup organizations;
    private final DemoSeeding demo;

    DemoVolunteers(Volunteering volunteering, Trainings trainings, OrganizationLookup organizations, DemoSeeding demo) {
        this.volunteering = volunteering;
        this.trainings = trainings;
        this.organizations = organizations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "volunteers", this::seed, "volunteer_team");
    }

    private Long host(String regionCode, String name) {
        return organizations.carersIn(regionCode).stream().filter(carer -> carer.name().equals(name))
                .map(OrganizationLookup.Carer::id).findFirst().orElse(null);
    }

    private void seed() {
        LocalDate today = demo.today();
        Long anhai = host("350582", "晋江市安海镇见义勇为工作站");
        Long shuitou = host("350583", "南安市水头镇见义勇为工作站");
        if (anhai == null || shuitou == null) {
            return;
        }
        String[][] anhaiMembers = {
                {"陈文辉", "19780312", "13905951101", "治安巡逻、驾驶", "FIRST_AID"},
                {"蔡锦华", "19820725", "13905951102", "水上救生", "LIFESAVING"},
                {"许清泉", "19750418", "13905951103", "电工、消防", "FIRE_SAFETY"},
                {"吴丽珍", "19880930", "13905951104", "急救、心理疏导", "FIRST_AID"},
                {"黄志明", "19910214", "13905951105", "治安巡逻", null},
                {"王秀英", "19690806", "13905951106", "调解、邻里守望", "FIRST_AID"},
                {"施建国", "19840120", "13905951107", "驾驶、摄影", null},
                {"李雅婷", "19970511", "13905951108", "宣传、摄影", null}};
        demo.act("anhai-station", me -> {
            Volunteering.Team team = volunteering.createTeam(me, new Volunteering.NewTeam(
                    "安海镇见义勇为志愿巡逻队", TeamKind.SECURITY, anhai, "anhai-station", today.minusYears(3)));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < anhaiMembers.length; i++) {
                String[] m = anhaiMembers[i];
                String residentId = ResidentId.withCheckDigit("350582" + m[1] + String.format("%03d", 101 + i * 2));
                ids.add(volunteering.register(me, team.id(), new Volunteering.NewVolunteer(m[0], residentId, m[2], m[3],
                        today.minusYears(3).plusDays(i * 40L), true)).id());
                if (m[4] != null) {
                    // two first-aid certificates run out within 60 days; the others later
                    LocalDate expires = i == 0 ? today.plusDays(21) : i == 3 ? today.plusDays(45) : today.plusYears(1 + i % 2);
                    volunteering.addCertificate(me, ids.get(i), CertificateKind.valueOf(m[4]),
                            "闽救" + (2023_0000 + i * 37), expires.minusYears(3), expires);
                }
            }
            // a year of Saturday-evening patrols, three hours each; members come by turns
            LocalDate saturday = today.minusYears(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            int week = 0;
            for (LocalDate day = saturday; day.isBefore(today); day = day.plusWeeks(1), week++) {
                Volunteering.Activity patrol = volunteering.createActivity(me, team.id(), new Volunteering.NewActivity(
                        ActivityKind.PATROL, "周六夜间治安巡逻", "安海镇中心市场、安平桥景区一带",
                        day.atTime(19, 0), day.atTime(22, 0)));
                Map<Long, BigDecimal> present = new LinkedHashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    // the first three come nearly every week; the others one week in two or three
                    boolean comes = i < 3 ? week % 9 != i : (week + i) % (i < 5 ? 2 : 3) == 0;
                    if (comes) {
                        present.put(ids.get(i), new BigDecimal(i == 2 && week % 4 == 0 ? "2.5" : "3"));
                    }
                }
                volunteering.signIn(me, patrol.id(), present);
            }
            Trainings.Training firstAid = trainings.create(me, new Trainings.NewTraining(anhai, "现场急救与心肺复苏（CPR）",
                    "晋江市红十字会 黄雅琳", today.minusDays(60), new BigDecimal("4")));
            trainings.attend(me, firstAid.id(), ids.subList(0, 4), List.of("anhai-station"));
            LocalDateTime drill = today.minusDays(40).atTime(9, 0);
            Volunteering.Activity watch = volunteering.createActivity(me, team.id(), new Volunteering.NewActivity(
                    ActivityKind.DRILL, "防溺水救援演练", "安海镇西安村水库", drill, drill.plusHours(4)));
            volunteering.signIn(me, watch.id(), Map.of(ids.get(1), new BigDecimal("4"), ids.get(3), new BigDecimal("4"),
                    ids.get(5), new BigDecimal("3.5")));
        });
        demo.act("nanan-staff", me -> {
            Volunteering.Team team = volunteering.createTeam(me, new Volunteering.NewTeam(
                    "水头镇邻里守望服务队", TeamKind.SERVICE, shuitou, null, today.minusYears(1)));
            String[][] members = {{"傅美华", "19800617"}, {"洪志坚", "19760909"}, {"林佳慧", "19930303"}};
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < members.length; i++) {
                ids.add(volunteering.register(me, team.id(), new Volunteering.NewVolunteer(members[i][0],
                        ResidentId.withCheckDigit("350583" + members[i][1] + String.format("%03d", 201 + i * 2)),
                        null, "邻里守望", today.minusMonths(10), true)).id());
            }
            for (int month = 1; month <= 6; month++) {
                LocalDateTime at = today.minusMonths(month).withDayOfMonth(10).atTime(14, 0);
                Volunteering.Activity visit = volunteering.createActivity(me, team.id(), new Volunteering.NewActivity(
                        ActivityKind.VISIT_SUPPORT, "协助走访见义勇为人员家庭", "水头镇", at, at.plusHours(2)));
                volunteering.signIn(me, visit.id(), Map.of(ids.get(month % 3), new BigDecimal("2")));
            }
        });
    }
}

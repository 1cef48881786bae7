package org.yiyong.community.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.community.ParkKind;
import org.yiyong.community.ParkStatus;
import org.yiyong.community.ThemeParks;
import org.yiyong.identity.DemoSeeding;

/**
 * Theme parks in the demo, in every state: Shishi's opened last year, Jinjiang's opened on this year's
 * awareness day, Nan'an's under construction, Fengze's education base planned; and this year's target of one
 * open park per county, so the counties behind it show.
 */
@Component
@Order(101)
class DemoParks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoParks.class);

    private final ThemeParks parks;
    private final DemoSeeding demo;

    DemoParks(ThemeParks parks, DemoSeeding demo) {
        this.parks = parks;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "theme parks", this::seed, "theme_park", "theme_park_target");
    }

    private void seed() {
        LocalDate today = demo.today();
        int year = today.getYear();
        demo.act("city-staff", me -> {
            parks.setTarget(me, year, null, 1);
            open(me, "石狮市见义勇为主题公园", ParkKind.THEME_PARK, "350581", "石狮市湖滨街道八七路南段",
                    "24.731200", "118.654800", LocalDate.of(year - 1, 9, 1));
            ThemeParks.Park building = parks.create(me, new ThemeParks.NewPark("南安市见义勇为主题公园",
                    ParkKind.THEME_PARK, "350583", "南安市水头镇滨海公园内", new BigDecimal("24.708400"),
                    new BigDecimal("118.440600")));
            parks.advance(me, building.id(), ParkStatus.BUILDING, null);
            parks.create(me, new ThemeParks.NewPark("丰泽区见义勇为教育基地", ParkKind.EDUCATION_BASE, "350503",
                    "泉州市丰泽区东海街道市民广场东侧", null, null));
        });
        demo.act("jinjiang-staff", me -> open(me, "晋江市安海镇见义勇为主题公园", ParkKind.THEME_PARK, "350582",
                "晋江市安海镇安平桥东侧", "24.717300", "118.458600",
                LocalDate.of(year, 9, 1).isAfter(today) ? today.minusDays(10) : LocalDate.of(year, 9, 1)));
    }

    private void open(org.yiyong.identity.CurrentUser me, String name, ParkKind kind, String region, String address,
            String latitude, String longitude, LocalDate openedOn) {
        ThemeParks.Park park = parks.create(me, new ThemeParks.NewPark(name, kind, region, address,
                new BigDecimal(latitude), new BigDecimal(longitude)));
        parks.advance(me, park.id(), ParkStatus.BUILDING, null);
        parks.advance(me, park.id(), ParkStatus.OPEN, openedOn);
    }
}

package org.yiyong.community.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.community.HostKind;
import org.yiyong.community.StationStatus;
import org.yiyong.community.Stations;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.organization.OrganizationLookup;

/**
 * The demo's work stations at every step: Anhai (built, accepted, a demonstration site since last year),
 * Shuitou (accepted), Qingyang (built, awaiting acceptance), Hubin (planned); Donghai not yet recorded.
 */
@Component
@Order(99)
class DemoStations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStations.class);

    private final Stations stations;
    private final OrganizationLookup organizations;
    private final DemoSeeding demo;

    DemoStations(Stations stations, OrganizationLookup organizations, DemoSeeding demo) {
        this.stations = stations;
        this.organizations = organizations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "stations", this::seed, "station");
    }

    private Long station(String regionCode, String name) {
        return organizations.carersIn(regionCode).stream().filter(carer -> carer.name().equals(name))
                .map(OrganizationLookup.Carer::id).findFirst().orElse(null);
    }

    private void seed() {
        LocalDate today = demo.today();
        Long anhai = station("350582", "晋江市安海镇见义勇为工作站");
        Long qingyang = station("350582", "晋江市青阳街道见义勇为工作站");
        Long shuitou = station("350583", "南安市水头镇见义勇为工作站");
        Long hubin = station("350581", "石狮市湖滨街道见义勇为工作站");
        if (anhai == null || qingyang == null || shuitou == null || hubin == null) {
            return;
        }
        LocalDate founded = today.minusYears(3);
        demo.act("anhai-station", me -> {
            stations.saveProfile(me, anhai, new Stations.Profile(HostKind.TOWNSHIP, "安海镇人民政府",
                    new BigDecimal("24.717800"), new BigDecimal("118.462100"), "周一至周五 8:30–17:30，周六巡逻日 19:00–22:00",
                    "0595-85780110", founded));
            stations.advance(me, anhai, StationStatus.BUILT, founded.plusDays(60), "站室、标识和值班制度到位");
        });
        demo.act("jinjiang-staff", me -> {
            stations.advance(me, anhai, StationStatus.ACCEPTED, founded.plusDays(120), "晋江市协会验收合格");
            stations.saveProfile(me, qingyang, new Stations.Profile(HostKind.POLICE_STATION, "晋江市公安局青阳派出所",
                    new BigDecimal("24.781300"), new BigDecimal("118.577900"), "工作日 9:00–17:00", "0595-85622110",
                    today.minusMonths(8)));
            stations.advance(me, qingyang, StationStatus.BUILT, today.minusMonths(3), null);
        });
        demo.act("nanan-staff", me -> {
            stations.saveProfile(me, shuitou, new Stations.Profile(HostKind.TOWNSHIP, "水头镇人民政府",
                    new BigDecimal("24.699800"), new BigDecimal("118.431600"), "工作日 8:00–17:30", "0595-86981110",
                    today.minusYears(2)));
            stations.advance(me, shuitou, StationStatus.BUILT, today.minusYears(2).plusDays(45), null);
            stations.advance(me, shuitou, StationStatus.ACCEPTED, today.minusYears(2).plusDays(90), "南安市协会验收");
        });
        demo.act("city-staff", me -> {
            stations.nameDemonstration(me, anhai, today.getYear() - 1);
            stations.saveProfile(me, hubin, new Stations.Profile(HostKind.COMMUNITY, "湖滨街道八七社区", null, null,
                    null, null, null));
        });
    }
}

package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.organization.Regions;

/**
 * The coming Spring Festival's condolence campaign for the demo: built by city staff from the demo registry,
 * submitted, and left awaiting the approval of a second staff member (city-police); and the provincial
 * foundation's Mid-Autumn condolences in 南安, recorded as paid by the province. Runs after the demo
 * registry, honours and funds.
 */
@Component
@Order(90)
class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    /** 春节 (正月初一) of the coming years. */
    private static final List<LocalDate> SPRING_FESTIVALS = List.of(LocalDate.of(2026, 2, 17),
            LocalDate.of(2027, 2, 6), LocalDate.of(2028, 1, 26), LocalDate.of(2029, 2, 13), LocalDate.of(2030, 2, 3));

    /** 中秋 of the recent years. */
    private static final List<LocalDate> MID_AUTUMNS = List.of(LocalDate.of(2025, 10, 6), LocalDate.of(2026, 9, 25),
            LocalDate.of(2027, 9, 15), LocalDate.of(2028, 10, 3), LocalDate.of(2029, 9, 22));

    /** 南安市: the county the province's foundation visited at Mid-Autumn. */
    private static final String NANAN = "350583";

    private final CampaignCommands commands;
    private final CampaignLines lines;
    private final Regions regions;
    private final DemoSeeding demo;

    DemoCampaigns(CampaignCommands commands, CampaignLines lines, Regions regions, DemoSeeding demo) {
        this.commands = commands;
        this.lines = lines;
        this.regions = regions;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "campaigns", this::seed, "campaign");
    }

    private void seed() {
        LocalDate today = demo.today();
        LocalDate festival = SPRING_FESTIVALS.stream().filter(day -> !day.isBefore(today)).findFirst()
                .orElse(today.plusDays(60));
        demo.as("city-staff", me -> {
            Campaign campaign = commands.create(me, new CampaignCommands.NewCampaign(festival.getYear() + "年春节慰问",
                    Campaign.Festival.SPRING_FESTIVAL, cityCode(), festival));
            return commands.submit(me, campaign.getId());
        });
        MID_AUTUMNS.stream().filter(day -> !day.isAfter(today) && day.isAfter(today.minusYears(1))).findFirst()
                .ifPresent(this::provincialMidAutumn);
    }

    /** The provincial foundation's Mid-Autumn condolences in 南安 (¥1,000 each), recorded as paid by the province. */
    private void provincialMidAutumn(LocalDate day) {
        Campaign campaign = demo.as("city-staff", me -> commands.create(me, new CampaignCommands.NewCampaign(
                day.getYear() + "年省见义勇为基金会中秋慰问（南安）", Campaign.Festival.MID_AUTUMN, NANAN, day,
                new BigDecimal("1000.00"))));
        demo.as("city-staff", me -> commands.submit(me, campaign.getId()));
        demo.as("city-police", me -> commands.approve(me, campaign.getId(), "闽见基金〔" + day.getYear() + "〕46号"));
        for (CampaignLine line : lines.findByCampaignIdOrderByStatusAscNameAscIdAsc(campaign.getId())) {
            if (line.getStatus() == CampaignLine.Status.INCLUDED && line.awaitsConductCheck()) {
                demo.as("nanan-staff", me -> commands.checkConduct(me, campaign.getId(), line.getId(), null,
                        "村委会出具近期表现良好证明", true));
            }
        }
        demo.as("nanan-staff", me -> commands.send(me, campaign.getId()));
    }

    private String cityCode() {
        return regions.city().code();
    }
}

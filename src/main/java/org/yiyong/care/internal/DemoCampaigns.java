package org.yiyong.care.internal;

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
 * submitted, and left awaiting the approval of a second staff member (city-police). Runs after the demo
 * registry, honours and funds.
 */
@Component
@Order(90)
class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    /** 春节 (正月初一) of the coming years. */
    private static final List<LocalDate> SPRING_FESTIVALS = List.of(LocalDate.of(2026, 2, 17),
            LocalDate.of(2027, 2, 6), LocalDate.of(2028, 1, 26), LocalDate.of(2029, 2, 13), LocalDate.of(2030, 2, 3));

    private final CampaignCommands commands;
    private final Regions regions;
    private final DemoSeeding demo;

    DemoCampaigns(CampaignCommands commands, Regions regions, DemoSeeding demo) {
        this.commands = commands;
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
    }

    private String cityCode() {
        return regions.city().code();
    }
}

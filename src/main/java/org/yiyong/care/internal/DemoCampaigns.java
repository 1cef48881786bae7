package org.yiyong.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.care.internal.Campaign;
import org.yiyong.care.internal.CampaignCommands;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.organization.Regions;
import org.yiyong.platform.Platform.DemoData;

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
    private final JdbcClient jdbc;
    private final Regions regions;
    private final UserDetailsService accounts;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Clock clock;

    DemoCampaigns(CampaignCommands commands, JdbcClient jdbc, Regions regions, UserDetailsService accounts, TransactionTemplate transactions,
            DemoData demoData, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.regions = regions;
        this.accounts = accounts;
        this.transactions = transactions;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || jdbc.sql("select count(*) from campaign").query(Long.class).single() > 0) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> seed());
        } catch (RuntimeException anotherNodeWasFaster) {
            log.warn("Demo campaigns not seeded", anotherNodeWasFaster);
        }
    }

    private void seed() {
        LocalDate today = LocalDate.now(clock);
        LocalDate festival = SPRING_FESTIVALS.stream().filter(day -> !day.isBefore(today)).findFirst()
                .orElse(today.plusDays(60));
        as("city-staff", me -> {
            Campaign campaign = commands.create(me, new CampaignCommands.NewCampaign(festival.getYear() + "年春节慰问",
                    Campaign.Festival.SPRING_FESTIVAL, cityCode(), festival));
            return commands.submit(me, campaign.getId());
        });
    }

    private String cityCode() {
        return regions.city().code();
    }

    private <T> T as(String username, Function<CurrentUser, T> steps) {
        return SignedIn.as(accounts.loadUserByUsername(username), steps);
    }
}

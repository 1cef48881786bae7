package org.yiyong.community.internal;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyong.community.Awareness;
import org.yiyong.community.AwarenessKind;
import org.yiyong.community.MediaLevel;
import org.yiyong.community.Medium;
import org.yiyong.community.Outreach;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.organization.OrganizationLookup;

/**
 * Publicity in the demo: this year's 1 September awareness day (泉州市见义勇为宣传日, "见义勇为光荣") with its
 * reports in the city's and the province's press, and the Anhai station's outreach into a school.
 */
@Component
@Order(102)
class DemoAwareness implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAwareness.class);

    private final Awareness awareness;
    private final OrganizationLookup organizations;
    private final DemoSeeding demo;

    DemoAwareness(Awareness awareness, OrganizationLookup organizations, DemoSeeding demo) {
        this.awareness = awareness;
        this.organizations = organizations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "awareness activities", this::seed, "awareness_event", "media_report");
    }

    private Long organization(String regionCode, String name) {
        return organizations.carersIn(regionCode).stream().filter(carer -> carer.name().equals(name))
                .map(OrganizationLookup.Carer::id).findFirst().orElse(null);
    }

    private void seed() {
        LocalDate today = demo.today();
        LocalDate day = LocalDate.of(today.getYear(), 9, 1);
        LocalDate awarenessDay = day.isAfter(today) ? day.minusYears(1) : day;
        Long city = organization("350500", "泉州市见义勇为协会");
        Long anhai = organization("350582", "晋江市安海镇见义勇为工作站");
        if (city == null || anhai == null) {
            return;
        }
        demo.act("city-staff", me -> {
            Awareness.Event event = awareness.create(me, new Awareness.NewEvent(city, AwarenessKind.AWARENESS_DAY, null,
                    "泉州市见义勇为宣传日主题活动", "见义勇为光荣", "泉州市中山公园", awarenessDay, 1200));
            awareness.addReport(me, new Awareness.NewReport(event.id(), null, "东南早报", MediaLevel.CITY,
                    "我市举办见义勇为宣传日活动 弘扬正气传递温暖", awarenessDay.plusDays(1), "https://www.qzwb.com/",
                    Medium.NEWSPAPER, null));
            awareness.addReport(me, new Awareness.NewReport(event.id(), null, "泉州网", MediaLevel.CITY,
                    "“见义勇为光荣”主题宣传活动走进中山公园", awarenessDay, "https://www.qzwb.com/", Medium.WEBSITE,
                    null));
            awareness.addReport(me, new Awareness.NewReport(event.id(), null, "福建日报", MediaLevel.PROVINCIAL,
                    "泉州：让见义勇为者不流血又流泪", awarenessDay.plusDays(3), null, Medium.NEWSPAPER, null));
        });
        demo.act("anhai-station", me -> awareness.create(me, new Awareness.NewEvent(anhai, AwarenessKind.OUTREACH,
                Outreach.SCHOOL, "见义勇为进校园：防溺水与安全自护讲座", "见义勇为光荣", "安海镇中心小学",
                today.minusDays(30), 460)));
    }
}

package org.yiyong.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The zone the schedule's SQL turns a registration time into a day with, as both databases read it. */
class VisitScheduleZoneTests {

    @Test
    void a_region_keeps_its_name() {
        assertThat(VisitSchedule.sqlZone(ZoneId.of("Asia/Shanghai"))).isEqualTo("Asia/Shanghai");
    }

    @Test
    void a_whole_hour_offset_becomes_the_time_zone_databases_name_with_its_sign_turned() {
        assertThat(VisitSchedule.sqlZone(ZoneOffset.ofHours(8))).isEqualTo("Etc/GMT-8");
        assertThat(VisitSchedule.sqlZone(ZoneId.of("UTC+08:00"))).isEqualTo("Etc/GMT-8");
        assertThat(VisitSchedule.sqlZone(ZoneOffset.ofHours(-5))).isEqualTo("Etc/GMT+5");
        assertThat(VisitSchedule.sqlZone(ZoneOffset.UTC)).isEqualTo("UTC");
        // and the name means the same offset to Java (H2) as the offset did
        assertThat(ZoneId.of("Etc/GMT-8").getRules().getOffset(java.time.Instant.EPOCH))
                .isEqualTo(ZoneOffset.ofHours(8));
    }
}

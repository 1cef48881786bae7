package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.yiyong.FullStackTest;
import org.yiyong.deeds.internal.CalendarDay;

/** The system administrator keeps the holiday table; deadlines use it at once. */
class CalendarAdministrationTests extends FullStackTest {

    @Autowired
    Deadlines deadlines;

    @Test
    void the_2026_holidays_are_in_the_table() throws Exception {
        mvc.perform(get("/api/v1/calendar-days").param("year", "2026").with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.date == '2026-02-17')].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$[?(@.date == '2026-02-28')].kind").value("WORKDAY"));
        mvc.perform(get("/calendar").param("year", "2026").with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国庆节")))
                .andExpect(content().string(containsString("按自然日计算")));
    }

    @Test
    void the_system_administrator_adds_a_holiday_and_working_day_deadlines_skip_it() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 12);
        assertThat(deadlines.calendar().isWorkingDay(day)).isTrue();

        mvc.perform(post("/api/v1/calendar-days").with(as("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2031-03-12\", \"kind\": \"HOLIDAY\", \"name\": \"植树日（测试）\"}"))
                .andExpect(status().isCreated());
        assertThat(deadlines.calendar().isWorkingDay(day)).isFalse();
        assertThat(auditedActions("sysadmin", "CalendarDay", day)).containsExactly("CREATE");

        mvc.perform(post("/api/v1/calendar-days").with(as("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2031-03-12\", \"kind\": \"HOLIDAY\", \"name\": \"重复\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));

        mvc.perform(delete("/api/v1/calendar-days/2031-03-12").with(as("sysadmin")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(deadlines.calendar().isWorkingDay(day)).isTrue();
    }

    @Test
    void only_the_system_administrator_changes_the_table() throws Exception {
        mvc.perform(post("/calendar").with(as("city-staff")).with(csrf())
                        .param("date", "2031-05-06").param("kind", "HOLIDAY").param("name", "不该添加"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/calendar-days").with(as("secadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2031-05-06\", \"kind\": \"HOLIDAY\", \"name\": \"不该添加\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_form_says_what_is_missing() throws Exception {
        mvc.perform(post("/calendar").with(as("sysadmin")).with(csrf())
                        .param("date", "").param("kind", "HOLIDAY").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此项必须填写。")));
        mvc.perform(post("/calendar").with(as("sysadmin")).with(csrf())
                        .param("date", "2031-13-45").param("kind", "HOLIDAY").param("name", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不对")));
    }
}

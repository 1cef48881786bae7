package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.PensionStandard;

/** The pension standards by year and grade: seeded for 2024–2026, kept by city staff, every change audited. */
class DisabilityPensionStandardsTests extends FullStackTest {

    /** A year far from the ones other tests generate pensions for. */
    private static final int YEAR = 2099;

    private ResultActions set(String user, int year, int grade, String amount) throws Exception {
        return mvc.perform(put("/api/v1/pension-standards/{y}/{g}", year, grade).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"annualAmount\": " + amount + "}"));
    }

    @Test
    void the_seeded_years_hold_all_ten_grades_falling_from_grade_1_to_grade_10() throws Exception {
        for (int year = 2024; year <= 2026; year++) {
            List<java.math.BigDecimal> amounts = jdbc.sql(
                    "select annual_amount from pension_standard where pension_year = :y order by grade")
                    .param("y", year).query(java.math.BigDecimal.class).list();
            assertThat(amounts).hasSize(10);
            for (int i = 1; i < amounts.size(); i++) {
                assertThat(amounts.get(i)).isLessThan(amounts.get(i - 1));
            }
        }
        mvc.perform(get("/api/v1/pension-standards").param("year", "2026").with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[0].grade").value(1))
                .andExpect(jsonPath("$[6].annualAmount").value(30300.00));
    }

    @Test
    void city_staff_set_a_standard_and_each_change_is_audited() throws Exception {
        set("city-staff", YEAR, 3, "70000.50").andExpect(status().isOk())
                .andExpect(jsonPath("$.annualAmount").value(70000.50))
                .andExpect(jsonPath("$.updatedBy").value("city-staff"));
        set("city-staff", YEAR, 3, "71200").andExpect(status().isOk());
        set("city-staff", YEAR, 3, "71200.00").andExpect(status().isOk());
        assertThat(auditedActions("city-staff", "PensionStandard", YEAR + "-3")).containsExactly("CREATE", "UPDATE");
        String changes = jdbc.sql("""
                select changes from audit_entry where entity_type = 'PensionStandard' and entity_id = :id
                order by id desc limit 1""").param("id", YEAR + "-3").query(String.class).single();
        assertThat(changes).contains("70000.50").contains("71200.00");

        set("jinjiang-staff", YEAR, 3, "1").andExpect(status().isForbidden());
        set("city-staff", YEAR, 3, "0").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("annualAmount"));
        set("city-staff", YEAR, 3, "100.005").andExpect(status().isBadRequest());
        set("city-staff", YEAR, 11, "100").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grade"));
        set("city-staff", 1999, 3, "100").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/v1/pension-standards").param("year", String.valueOf(YEAR)).with(as("city-staff")))
                .andExpect(jsonPath("$[0].annualAmount").value(71200.00));
    }

    @Test
    void the_page_saves_a_year_at_once_or_nothing() throws Exception {
        int year = YEAR - 1;
        mvc.perform(post("/pension-standards").with(as("city-staff")).with(csrf()).param("year", String.valueOf(year))
                        .param("grade1", "95000").param("grade2", "abc").param("grade10", "9800"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 级的金额应为大于 0 的数字")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(jdbc.sql("select count(*) from pension_standard where pension_year = :y").param("y", year)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/pension-standards").with(as("city-staff")).with(csrf()).param("year", String.valueOf(year))
                        .param("grade1", "95,000").param("grade2", "").param("grade10", "9800.00"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from pension_standard where pension_year = :y").param("y", year)
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/pension-standards").param("year", String.valueOf(year)).with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"95000.00\"")))
                .andExpect(content().string(containsString("¥816.67")));
        mvc.perform(get("/pension-standards").param("year", "2026").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("¥90,800.00")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("save-standards"))));
        mvc.perform(post("/pension-standards").with(as("jinjiang-staff")).with(csrf()).param("year", "2026")
                .param("grade1", "1")).andExpect(status().isForbidden());
    }
}

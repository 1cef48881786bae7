package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.Deaths;

/** Death determinations and compensation, hospital stays and the living allowance, the benefits register. */
class ProtectionTests extends FullStackTest {

    @Autowired
    Deaths deaths;

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long registered() throws Exception {
        String body = call("jinjiang-staff", "/api/v1/samaritans", """
                {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2010 年表彰名册"}"""
                .formatted(unique("陈"), uniqueResidentId("35058219650505")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void the_one_time_compensation_is_twenty_times_last_years_income_plus_forty_months_salary() {
        // 2024: 20 × 51,821 (2023 income) + 40 × 8,400 (2024 salary) = 1,036,420 + 336,000
        assertThat(deaths.compensation(2024).amount()).isEqualTo(new BigDecimal("1372420.00"));
        assertThat(deaths.compensation(2023).amount()).isEqualTo(new BigDecimal("1309660.00"));
    }

    @Test
    void a_death_otherwise_is_compensated_and_survivors_get_their_pensions() throws Exception {
        long id = registered();
        String child = unique("陈小");
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/family", "{\"relation\": \"SPOUSE\", \"name\": \"林秀英\"}")
                .andExpect(status().isCreated());
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/family",
                "{\"relation\": \"CHILD\", \"name\": \"" + child + "\", \"birthDate\": \"2015-03-01\"}")
                .andExpect(status().isCreated());
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/death",
                "{\"diedOn\": \"2026-01-10\", \"determination\": \"OTHER\", \"grantSurvivors\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("2025 年全国城镇居民人均可支配收入")));
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/death",
                "{\"diedOn\": \"2024-08-10\", \"determination\": \"OTHER\", \"grantSurvivors\": true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.compensation").value(1372420.00));
        mvc.perform(get("/api/v1/samaritans/{id}", id).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("DECEASED"))
                .andExpect(jsonPath("$.deathKind").value("OTHER"))
                .andExpect(jsonPath("$.family[0].entitlements[0].endCondition").value("REMARRIAGE"))
                .andExpect(jsonPath("$.family[1].entitlements[0].endCondition").value("AGE_18"));
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/death",
                "{\"diedOn\": \"2024-08-10\", \"determination\": \"OTHER\"}").andExpect(status().isConflict());
        mvc.perform(get("/samaritans/{id}", id).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("¥1,372,420.00")));
    }

    @Test
    void a_martyr_application_is_tracked_until_the_province_decides() throws Exception {
        long id = registered();
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/death",
                "{\"diedOn\": \"2016-05-01\", \"determination\": \"MARTYR_APPLICATION\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("PENDING"));
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/death/martyr-decision", "{\"approved\": true}")
                .andExpect(status().isBadRequest());
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/death/martyr-decision",
                "{\"approved\": true, \"documentNumber\": \"闽政文〔2016〕120号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("MARTYR"));
        mvc.perform(get("/api/v1/samaritans/{id}", id).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.deathKind").value("MARTYR"));
        call("nanan-staff", "/api/v1/samaritans/" + id + "/death/martyr-decision", "{\"approved\": false}")
                .andExpect(status().isNotFound());
    }

    @Test
    void a_hospital_stay_adds_up_expenses_by_payer_and_the_living_allowance() throws Exception {
        long id = registered();
        LocalDate today = clock.today();
        LocalDate admitted = LocalDate.of(2026, 3, 1);
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/hospital-stays", """
                {"hospital": "晋江市医院", "admittedOn": "2026-03-01", "dischargedOn": "2026-02-20"}""")
                .andExpect(status().isBadRequest());
        String body = call("jinjiang-staff", "/api/v1/samaritans/" + id + "/hospital-stays", """
                {"hospital": "晋江市医院", "admittedOn": "%s", "dischargedOn": "2026-03-16", "diagnosis": "左手掌切割伤"}"""
                .formatted(admitted)).andExpect(status().isCreated())
                // 15 days × 7,500 / 30 = 3,750.00
                .andExpect(jsonPath("$.livingAllowance").value(3750.00))
                .andReturn().getResponse().getContentAsString();
        long stay = ((Number) JsonPath.read(body, "$.id")).longValue();
        String expenses = "/api/v1/samaritans/" + id + "/hospital-stays/" + stay + "/expenses";
        call("jinjiang-staff", expenses, "{\"amount\": 0, \"payer\": \"EMPLOYER\"}").andExpect(status().isBadRequest());
        call("jinjiang-staff", expenses, "{\"amount\": 1200.50, \"payer\": \"EMPLOYER\"}").andExpect(status().isOk());
        call("jinjiang-staff", expenses, "{\"amount\": 800.25, \"payer\": \"HOSPITAL\"}").andExpect(status().isOk());
        call("jinjiang-staff", expenses, "{\"amount\": 99.25, \"payer\": \"EMPLOYER\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2100.00))
                .andExpect(jsonPath("$.totalsByPayer.EMPLOYER").value(1299.75))
                .andExpect(jsonPath("$.totalsByPayer.HOSPITAL").value(800.25));
        assertThat(today).isAfter(admitted);
    }

    @Test
    void a_benefit_moves_only_forward_and_closes_with_its_outcome() throws Exception {
        long id = registered();
        String body = call("jinjiang-staff", "/api/v1/samaritans/" + id + "/benefits", """
                {"kind": "HOUSING", "request": "申请公共租赁住房", "responsibleBody": "晋江市住建局"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
                .andReturn().getResponse().getContentAsString();
        long benefit = ((Number) JsonPath.read(body, "$.id")).longValue();
        String move = "/api/v1/samaritans/" + id + "/benefits/" + benefit + "/status";
        call("jinjiang-staff", move, "{\"status\": \"GRANTED\"}").andExpect(status().isBadRequest());
        call("jinjiang-staff", move, "{\"status\": \"IN_PROGRESS\"}").andExpect(status().isOk());
        call("jinjiang-staff", move, "{\"status\": \"GRANTED\", \"outcome\": \"已分配青阳街道公租房一套\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.closedOn").isNotEmpty());
        call("jinjiang-staff", move, "{\"status\": \"IN_PROGRESS\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已落实")));
        call("jinjiang-staff", "/api/v1/samaritans/" + id + "/benefits", "{\"kind\": \"HOUSING\"}")
                .andExpect(status().isBadRequest());
    }
}

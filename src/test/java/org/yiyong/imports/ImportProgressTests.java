package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.yiyong.shared.ResidentId;

/**
 * A long import runs in the background: its page and its API say how far it has got, and it can be stopped while
 * it checks or while it saves, leaving nothing behind. Deeds brought in with the people count in the statistics as
 * deeds decided here do, and leave them when the import is undone.
 */
class ImportProgressTests extends ImportTest {

    /** Rows of distinct Jinjiang people born on days no other test here uses. */
    private static List<Object[]> people(int count) {
        long n = System.nanoTime();
        LocalDate first = LocalDate.of(1951 + (int) (n % 20), 1, 1).plusDays((n / 20) % 200);
        String seq = String.format("%03d", 100 + (n / 4000) % 800);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = ResidentId.withCheckDigit("350582" + first.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE)
                    + seq);
            rows.add(row(new Object[] {"进度" + i + "号", id, "晋江市", "台账第 " + (i / 20 + 1) + " 页"}, DEED));
        }
        return rows;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Waits until the running import has done at least {@code rows} rows of the step it is in. */
    private void awaitDone(long id, String step, int rows) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String body = mvc.perform(get("/api/v1/imports/{id}", id).with(as("jinjiang-staff")))
                    .andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(body, "$.job.status");
            int done = JsonPath.read(body, "$.job.rowsDone");
            if (status.equals(step) && done >= rows) {
                return;
            }
            assertThat(status).as("still running").isIn("CHECKING", "SAVING");
            assertThat(System.nanoTime()).as("import %s reaches %s rows", id, rows).isLessThan(until);
            Thread.sleep(2);
        }
    }

    @Test
    void an_import_stopped_while_saving_keeps_nothing() throws Exception {
        byte[] file = workbook(HEADERS, people(3000), 0);
        String checked = checked("jinjiang-staff", "三千人.xlsx", file);
        long id = id(checked);
        assertThat(JsonPath.<Integer>read(checked, "$.job.validRows")).isEqualTo(3000);
        long people = count("samaritan");
        long deeds = count("deed");
        long confirmations = count("samaritan_deed");
        long events = count("samaritan_event");

        mvc.perform(post("/api/v1/imports/{id}/confirmation", id).with(as("jinjiang-staff"))
                        .contentType("application/json").content("{\"version\": 1}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("SAVING"))
                .andExpect(jsonPath("$.expectedRows").value(3000));
        awaitDone(id, "SAVING", 250);
        // the page shows the bar and the button to stop while it saves
        String page = mvc.perform(get("/imports/{id}", id).with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-bar\"", "id=\"cancel-import\"", "共 3,000 行");
        mvc.perform(post("/imports/{id}/cancel", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String stopped = settled("jinjiang-staff", id);
        assertThat(JsonPath.<String>read(stopped, "$.job.status")).isEqualTo("CANCELLED");
        assertThat(JsonPath.<Integer>read(stopped, "$.job.savedRows")).isZero();
        assertThat(count("samaritan")).isEqualTo(people);
        assertThat(count("deed")).isEqualTo(deeds);
        assertThat(count("samaritan_deed")).isEqualTo(confirmations);
        assertThat(count("samaritan_event")).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from import_row where job_id = :id and outcome = 'SAVED'")
                .param("id", id).query(Long.class).single()).isZero();
        mvc.perform(post("/api/v1/imports/{id}/cancel", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().isConflict());
        // once it has stopped, the progress fragment has the page loaded anew
        mvc.perform(get("/imports/{id}/progress", id).with(as("jinjiang-staff")))
                .andExpect(header().string("HX-Refresh", "true"));
        assertThat(auditedActions("jinjiang-staff", "ImportJob", id)).contains("DEACTIVATE");
    }

    @Test
    void an_import_stopped_while_checking_keeps_no_rows() throws Exception {
        byte[] file = workbook(HEADERS, people(3000), 0);
        String accepted = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "三千人.xlsx",
                        null, file)).param("register", "samaritans").with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/imports/")))
                .andExpect(jsonPath("$.job.status").value("CHECKING"))
                .andExpect(jsonPath("$.job.expectedRows").value(3000))
                .andReturn().getResponse().getContentAsString();
        long id = id(accepted);
        awaitDone(id, "CHECKING", 250);
        mvc.perform(post("/api/v1/imports/{id}/cancel", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cancelRequested").value(true));
        mvc.perform(post("/api/v1/imports/{id}/cancel", id).with(as("nanan-staff")).with(csrf()))
                .andExpect(status().isNotFound());
        String stopped = settled("jinjiang-staff", id);
        assertThat(JsonPath.<String>read(stopped, "$.job.status")).as(stopped).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from import_row where job_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        step("jinjiang-staff", id, "confirmation", JsonPath.<Integer>read(stopped, "$.job.version"))
                .andExpect(status().isConflict());
    }

    private String doneList(String user) throws Exception {
        return mvc.perform(get("/tasks").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void deeds_brought_in_count_in_the_statistics_until_the_import_is_undone() throws Exception {
        List<Object[]> rows = people(3);
        // the first person's second deed, three years on: one person, two deeds
        rows.add(row(new Object[] {rows.get(0)[0], rows.get(0)[1], "晋江市", "晋见协〔2019〕5号", null, null, null, null,
                "2019.6.1", "协助抓获犯罪嫌疑人或侦破重大案件", "晋江市青阳街道", "协助民警抓获抢夺嫌疑人", "受伤", "2019年8月30日"}));
        String before2016 = statistics(2016);
        String before2019 = statistics(2019);
        long people = jdbc.sql("select count(*) from samaritan").query(Long.class).single();

        String checked = checked("jinjiang-staff", "事迹台账.xlsx", workbook(HEADERS, rows, 0));
        long id = id(checked);
        assertThat(JsonPath.<Integer>read(checked, "$.job.validRows")).isEqualTo(4);
        saved("jinjiang-staff", id, 1);
        assertThat(jdbc.sql("select count(*) from samaritan").query(Long.class).single()).isEqualTo(people + 3);

        String after2016 = statistics(2016);
        for (String key : List.of("deeds.received", "deeds.accepted", "deeds.decided", "deeds.confirmations")) {
            assertThat(total(after2016, key)).as(key + " 2016").isEqualByComparingTo(total(before2016, key)
                    .add(BigDecimal.valueOf(3)));
        }
        assertThat(total(statistics(2019), "deeds.confirmations")).as("the second deed, confirmed in 2019")
                .isEqualByComparingTo(total(before2019, "deeds.confirmations").add(BigDecimal.ONE));

        // the person with two deeds: one record, both confirmations, injured by the second; each deed a closed case
        List<Map<String, Object>> deeds = jdbc.sql("""
                select sd.deed_id, s.status, s.id as samaritan_id from samaritan_deed sd join samaritan s on s.id = sd.samaritan_id
                where s.import_id = :id and s.import_row = 2 order by sd.occurred_on""")
                .param("id", id).query().listOfRows();
        assertThat(deeds).hasSize(2);
        assertThat(deeds.get(0).values()).contains("INJURED");
        long deed = ((Number) deeds.get(1).values().iterator().next()).longValue();
        // their awards were decided before Yiyong: the check of missed awards leaves them out
        List<Long> confirmations = jdbc.sql("""
                select sd.id from samaritan_deed sd join samaritan s on s.id = sd.samaritan_id where s.import_id = :id""")
                .param("id", id).query(Long.class).list();
        assertThat(confirmations).hasSize(4);
        String guarantees = mvc.perform(get("/api/v1/guarantees").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> subjects = JsonPath.read(guarantees, "$[*].subject");
        assertThat(subjects).doesNotContainAnyElementsOf(confirmations.stream().map(c -> "confirmation-" + c).toList());
        String deedPage = mvc.perform(get("/deeds/{id}", deed).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(deedPage).contains("协助民警抓获抢夺嫌疑人", "历史台账导入", "事迹台账.xlsx 第 5 行");
        mvc.perform(get("/deeds/{id}", deed).with(as("nanan-staff"))).andExpect(status().isNotFound());
        assertThat(doneList("jinjiang-staff")).as("the done list links what the import made")
                .contains("href=\"/deeds/" + deed + "\"");

        // a case of the registers cannot be registered as new
        mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType("application/json").content("""
                {"regionCode": "350582", "category": "RESCUE", "source": "HISTORICAL_REGISTER",
                 "occurredAt": "%s", "address": "晋江", "title": "补录", "narrative": "补录",
                 "participants": [{"role": "ACTOR", "name": "补录人", "harm": "NONE"}]}"""
                        .formatted(clock.nowToTheMinute().minusDays(3))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"));

        String saved = mvc.perform(get("/api/v1/imports/{id}", id).with(as("jinjiang-staff"))).andReturn()
                .getResponse().getContentAsString();
        step("jinjiang-staff", id, "undo", JsonPath.<Integer>read(saved, "$.job.version")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from samaritan").query(Long.class).single()).isEqualTo(people);
        assertThat(jdbc.sql("select count(*) from deed where import_id = :id").param("id", id).query(Long.class)
                .single()).isZero();
        // the done list still says what was done, but sends no one to the records the undo removed
        assertThat(doneList("jinjiang-staff")).doesNotContain("href=\"/deeds/" + deed + "\"")
                .doesNotContain("href=\"/samaritans/" + deeds.get(0).get("samaritan_id") + "\"");
        String undone2016 = statistics(2016);
        for (String key : List.of("deeds.received", "deeds.decided", "deeds.confirmations")) {
            assertThat(total(undone2016, key)).as(key + " after undo").isEqualByComparingTo(total(before2016, key));
        }
    }
}

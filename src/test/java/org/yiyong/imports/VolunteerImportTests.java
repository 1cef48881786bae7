package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyong.shared.ResidentId;

/**
 * A team's earlier roll of volunteers brought in: each into a team of the caller's counties found by name, with the
 * day the volunteer agreed to be registered (no consent, no row); a volunteer is registered once; undone as a whole.
 */
class VolunteerImportTests extends ImportTest {

    private static final String[] COLUMNS = {"姓名", "身份证号", "所属队伍", "加入日期", "同意登记日期", "联系电话", "特长"};

    @Test
    void volunteers_join_their_teams_with_their_consent_once() throws Exception {
        String team = jdbc.sql("select name from volunteer_team where region_code = '350582' order by id")
                .query(String.class).list().get(0);
        String nanan = jdbc.sql("select name from volunteer_team where region_code = '350583' order by id")
                .query(String.class).list().stream().filter(name -> !name.equals(team)).findFirst().orElseThrow();
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1970 + (int) (n % 20), 1, 1).plusDays((n / 20) % 300);
        String seq = String.format("%03d", 100 + (n / 6000) % 800);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new Object[] {"志愿" + i + "号", ResidentId.withCheckDigit("350582"
                    + born.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE) + seq), team, "2021-03-05",
                "2021.3.5", "1390595" + String.format("%04d", i), "游泳"});
        }
        rows.add(new Object[] {"无同意", ResidentId.withCheckDigit("350582" + born.plusDays(5)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + seq), team, "2021-03-05"});          // row 5: consent
        rows.add(new Object[] {"外县", ResidentId.withCheckDigit("350582" + born.plusDays(6)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + seq), nanan, "2021-03-05", "2021-03-05"}); // row 6: team
        rows.add(rows.get(0).clone());                                                                  // row 7: twice
        String checked = checked("jinjiang-staff", "volunteers", "志愿者名册.xlsx", workbook(COLUMNS, rows, 0));
        List<Map<String, Object>> refused = JsonPath.read(checked, "$.rows");
        assertThat(refused).extracting(row -> ((Number) row.get("number")).intValue()).containsExactly(5, 6, 7);
        assertThat(JsonPath.<List<String>>read(checked, "$.rows[0].problems[*].header")).containsExactly("同意登记日期");
        assertThat(JsonPath.<List<String>>read(checked, "$.rows[1].problems[*].message").get(0)).contains(nanan);
        long id = id(checked);
        long before = jdbc.sql("select count(*) from volunteer").query(Long.class).single();
        saved("jinjiang-staff", id, 1);
        assertThat(jdbc.sql("""
                select count(*) from volunteer v join volunteer_team t on t.id = v.team_id
                where v.import_id = :id and t.name = :team and v.consent_on = date '2021-03-05' and v.status = 'ACTIVE'""")
                .param("id", id).param("team", team).query(Long.class).single()).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "volunteers", "志愿者名册.xlsx",
                workbook(COLUMNS, rows, 0)), "$.job.existingRows")).isEqualTo(3);
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from volunteer").query(Long.class).single()).isEqualTo(before);
    }

    private static final String[] HOURS = {"姓名", "身份证号", "服务日期", "活动类型", "服务内容", "服务地点", "服务时长（小时）"};

    @Test
    void hours_of_the_earlier_registers_count_as_activities_and_hours_signed_in_here() throws Exception {
        String team = jdbc.sql("select name from volunteer_team where region_code = '350582' order by id")
                .query(String.class).list().get(0);
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1960 + (int) (n % 20), 1, 1).plusDays((n / 20) % 300);
        String seq = String.format("%03d", 100 + (n / 6000) % 800);
        List<String> ids = new ArrayList<>();
        List<Object[]> roll = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ResidentId.withCheckDigit("350582" + born.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE)
                    + seq));
            roll.add(new Object[] {"时长" + i + "号", ids.get(i), team, "2022-05-01", "2022-05-01"});
        }
        long people = id(checked("jinjiang-staff", "volunteers", "志愿者名册.xlsx", workbook(COLUMNS, roll, 0)));
        saved("jinjiang-staff", people, 1);
        String before = statistics(2023);

        String unknown = ResidentId.withCheckDigit("350582" + born.plusDays(9).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"时长0号", ids.get(0), "2023.7.15", "治安巡逻", "暑期防溺水巡逻", "安海镇西安村水库", "3"});
        rows.add(new Object[] {"时长1号", ids.get(1), "2023年7月15日", "治安巡逻", "暑期防溺水巡逻", "安海镇西安村水库",
            "2.5小时"});                                                                       // the same activity
        rows.add(new Object[] {"时长0号", ids.get(0), "2023-08-01", "宣传", "防诈骗宣传进社区", null, "2"});
        rows.add(new Object[] {"查无此人", unknown, "2023-08-01", "宣传", "防诈骗宣传进社区", null, "2"}); // row 5
        rows.add(new Object[] {"时长九号", ids.get(2), "2023-08-01", "宣传", "防诈骗宣传进社区", null, "2"}); // row 6
        rows.add(new Object[] {"时长2号", ids.get(2), "2023-08-01", "宣传", "防诈骗宣传进社区", null, "25"});  // row 7
        rows.add(new Object[] {"时长2号", ids.get(2), "2021-08-01", "宣传", "防诈骗宣传进社区", null, "2"});  // row 8
        rows.add(new Object[] {"时长2号", ids.get(2), "2023-08-01", "跳舞", "防诈骗宣传进社区", null, "2"});  // row 9
        rows.add(rows.get(0).clone());                                                        // row 10: twice
        String checked = checked("jinjiang-staff", "volunteer-hours", "时长台账.xlsx", workbook(HOURS, rows, 0));
        List<Map<String, Object>> refused = JsonPath.read(checked, "$.rows");
        assertThat(refused).extracting(row -> ((Number) row.get("number")).intValue())
                .containsExactly(5, 6, 7, 8, 9, 10);
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            headers.add(JsonPath.read(checked, "$.rows[" + i + "].problems[0].header"));
        }
        assertThat(headers).containsExactly("身份证号", "姓名", "服务时长（小时）", "服务日期", "活动类型");
        assertThat(JsonPath.<String>read(checked, "$.rows[5].problems[0].message")).contains("第 2 行");
        assertThat(JsonPath.<String>read(checked, "$.rows[1].problems[0].message")).contains("时长2号");
        assertThat(JsonPath.<String>read(checked, "$.rows[3].problems[0].message")).contains("2022-05-01");
        long id = id(checked);
        saved("jinjiang-staff", id, 1);

        // two activities of the team, the first as long as its longest service, each volunteer signed in once
        List<Map<String, Object>> activities = jdbc.sql("""
                select a.title, a.kind, a.place, a.starts_at, a.ends_at, count(h.id) as signed, sum(h.hours) as hours
                from volunteer_activity a join volunteer_attendance h on h.activity_id = a.id
                where a.import_id = :id group by a.id, a.title, a.kind, a.place, a.starts_at, a.ends_at
                order by a.starts_at""").param("id", id).query().listOfRows();
        assertThat(activities).hasSize(2);
        assertThat(activities.get(0)).containsEntry("title", "暑期防溺水巡逻").containsEntry("kind", "PATROL");
        assertThat(((Number) activities.get(0).get("signed")).intValue()).isEqualTo(2);
        assertThat(java.time.Duration.between(((java.sql.Timestamp) activities.get(0).get("starts_at")).toLocalDateTime(),
                ((java.sql.Timestamp) activities.get(0).get("ends_at")).toLocalDateTime())).hasHours(3);
        assertThat(activities.get(1)).containsEntry("place", "台账未记地点");
        String after = statistics(2023);
        assertThat(total(after, "community.volunteer-hours")).isEqualByComparingTo(
                total(before, "community.volunteer-hours").add(new java.math.BigDecimal("7.5")));
        assertThat(total(after, "community.activities")).isEqualByComparingTo(
                total(before, "community.activities").add(java.math.BigDecimal.valueOf(2)));
        // the same file again adds nothing
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "volunteer-hours", "时长台账.xlsx",
                workbook(HOURS, rows, 0)), "$.job.existingRows")).isEqualTo(3);

        // the volunteers stay while their hours do; the hours undone, then the volunteers
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isConflict());
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(total(statistics(2023), "community.volunteer-hours"))
                .isEqualByComparingTo(total(before, "community.volunteer-hours"));
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isOk());
    }

    @Test
    void one_activity_whose_rows_run_over_several_parts_stays_one_activity() throws Exception {
        String team = jdbc.sql("select name from volunteer_team where region_code = '350582' order by id")
                .query(String.class).list().get(0);
        long n = System.nanoTime();
        String seq = String.format("%03d", 100 + (n / 6000) % 800);
        LocalDate born = LocalDate.of(1940 + (int) (n % 10), 1, 1);
        int count = 260; // more than the tests' part of 250 rows
        List<Object[]> roll = new ArrayList<>();
        List<Object[]> hours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = ResidentId.withCheckDigit("350582" + born.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE)
                    + seq);
            roll.add(new Object[] {"长队" + i + "号", id, team, "2022-05-01", "2022-05-01"});
            hours.add(new Object[] {"长队" + i + "号", id, "2023-07-20", "救援演练", "全市水域救援演练",
                "晋江市安平桥", i == count - 1 ? "6" : "4"});
        }
        long people = id(checked("jinjiang-staff", "volunteers", "长名册.xlsx", workbook(COLUMNS, roll, 0)));
        saved("jinjiang-staff", people, 1);
        long id = id(checked("jinjiang-staff", "volunteer-hours", "演练时长.xlsx", workbook(HOURS, hours, 0)));
        assertThat(JsonPath.<String>read(saved("jinjiang-staff", id, 1), "$.job.status")).isEqualTo("SAVED");
        List<Map<String, Object>> activities = jdbc.sql("""
                select a.id, a.starts_at, a.ends_at, (select count(*) from volunteer_attendance h
                    where h.activity_id = a.id) as signed from volunteer_activity a where a.import_id = :id""")
                .param("id", id).query().listOfRows();
        assertThat(activities).hasSize(1);
        assertThat(((Number) activities.get(0).get("signed")).intValue()).isEqualTo(count);
        // the last part's longest service made the activity longer
        assertThat(java.time.Duration.between(((java.sql.Timestamp) activities.get(0).get("starts_at"))
                .toLocalDateTime(), ((java.sql.Timestamp) activities.get(0).get("ends_at")).toLocalDateTime()))
                .hasHours(6);
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isOk());
    }
}

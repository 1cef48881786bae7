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
}

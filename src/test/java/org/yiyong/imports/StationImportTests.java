package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Work stations of the earlier registers: each a work station under its county's association with its record and its
 * steps (built, accepted on their days), shown on the station pages with the file and row it came from; one of a name
 * per county; another county's row refused, not moved; undone as a whole, and not while someone refers to a station.
 */
class StationImportTests extends ImportTest {

    private static final String[] COLUMNS = {"工作站名称", "县（市、区）", "依托单位类型", "依托单位名称", "地址", "对外电话", "开放时间", "纬度",
        "经度", "建成日期", "验收日期", "示范点年度"};

    @Test
    void stations_of_the_earlier_register_become_work_stations_with_their_steps() throws Exception {
        String tag = String.valueOf(System.nanoTime() % 100_000);
        String dongshi = "晋江市东石镇见义勇为工作站" + tag;
        String longhu = "晋江市龙湖镇见义勇为工作站" + tag;
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {dongshi, "晋江市", "乡镇（街道）", "东石镇人民政府", "东石镇镇区路 1 号", "0595-85561234",
            "工作日 8:00-17:30", "24.6812", "118.4925", "2019-05-20", "2019.9.10", "2021"});
        rows.add(new Object[] {longhu, "350582", "派出所", "龙湖派出所", null, null, null, null, null, "2020年3月1日"});
        rows.add(new Object[] {"南安某站" + tag, "南安市", "学校", null, null, null, null, null, null, "2020-01-01"}); // 4
        rows.add(new Object[] {"某站" + tag, "晋江市", "医院", null, null, null, null, null, null, "2020-01-01"});   // 5
        rows.add(new Object[] {"某站二" + tag, "晋江市", "学校", null, null, null, null, "24.68", null, "2020-01-01"}); // 6
        rows.add(new Object[] {"某站三" + tag, "晋江市", "学校", null, null, null, null, null, null, "2020-01-01",
            "2019-12-31"});                                                                                       // 7
        rows.add(new Object[] {"晋江市安海镇见义勇为工作站", "晋江市", "乡镇（街道）", null, null, null, null, null, null,
            "2018-01-01"});                                                                       // 8: on file
        rows.add(rows.get(0).clone());                                                            // 9: twice
        rows.add(new Object[] {"某站四" + tag, "晋江市", "学校", null, null, null, null, null, null, "2020-01-01", null,
            "2021"});                                                                   // 10: named, never accepted
        String checked = checked("jinjiang-staff", "stations", "工作站台账.xlsx", workbook(COLUMNS, rows, 0));
        Map<Integer, String> reasons = reasons(checked);
        assertThat(reasons).containsOnlyKeys(4, 5, 6, 7, 8, 9, 10);
        assertThat(reasons.get(10)).startsWith("示范点年度：").contains("验收");
        assertThat(reasons.get(8)).contains("已在系统中");
        assertThat(reasons.get(4)).startsWith("县（市、区）：").contains("南安市");
        assertThat(reasons.get(5)).startsWith("依托单位类型：").contains("医院");
        assertThat(reasons.get(6)).startsWith("经度：");
        assertThat(reasons.get(7)).startsWith("验收日期：");
        assertThat(reasons.get(9)).contains("第 2 行");
        assertThat(JsonPath.<Integer>read(checked, "$.job.existingRows")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(checked, "$.job.validRows")).isEqualTo(2);
        long id = id(checked);
        saved("jinjiang-staff", id, 1);

        Map<String, Object> station = jdbc.sql("""
                select s.organization_id, s.status, s.founded_on, s.demonstration_year, s.latitude from station s
                where s.import_id = :id and s.import_row = 2""").param("id", id).query().singleRow();
        assertThat(station.get("status")).isEqualTo("ACCEPTED");
        assertThat(((Number) station.get("demonstration_year")).intValue()).isEqualTo(2021);
        long organization = ((Number) station.get("organization_id")).longValue();
        assertThat(jdbc.sql("select status from station_step where organization_id = :o order by step_on, id")
                .param("o", organization).query(String.class).list()).containsExactly("PLANNED", "BUILT", "ACCEPTED");
        assertThat(jdbc.sql("select status from station where import_id = :id and import_row = 3").param("id", id)
                .query(String.class).single()).isEqualTo("BUILT");
        String page = mvc.perform(get("/stations/{id}", organization).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(dongshi, "东石镇人民政府", "工作站台账.xlsx 第 2 行");
        assertThat(mvc.perform(get("/stations").with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(dongshi, longhu, "import-stations");
        mvc.perform(get("/stations/{id}", organization).with(as("nanan-staff"))).andExpect(status().isNotFound());

        // the same file again adds nothing; undone, the stations are gone with their organizations
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "stations", "工作站台账.xlsx",
                workbook(COLUMNS, rows, 0)), "$.job.existingRows")).isEqualTo(3);
        // a station staff have since moved on is theirs: the import stays until that step is gone
        long longhuId = jdbc.sql("select organization_id from station where import_id = :id and import_row = 3")
                .param("id", id).query(Long.class).single();
        mvc.perform(post("/api/v1/stations/{id}/status", longhuId).with(as("jinjiang-staff")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"ACCEPTED\", \"on\": \"2021-06-01\"}"))
                .andExpect(status().isOk());
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isConflict());
        jdbc.sql("delete from station_step where organization_id = :o and import_id is null").param("o", longhuId)
                .update();
        jdbc.sql("update station set status = 'BUILT', version = 0 where organization_id = :o").param("o", longhuId)
                .update();
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from organization where import_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/stations/{id}", organization).with(as("jinjiang-staff"))).andExpect(status().isNotFound());
    }
}

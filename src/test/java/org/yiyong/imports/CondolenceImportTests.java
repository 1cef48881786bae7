package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.yiyong.shared.ResidentId;

/**
 * Condolences given before Yiyong, brought in after the people: each row found by the person's resident ID with the
 * name as registered, filed under the import's own campaigns (one per festival and year, paid, nothing to send), so
 * that the statistics count the person-times and the money as they count a campaign paid here; refused with its
 * reason and cell where the register is wrong; undone as a whole, and the people not while condolences name them.
 */
class CondolenceImportTests extends ImportTest {

    private static final String[] COLUMNS = {"见义勇为人员身份证号", "姓名", "慰问年度", "节日", "慰问类别", "金额（元）", "发放日期", "领取人"};

    @Test
    void condolences_of_earlier_years_count_as_campaigns_paid_here() throws Exception {
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1955 + (int) (n % 15), 1, 1).plusDays((n / 15) % 300);
        String seq = String.format("%03d", 100 + (n / 4500) % 800);
        String chen = ResidentId.withCheckDigit("350582" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + seq);
        String lin = ResidentId.withCheckDigit("350582" + born.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        String nanan = ResidentId.withCheckDigit("350583" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + seq);
        String nobody = ResidentId.withCheckDigit("350582" + born.plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        long people = id(checked("jinjiang-staff", "人员.xlsx", workbook(HEADERS, List.of(
                row(new Object[] {"陈立新", chen, "晋江市", "泉政文〔2015〕20号"}, DEED),
                row(new Object[] {"林国栋", lin, "晋江市", "泉政文〔2015〕20号"}, DEED)), 0)));
        saved("jinjiang-staff", people, 1);
        long nananPeople = id(checked("nanan-staff", "南安.xlsx", workbook(HEADERS,
                List.<Object[]>of(row(new Object[] {"傅建国", nanan, "南安市", "南安台账"}, DEED)), 0)));
        saved("nanan-staff", nananPeople, 1);
        String before = statistics(2022);

        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {chen, "陈立新", "2022", "春节", "见义勇为人员", "2000", "2022-01-25"});
        rows.add(new Object[] {lin, "林国栋", "2022年", "春节", "已故人员家属", "¥3,000.00", "2022.1.26", "王秀英"});
        rows.add(new Object[] {chen, "陈立新", "2022", "中秋节", "见义勇为人员", "0.15万元", "2022年9月8日"});
        rows.add(new Object[] {nobody, "何某", "2022", "春节", "见义勇为人员", "2000", "2022-01-25"});    // row 5
        rows.add(new Object[] {chen, "陈立", "2022", "端午节", "见义勇为人员", "2000", "2022-06-01"});     // row 6
        rows.add(new Object[] {lin, "林国栋", "2022", "端午节", "已故人员家属", "3000", "2022-06-01"});     // row 7
        rows.add(new Object[] {chen, "陈立新", "2022", "春节", "见义勇为人员", "2000", "2022-01-25"});     // row 8
        rows.add(new Object[] {chen, "陈立新", "2022", "元旦", "见义勇为人员", "两千", "2022-01-01"});     // row 9
        rows.add(new Object[] {chen, "陈立新", "2022", "清明", "见义勇为人员", "2000", "2022-04-05"});     // row 10
        rows.add(new Object[] {chen, "陈立新", "2019", "元旦", "见义勇为人员", "2000", "2022-01-01"});     // row 11
        rows.add(new Object[] {nanan, "傅建国", "2022", "春节", "见义勇为人员", "2000", "2022-01-25"});    // row 12
        rows.add(new Object[] {chen, "陈立新", "2022", "元旦", "优抚对象", "2000", "2022-01-01"});         // row 13
        String checked = checked("jinjiang-staff", "condolences", "慰问台账.xlsx", workbook(COLUMNS, rows, 0));
        Map<Integer, String> reasons = reasons(checked);
        assertThat(reasons).containsOnlyKeys(5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(reasons.get(5)).startsWith("见义勇为人员身份证号：");
        assertThat(reasons.get(6)).startsWith("姓名：").contains("陈立新");
        assertThat(reasons.get(7)).startsWith("领取人：");
        assertThat(reasons.get(8)).contains("第 2 行");
        assertThat(reasons.get(9)).startsWith("金额（元）：").contains("两千");
        assertThat(reasons.get(10)).startsWith("节日：").contains("清明");
        assertThat(reasons.get(11)).startsWith("发放日期：");
        assertThat(reasons.get(12)).startsWith("见义勇为人员身份证号：");
        assertThat(reasons.get(13)).startsWith("慰问类别：").contains("优抚对象");
        long id = id(checked);
        saved("jinjiang-staff", id, 1);

        // two campaigns of Jinjiang's association, paid, nothing to send; three lines paid on their days
        List<Map<String, Object>> campaigns = jdbc.sql("""
                select id, name, festival, region_code, status, reference_date from campaign where import_id = :id
                order by reference_date""").param("id", id).query().listOfRows();
        assertThat(campaigns).extracting(c -> c.get("festival")).containsExactly("SPRING_FESTIVAL", "MID_AUTUMN");
        assertThat(campaigns).allSatisfy(c -> assertThat(c).containsEntry("region_code", "350582")
                .containsEntry("status", "SENT"));
        assertThat(jdbc.sql("""
                select count(*) from campaign_line where import_id = :id and status = 'PAID' and paid_on is not null
                and reason_code = 'IMPORTED'""").param("id", id).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select payee_name from campaign_line where import_id = :id and category = 'DECEASED_FAMILY'")
                .param("id", id).query(String.class).single()).isEqualTo("王秀英");
        String after = statistics(2022);
        assertThat(total(after, "care.condolences")).isEqualByComparingTo(total(before, "care.condolences")
                .add(BigDecimal.valueOf(3)));
        assertThat(total(after, "care.condolence-amount")).isEqualByComparingTo(total(before, "care.condolence-amount")
                .add(new BigDecimal("6500")));
        String page = mvc.perform(get("/campaigns/{id}", campaigns.get(0).get("id")).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"historical-campaign\"", "从历史台账导入", "陈立新", "林国栋")
                .doesNotContain("/payment-batch");
        mvc.perform(post("/api/v1/campaigns/{id}/payment-batch", campaigns.get(0).get("id")).with(as("jinjiang-staff"))
                .with(csrf())).andExpect(status().isConflict());
        assertThat(mvc.perform(get("/campaigns").with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("2022年春节慰问（历史台账）");

        // the same file again adds nothing
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "condolences", "慰问台账.xlsx",
                workbook(COLUMNS, rows, 0)), "$.job.existingRows")).isEqualTo(3);
        // the people stay while condolences name them; the condolences undone take the figures back
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isConflict());
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from campaign where import_id = :id").param("id", id).query(Long.class)
                .single()).isZero();
        String undone = statistics(2022);
        assertThat(total(undone, "care.condolences")).isEqualByComparingTo(total(before, "care.condolences"));
        assertThat(total(undone, "care.condolence-amount"))
                .isEqualByComparingTo(total(before, "care.condolence-amount"));
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isOk());
        step("nanan-staff", nananPeople, "undo", version("nanan-staff", nananPeople)).andExpect(status().isOk());
    }
}

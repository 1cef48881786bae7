package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyong.shared.ResidentId;

/**
 * Honours granted before Yiyong and their rewards, brought in after the people and their deeds: each found by the
 * person's resident ID, a title of the catalogue and (when given) the day of the deed on the person's record; counted
 * by the statistics as honours granted and rewards paid in the year of the decision, until the import is undone.
 */
class HonourImportTests extends ImportTest {

    private static final String[] COLUMNS = {"见义勇为人员身份证号", "荣誉称号", "表彰日期", "表彰文号", "事迹发生日期", "奖金（元）"};

    @Test
    void honours_of_the_registers_follow_their_people_and_deeds_and_count_in_the_statistics() throws Exception {
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1955 + (int) (n % 15), 1, 1).plusDays((n / 15) % 300);
        String seq = String.format("%03d", 100 + (n / 4500) % 800);
        String first = ResidentId.withCheckDigit("350582" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + seq);
        String second = ResidentId.withCheckDigit("350582" + born.plusDays(3).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        long people = id(checked("jinjiang-staff", "人员.xlsx", workbook(HEADERS, List.of(
                row(new Object[] {"黄文彬", first, "晋江市", "泉政文〔2016〕87号"}, DEED),
                row(new Object[] {"黄文质", second, "晋江市", "泉政文〔2016〕87号"}, DEED)), 0)));
        saved("jinjiang-staff", people, 1);
        String before = statistics(2016);

        List<Object[]> honours = new ArrayList<>();
        honours.add(new Object[] {first, "泉州市见义勇为先进个人", "2016-12-21", "泉政文〔2016〕87号", "2016-08-12", "¥20,000"});
        honours.add(new Object[] {second, "泉州市见义勇为模范", "2016年12月21日", "泉政文〔2016〕87号"});
        honours.add(new Object[] {first, "见义勇为金质奖章", "2016-12-21", "泉政文〔2016〕87号"});              // row 4
        honours.add(new Object[] {second, "泉州市见义勇为先进个人", "2016-12-21", "泉政文〔2016〕87号", "2015-01-01"}); // row 5
        honours.add(new Object[] {first, "泉州市见义勇为先进个人", "2016-12-21", "泉政文〔2016〕87号", "2016-08-12"}); // row 6
        String checked = checked("jinjiang-staff", "honours", "表彰.xlsx", workbook(COLUMNS, honours, 0));
        List<Map<String, Object>> refused = JsonPath.read(checked, "$.rows");
        assertThat(refused).extracting(row -> ((Number) row.get("number")).intValue()).containsExactly(4, 5, 6);
        assertThat(JsonPath.<List<String>>read(checked, "$.rows[0].problems[*].message").get(0)).contains("金质奖章");
        assertThat(JsonPath.<List<String>>read(checked, "$.rows[1].problems[*].header").get(0)).isEqualTo("事迹发生日期");
        long id = id(checked);
        saved("jinjiang-staff", id, 1);

        long firstId = jdbc.sql("select id from samaritan where import_id = :id and import_row = 2").param("id", people)
                .query(Long.class).single();
        Map<String, Object> honour = jdbc.sql("""
                select h.deed_id, h.reward_amount, h.mode, h.status, h.certificate_number, sd.deed_id as confirmed_deed
                from honour h join samaritan_deed sd on sd.samaritan_id = h.samaritan_id
                where h.import_id = :id and h.samaritan_id = :person""")
                .param("id", id).param("person", firstId).query().singleRow();
        assertThat(((Number) honour.get("deed_id")).longValue()).isEqualTo(((Number) honour.get("confirmed_deed"))
                .longValue());
        assertThat((BigDecimal) honour.get("reward_amount")).isEqualByComparingTo("20000");
        assertThat(honour.get("status")).isEqualTo("GRANTED");
        assertThat(honour.get("certificate_number")).isNotNull();

        String after = statistics(2016);
        assertThat(total(after, "honours.granted")).isEqualByComparingTo(total(before, "honours.granted")
                .add(BigDecimal.valueOf(2)));
        BigDecimal granted = jdbc.sql("select sum(reward_amount) from honour where import_id = :id").param("id", id)
                .query(BigDecimal.class).single();
        assertThat(total(after, "honours.rewards-paid")).isEqualByComparingTo(total(before, "honours.rewards-paid")
                .add(granted));
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "honours", "表彰.xlsx", workbook(COLUMNS, honours, 0)),
                "$.job.existingRows")).isEqualTo(2);

        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)) // the honours name the people
                .andExpect(status().isConflict());
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(total(statistics(2016), "honours.granted")).isEqualByComparingTo(total(before, "honours.granted"));
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isOk());
    }
}

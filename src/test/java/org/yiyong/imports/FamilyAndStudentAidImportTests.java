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
 * The families of the registry's people and the student aid they were given, brought in from the earlier registers
 * after the people themselves: each row found by the person's resident ID (and the child by name), refused with its
 * reason when the person or child is not there or not the caller's; the aid counted in the statistics (the year's and
 * the cumulative person-times and amounts) as aid granted here is, until the import is undone — which the family's
 * import cannot be while the aid refers to it.
 */
class FamilyAndStudentAidImportTests extends ImportTest {

    private static final String[] FAMILY = {"见义勇为人员身份证号", "家属姓名", "关系", "家属身份证号", "出生日期", "联系电话", "就读学校",
        "学段"};
    private static final String[] AID = {"见义勇为人员身份证号", "学生姓名", "学年", "学段", "就读学校", "金额（元）", "批准日期", "发放日期",
        "发放单位", "批准文号"};

    @Test
    void families_and_the_aid_they_were_given_follow_the_people_and_count_in_the_statistics() throws Exception {
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1960 + (int) (n % 15), 1, 1).plusDays((n / 15) % 300);
        String seq = String.format("%03d", 100 + (n / 4500) % 800);
        String father = ResidentId.withCheckDigit("350582" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + seq);
        String mother = ResidentId.withCheckDigit("350582" + born.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        String nanan = ResidentId.withCheckDigit("350583" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + seq);
        String son = ResidentId.withCheckDigit("350582" + born.plusYears(30).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        List<Object[]> people = new ArrayList<>();
        people.add(row(new Object[] {"吴志坚", father, "晋江市", "泉政文〔2015〕20号"}, DEED));
        people.add(row(new Object[] {"许秋月", mother, "晋江市", "泉政文〔2015〕20号"}, DEED));
        long peopleImport = id(checked("jinjiang-staff", "人员.xlsx", workbook(HEADERS, people, 0)));
        saved("jinjiang-staff", peopleImport, 1);
        // a person of Nan'an, whose family is not Jinjiang's to bring in
        long nananImport = id(checked("nanan-staff", "南安.xlsx", workbook(HEADERS,
                List.<Object[]>of(row(new Object[] {"傅建国", nanan, "南安市", "南安台账"}, DEED)), 0)));
        saved("nanan-staff", nananImport, 1);

        List<Object[]> family = new ArrayList<>();
        family.add(new Object[] {father, "吴晓峰", "子女", son, null, null, "晋江市第一中学", "初中"});
        family.add(new Object[] {father, "许秋月", "妻子", null, "1971-03-02"});
        family.add(new Object[] {ResidentId.withCheckDigit("35058219990101" + seq), "某某", "子女"}); // row 4: no such person
        family.add(new Object[] {father, "吴某", "表弟"});                                             // row 5: relation
        family.add(new Object[] {nanan, "傅小红", "子女"});                                              // row 6: Nan'an's
        String checked = checked("jinjiang-staff", "family", "家属.xlsx", workbook(FAMILY, family, 0));
        assertThat(JsonPath.<Integer>read(checked, "$.job.validRows")).isEqualTo(2);
        Map<Integer, String> reasons = reasons(checked);
        assertThat(reasons).containsOnlyKeys(4, 5, 6);
        assertThat(reasons.get(4)).contains("见义勇为人员身份证号：", "没有这个身份证号");
        assertThat(reasons.get(5)).contains("关系：", "表弟");
        assertThat(reasons.get(6)).contains("管辖范围以外");
        long familyImport = id(checked);
        saved("jinjiang-staff", familyImport, 1);
        long fatherId = jdbc.sql("select id from samaritan where import_id = :id and import_row = 2")
                .param("id", peopleImport).query(Long.class).single();
        assertThat(jdbc.sql("select name from relative where samaritan_id = :id order by name").param("id", fatherId)
                .query(String.class).list()).containsExactly("吴晓峰", "许秋月");
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "family", "家属.xlsx", workbook(FAMILY, family, 0)),
                "$.job.existingRows")).isEqualTo(2);

        String before2019 = statistics(2019);
        String before2020 = statistics(2020);
        List<Object[]> aid = new ArrayList<>();
        aid.add(new Object[] {father, "吴晓峰", "2019-2020学年", "初中", "晋江市第一中学", "¥2,000.00", "2019.10.15", "2019年11月5日"});
        aid.add(new Object[] {father, "吴晓峰", "2020", "初中", null, "0.25万元", "2020-10-12", null, "县"});
        aid.add(new Object[] {father, "许秋月", "2019-2020", "初中", null, "2000", "2019-10-15"});   // row 4: not a child
        aid.add(new Object[] {father, "吴晓明", "2019-2020", "初中", null, "2000", "2019-10-15"});   // row 5: no such child
        aid.add(new Object[] {father, "吴晓峰", "2021-2023", "初中", null, "2000", "2021-10-15"});   // row 6: year
        aid.add(new Object[] {father, "吴晓峰", "2022", "学前", null, "2000", "2022-10-15"});        // row 7: stage
        aid.add(new Object[] {father, "吴晓峰", "2023", "初中", null, "两千", "2023-10-15"});         // row 8: amount
        aid.add(new Object[] {father, "吴晓峰", "2024", "初中", null, "2000", "2024-10-15", "2024-10-01"}); // row 9
        String aidChecked = checked("jinjiang-staff", "student-aid", "助学.xlsx", workbook(AID, aid, 0));
        Map<Integer, String> aidReasons = reasons(aidChecked);
        assertThat(aidReasons).containsOnlyKeys(4, 5, 6, 7, 8, 9);
        assertThat(aidReasons.get(4)).contains("学生姓名：");
        assertThat(aidReasons.get(5)).contains("学生姓名：", "吴晓明");
        assertThat(aidReasons.get(6)).startsWith("学年：");
        assertThat(aidReasons.get(7)).contains("学段：", "学前");
        assertThat(aidReasons.get(8)).contains("金额（元）：", "两千");
        assertThat(aidReasons.get(9)).contains("发放日期：", "早于批准日期");
        long aidImport = id(aidChecked);
        saved("jinjiang-staff", aidImport, 1);

        String after2019 = statistics(2019);
        assertThat(total(after2019, "care.student-aid")).isEqualByComparingTo(total(before2019, "care.student-aid")
                .add(BigDecimal.ONE));
        assertThat(total(after2019, "care.student-aid-amount")).isEqualByComparingTo(
                total(before2019, "care.student-aid-amount").add(new BigDecimal("2000")));
        String after2020 = statistics(2020);
        assertThat(total(after2020, "care.student-aid-cumulative")).as("both years, cumulative")
                .isEqualByComparingTo(total(before2020, "care.student-aid-cumulative").add(BigDecimal.valueOf(2)));
        assertThat(total(after2020, "care.student-aid-amount-cumulative")).isEqualByComparingTo(
                total(before2020, "care.student-aid-amount-cumulative").add(new BigDecimal("4500")));
        assertThat(jdbc.sql("""
                select status from student_aid_application where import_id = :id order by school_year""")
                .param("id", aidImport).query(String.class).list()).containsExactly("PAID", "APPROVED");

        // the family stays while the aid names the child; then everything leaves in turn
        step("jinjiang-staff", familyImport, "undo", version("jinjiang-staff", familyImport))
                .andExpect(status().isConflict());
        step("jinjiang-staff", aidImport, "undo", version("jinjiang-staff", aidImport)).andExpect(status().isOk());
        assertThat(total(statistics(2020), "care.student-aid-cumulative"))
                .isEqualByComparingTo(total(before2020, "care.student-aid-cumulative"));
        step("jinjiang-staff", familyImport, "undo", version("jinjiang-staff", familyImport))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from relative where samaritan_id = :id").param("id", fatherId)
                .query(Long.class).single()).isZero();
        step("jinjiang-staff", peopleImport, "undo", version("jinjiang-staff", peopleImport))
                .andExpect(status().isOk());
        step("nanan-staff", nananImport, "undo", version("nanan-staff", nananImport)).andExpect(status().isOk());
    }

    private static final String[] GRADES = {"见义勇为人员身份证号", "伤残等级", "致残日期", "评定日期", "评定机关", "证书编号"};

    @Test
    void disability_grades_brought_in_count_as_people_with_a_grade_until_undone() throws Exception {
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1945 + (int) (n % 15), 1, 1).plusDays((n / 15) % 300);
        String seq = String.format("%03d", 100 + (n / 4500) % 800);
        String injured = ResidentId.withCheckDigit("350582" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + seq);
        String other = ResidentId.withCheckDigit("350582" + born.plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE)
                + seq);
        long people = id(checked("jinjiang-staff", "人员.xlsx", workbook(HEADERS, List.of(
                row(new Object[] {"庄永福", injured, "晋江市", "泉政文〔2016〕87号"}, DEED),
                row(new Object[] {"庄永禄", other, "晋江市", "泉政文〔2016〕87号"}, DEED)), 0)));
        saved("jinjiang-staff", people, 1);
        String before = statistics(2018);

        List<Object[]> grades = new ArrayList<>();
        grades.add(new Object[] {injured, "五级", "2016-08-12", "2018.5.1", "福建省人力资源和社会保障厅", "闽残证2018-0042"});
        grades.add(new Object[] {other, "11级", "2016-08-12", "2018-05-01"});                  // row 3: grade
        grades.add(new Object[] {other, "6级", "2016-08-12", "2015-05-01"});                   // row 4: before injury
        grades.add(new Object[] {injured, "4", "2016-08-12", "2018-06-01"});                   // row 5: twice
        String checked = checked("jinjiang-staff", "disability", "评残.xlsx", workbook(GRADES, grades, 0));
        Map<Integer, String> reasons = reasons(checked);
        assertThat(reasons).containsOnlyKeys(3, 4, 5);
        assertThat(reasons.get(3)).contains("伤残等级：", "11级");
        assertThat(reasons.get(4)).contains("评定日期：", "早于致残日期");
        long id = id(checked);
        saved("jinjiang-staff", id, 1);
        long person = jdbc.sql("select id from samaritan where import_id = :id and import_row = 2").param("id", people)
                .query(Long.class).single();
        assertThat(jdbc.sql("select status from samaritan where id = :id").param("id", person).query(String.class)
                .single()).isEqualTo("DISABLED");
        assertThat(total(statistics(2018), "samaritans.disabled")).as("people with a grade at the end of 2018")
                .isEqualByComparingTo(total(before, "samaritans.disabled").add(BigDecimal.ONE));
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "disability", "评残.xlsx",
                workbook(GRADES, grades.subList(0, 1), 0)), "$.job.existingRows")).as("a grade on file").isOne();

        // the pensions paid on that grade, then
        String pensionsBefore = statistics(2019);
        List<Object[]> pensions = new ArrayList<>();
        pensions.add(new Object[] {injured, "2019年", "¥36,000.00", "2019-12-20", null, "晋江市民政局", "JJ2019-0456"});
        pensions.add(new Object[] {injured, "2018", "24000", "2018-12-20", "8个月"});
        pensions.add(new Object[] {injured, "2017", "36000", "2017-12-20"});                  // row 4: before the grade
        pensions.add(new Object[] {other, "2019", "36000", "2019-12-20"});                    // row 5: no grade at all
        pensions.add(new Object[] {injured, "2020", "36000", "2019-12-20"});                  // row 6: paid before
        pensions.add(new Object[] {injured, null, "36000", "2019-12-20", "12"});              // row 7: no year
        String pensionCheck = checked("jinjiang-staff", "pensions", "抚恤金.xlsx", workbook(new String[] {"见义勇为人员身份证号",
            "年度", "金额（元）", "发放日期", "月数", "发放单位", "凭证号"}, pensions, 0));
        Map<Integer, String> pensionReasons = reasons(pensionCheck);
        assertThat(pensionReasons).containsOnlyKeys(4, 5, 6, 7);
        assertThat(pensionReasons.get(7)).startsWith("年度：");
        assertThat(pensionReasons.get(4)).contains("2017 年底前没有批准的伤残等级");
        assertThat(pensionReasons.get(6)).contains("发放日期：");
        long pensionImport = id(pensionCheck);
        saved("jinjiang-staff", pensionImport, 1);
        assertThat(total(statistics(2019), "samaritans.pensions")).isEqualByComparingTo(
                total(pensionsBefore, "samaritans.pensions").add(new BigDecimal("36000")));
        assertThat(jdbc.sql("select annual_amount from pension_payment where import_id = :id and pension_year = 2018")
                .param("id", pensionImport).query(BigDecimal.class).single()).isEqualByComparingTo("36000");
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)) // the pensions name the grade
                .andExpect(status().isConflict());
        step("jinjiang-staff", pensionImport, "undo", version("jinjiang-staff", pensionImport))
                .andExpect(status().isOk());
        assertThat(total(statistics(2019), "samaritans.pensions")).isEqualByComparingTo(
                total(pensionsBefore, "samaritans.pensions"));

        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(jdbc.sql("select status from samaritan where id = :id").param("id", person).query(String.class)
                .single()).isEqualTo("ACTIVE");
        assertThat(total(statistics(2018), "samaritans.disabled")).isEqualByComparingTo(total(before,
                "samaritans.disabled"));
        step("jinjiang-staff", people, "undo", version("jinjiang-staff", people)).andExpect(status().isOk());
    }
}

package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.shared.ResidentId;

/**
 * An old register of samaritans brought in: a real-looking sheet (a merged title, headers marked "*", dirty but
 * certain values, rows with mistakes of many kinds, empty rows at the end) is checked row by row — exactly the bad
 * rows refused, each with its reason at its column — nothing saved until confirmed, then all valid rows saved with
 * their import and row on record; the same file again adds nothing; the import undone removes exactly its people,
 * and not once one of them is referred to.
 */
class ImportTests extends ImportTest {

    /** A fresh first 14 digits of Jinjiang ID numbers for this test run (a birthday nobody else here has). */
    private static String prefix() {
        long n = System.nanoTime();
        return "350582" + (1940 + (int) (n % 40)) + String.format("%02d%02d", 1 + (n / 40) % 12, 1 + (n / 480) % 28);
    }

    private static byte[] workbook(List<Object[]> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            sheet.createRow(0).createCell(0).setCellValue("晋江市见义勇为人员台账（2010—2020）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 13));
            String[] headers = HEADERS.clone();
            for (int i : new int[] {0, 1, 2, 3, 8, 9, 10, 11, 13}) {
                headers[i] = headers[i] + "*";
            }
            Row header = sheet.createRow(1);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                Object[] cells = row(rows.get(r), DEED);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (cells[c] != null) {
                        row.createCell(c).setCellValue((String) cells[c]);
                    }
                }
            }
            sheet.createRow(rows.size() + 2);
            sheet.createRow(rows.size() + 3).createCell(2).setCellValue("   ");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void an_old_register_is_checked_saved_once_and_undone() throws Exception {
        String p = prefix();
        String good1 = ResidentId.withCheckDigit(p + "101");
        String good2 = ResidentId.withCheckDigit(p + "102");
        String good3 = ResidentId.withCheckDigit(p + "103");
        String fullWidth = ResidentId.withCheckDigit(p + "104");
        String old15 = p.substring(0, 6) + p.substring(8) + "105";
        String converted = ResidentId.withCheckDigit(p.substring(0, 6) + "19" + p.substring(8) + "105");
        String formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        String rightDigit = ResidentId.withCheckDigit(p + "106");
        String badDigit = rightDigit.substring(0, 17) + (rightDigit.endsWith("1") ? "2" : "1");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"陈建华 ", good1, "晋江市", "泉政文〔2016〕87号", "13905951234", "晋江市安海镇西垵村 27 号"});
        rows.add(new Object[] {"林秀梅", " " + toFullWidth(fullWidth.substring(0, 9)) + " " + fullWidth.substring(9), "350582",
                "晋见协〔2012〕3号", null, formula});
        rows.add(new Object[] {"黄志强", old15, "晋江市", "台账第 12 页"});
        rows.add(new Object[] {null, good2, "晋江市", "台账第 13 页"});                          // row 6: no name
        rows.add(new Object[] {"王美玲", badDigit, "晋江市", "台账第 14 页"});                    // row 7: check digit
        rows.add(new Object[] {"许国栋", 350582199001011234.0, "晋江市", "台账第 15 页"});         // row 8: rounded
        rows.add(new Object[] {"蔡明", good3, "厦门市", "台账第 16 页"});                          // row 9: no such county
        rows.add(new Object[] {"洪亮", ResidentId.withCheckDigit(p + "107"), "南安市", "台账第 17 页"}); // row 10: not theirs
        rows.add(new Object[] {"郭丽", ResidentId.withCheckDigit(p + "108"), "晋江市", null});    // row 11: no source
        rows.add(new Object[] {"庄伟", ResidentId.withCheckDigit(p + "109"), "晋江市", "台账", "12345"}); // row 12: phone
        rows.add(new Object[] {"陈建华", good1, "晋江市", "重复一行"});                            // row 13: twice in file
        byte[] file = workbook(rows);

        String checked = checked("jinjiang-staff", "晋江台账.xlsx", file);
        assertThat(JsonPath.<String>read(checked, "$.job.status")).isEqualTo("CHECKED");
        assertThat(JsonPath.<Integer>read(checked, "$.job.totalRows")).isEqualTo(11);
        assertThat(JsonPath.<Integer>read(checked, "$.job.validRows")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(checked, "$.job.refusedRows")).isEqualTo(8);
        assertThat(JsonPath.<Integer>read(checked, "$.job.existingRows")).isZero();
        long id = id(checked);
        Map<Integer, String> reasons = reasons(checked);
        assertThat(reasons).containsOnlyKeys(6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(reasons.get(6)).startsWith("姓名：");
        assertThat(reasons.get(7)).startsWith("身份证号：");
        assertThat(reasons.get(8)).contains("身份证号：", "末几位已经变成 0");
        assertThat(reasons.get(9)).contains("县（市、区）：", "厦门市");
        assertThat(reasons.get(10)).contains("县（市、区）：", "不在您的管辖范围内");
        assertThat(reasons.get(11)).startsWith("来源依据：");
        assertThat(reasons.get(12)).startsWith("联系电话：");
        assertThat(reasons.get(13)).contains("第 3 行");
        long before = count();
        assertThat(jdbc.sql("select count(*) from samaritan where import_id = :id").param("id", id).query(Long.class)
                .single()).isZero();

        // the report: the rows as uploaded, a result and an error column, the faulty cells in red
        byte[] report = mvc.perform(get("/api/v1/imports/{id}/report", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(16).getStringCellValue()).isEqualTo("错误说明");
            Row row9 = sheet.getRow(7); // rows 3..13 after the header; row 9 is the 7th
            assertThat((int) row9.getCell(0).getNumericCellValue()).isEqualTo(9);
            assertThat(row9.getCell(3).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(row9.getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("'" + formula);
        }
        mvc.perform(get("/api/v1/imports/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());

        // confirmed: the three valid rows saved, each noting its import and row, on the timeline too
        String saved = saved("jinjiang-staff", id, 1);
        assertThat(JsonPath.<String>read(saved, "$.job.status")).isEqualTo("SAVED");
        assertThat(JsonPath.<Integer>read(saved, "$.job.savedRows")).isEqualTo(3);
        assertThat(count()).isEqualTo(before + 3);
        List<Map<String, Object>> people = jdbc.sql("""
                select name, import_row, address, source from samaritan where import_id = :id order by import_row""")
                .param("id", id).query().listOfRows();
        assertThat(people).extracting(row -> row.get("NAME") == null ? row.get("name") : row.get("NAME"))
                .containsExactly("陈建华", "林秀梅", "黄志强");
        long chen = jdbc.sql("select id from samaritan where import_id = :id and import_row = 3").param("id", id)
                .query(Long.class).single();
        // on the visit schedule, due a month after they were registered, once the schedule hears of them
        awaitEvents();
        List<Long> imported = jdbc.sql("select id from samaritan where import_id = :id").param("id", id)
                .query(Long.class).list();
        assertThat(jdbc.sql("select count(*) from visit_due where samaritan_id in (:ids) and due_on = :due")
                .param("ids", imported).param("due", java.time.LocalDate.now(clock).plusMonths(1))
                .query(Long.class).single()).isEqualTo(3);
        String profile = mvc.perform(get("/samaritans/{id}", chen).with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(profile).contains("由导入批次 #" + id + " 第 3 行导入", "从 Excel 台账导入", "晋江台账.xlsx 第 3 行");
        mvc.perform(get("/api/v1/samaritans").param("q", "黄志强").with(as("jinjiang-staff"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from samaritan where resident_id_index is not null and import_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(3);
        assertThat(auditedActions("jinjiang-staff", "ImportJob", id)).containsExactly("CREATE", "UPDATE", "UPDATE",
                "UPDATE");
        // the old 15-digit number became its 18-digit form; the formula is kept as text and exported defused
        mvc.perform(post("/api/v1/samaritans/export").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\": \"林秀梅\", \"format\": \"CSV\", \"reason\": \"核对导入结果\"}"))
                .andExpect(status().isOk());
        String csv = mvc.perform(get("/api/v1/samaritans/export").param("q", "林秀梅").param("format", "CSV")
                .with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK");
        assertThat(jdbc.sql("select count(*) from samaritan where import_id = :id and resident_id_masked = :m")
                .param("id", id).param("m", ResidentId.parse(converted).masked()).query(Long.class).single()).isOne();

        // the same file again adds nothing
        String again = checked("jinjiang-staff", "晋江台账.xlsx", file);
        assertThat(JsonPath.<Integer>read(again, "$.job.validRows")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.job.existingRows")).isEqualTo(3);
        step("jinjiang-staff", id(again), "confirmation", 1).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before + 3);

        // undone: exactly its people removed; an import whose people have later records stays
        step("jinjiang-staff", id, "undo", 3).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDONE"));
        assertThat(count()).isEqualTo(before);
        awaitEvents();
        assertThat(jdbc.sql("select count(*) from visit_due where samaritan_id in (:ids)").param("ids", imported)
                .query(Long.class).single()).as("off the schedule with the import").isZero();
        step("jinjiang-staff", id, "undo", 4).andExpect(status().isConflict());

        String third = checked("jinjiang-staff", "晋江台账-再导.xlsx", file);
        assertThat(JsonPath.<Integer>read(third, "$.job.validRows")).isEqualTo(3);
        long again3 = id(third);
        saved("jinjiang-staff", again3, 1);
        long kept = jdbc.sql("select id from samaritan where import_id = :id and import_row = 5").param("id", again3)
                .query(Long.class).single();
        mvc.perform(post("/api/v1/samaritans/{id}/family", kept).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"relation\": \"SPOUSE\", \"name\": \"黄妻\"}"))
                .andExpect(status().isCreated());
        step("jinjiang-staff", again3, "undo", 3).andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from samaritan where import_id = :id").param("id", again3)
                .query(Long.class).single()).isEqualTo(3);
        // once what referred to them is gone, the import can go too, and takes its deeds with it
        jdbc.sql("delete from entitlement where relative_id in (select id from relative where samaritan_id = :id)")
                .param("id", kept).update();
        jdbc.sql("delete from relative where samaritan_id = :id").param("id", kept).update();
        step("jinjiang-staff", again3, "undo", 3).andExpect(status().isOk());
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from deed where import_id = :id").param("id", again3).query(Long.class)
                .single()).isZero();
    }

    @Test
    void every_register_has_its_template_with_headers_drop_downs_and_an_explanation() throws Exception {
        String person = "见义勇为人员身份证号*";
        Map<String, String> firstHeader = Map.ofEntries(Map.entry("samaritans", "姓名*"), Map.entry("family", person),
                Map.entry("student-aid", person), Map.entry("disability", person), Map.entry("pensions", person),
                Map.entry("honours", person), Map.entry("volunteers", "姓名*"), Map.entry("volunteer-hours", "姓名*"),
                Map.entry("condolences", person), Map.entry("donations", "捐赠人"), Map.entry("stations", "工作站名称*"));
        for (Map.Entry<String, String> register : firstHeader.entrySet()) {
            byte[] template = mvc.perform(get("/api/v1/imports/templates/{key}", register.getKey())
                    .with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                assertThat(workbook.getSheet("填写").getRow(0).getCell(0).getStringCellValue()).as(register.getKey())
                        .isEqualTo(register.getValue());
                assertThat(workbook.getSheet("填写").getRow(1) != null).as(register.getKey() + " example row").isTrue();
                assertThat(workbook.getSheet("说明").getPhysicalNumberOfRows()).as(register.getKey()).isGreaterThan(2);
            }
        }
        for (String coded : List.of("samaritans", "student-aid", "honours", "volunteer-hours", "condolences",
                "donations", "stations")) {
            byte[] template = mvc.perform(get("/api/v1/imports/templates/{key}", coded).with(as("jinjiang-staff")))
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                assertThat(workbook.getSheet("填写").getDataValidations()).as(coded).isNotEmpty();
            }
        }
    }

    @Test
    void a_file_that_is_not_the_register_is_refused_whole_and_the_template_has_drop_downs() throws Exception {
        send("jinjiang-staff", "说明.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        try (XSSFWorkbook other = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = other.createSheet().createRow(0);
            row.createCell(0).setCellValue("姓名");
            row.createCell(1).setCellValue("金额");
            other.getSheetAt(0).createRow(1).createCell(0).setCellValue("某某");
            other.write(out);
            send("jinjiang-staff", "别的表.xlsx", out.toByteArray()).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("身份证号")));
        }
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.xlsx", null, workbook(List.of())))
                .param("register", "samaritans").with(as("finance-reviewer")).with(csrf()))
                .andExpect(status().isForbidden());

        byte[] template = mvc.perform(get("/api/v1/imports/templates/samaritans").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheet("填写").getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名*");
            assertThat(workbook.getSheet("填写").getDataValidations()).isNotEmpty();
            assertThat(workbook.getSheet("说明").getRow(2).getCell(2).getStringCellValue()).contains("15 位");
        }
        // the pages: the template's example row uploaded, checked, shown, confirmed
        assertThat(mvc.perform(get("/imports").param("register", "samaritans").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("见义勇为人员（历史台账）", "/imports/templates/samaritans");
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheet("填写").getRow(1).getCell(1).setCellValue(
                    ResidentId.withCheckDigit(prefix() + "201"));
            workbook.write(out);
            filled = out.toByteArray();
        }
        String location = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "模板.xlsx", null, filled))
                        .param("register", "samaritans").with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/imports/\\d+");
        long page = Long.parseLong(location.substring("/imports/".length()));
        settled("jinjiang-staff", page);
        assertThat(mvc.perform(get(location).with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"count-valid\">1<", "导入 1 条有效记录");
        mvc.perform(post(location + "/confirmation").param("version", "1").with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        settled("jinjiang-staff", page);
        assertThat(mvc.perform(get(location).with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("撤销这次导入");
        // and undone from the page, so that the template's example leaves nothing behind
        mvc.perform(post(location + "/undo").param("version", String.valueOf(version("jinjiang-staff", page)))
                .with(as("jinjiang-staff")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<String>read(settled("jinjiang-staff", page), "$.job.status")).isEqualTo("UNDONE");
    }

    private long count() {
        return jdbc.sql("select count(*) from samaritan").query(Long.class).single();
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }
}

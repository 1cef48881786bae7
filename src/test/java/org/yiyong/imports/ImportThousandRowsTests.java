package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.yiyong.FullStackTest;
import org.yiyong.shared.ResidentId;

/**
 * A register of 1,000 rows with 100 deliberately bad ones of 20 kinds (five of each, spread through the file):
 * exactly those 100 are refused, each with its reason at its column; the other 900 are imported; importing the
 * file again adds nothing.
 */
class ImportThousandRowsTests extends ImportTest {

    /** A kind of mistake: what it does to a good row, the column it is reported at and a piece of its reason. */
    private record Mistake(String header, String reason, java.util.function.UnaryOperator<Object[]> apply) {
    }

    private static Object[] with(Object[] row, int column, Object value) {
        Object[] copy = row.clone();
        copy[column] = value;
        return copy;
    }

    @Test
    void exactly_the_bad_rows_are_refused_with_their_reasons_and_the_rest_imported_once() throws Exception {
        long n = System.nanoTime();
        LocalDate first = LocalDate.of(1941 + (int) (n % 30), 1, 1).plusDays((n / 30) % 300);
        String seq = String.format("%03d", 100 + (n / 9000) % 800);
        List<Mistake> mistakes = List.of(
                new Mistake("姓名", "此项必须填写", row -> with(row, 0, null)),
                new Mistake("姓名", "内容太长", row -> with(row, 0, "陈".repeat(61))),
                new Mistake("身份证号", "此项必须填写", row -> with(row, 1, null)),
                new Mistake("身份证号", "应为18位", row -> with(row, 1, ((String) row[1]).substring(0, 16))),
                new Mistake("身份证号", "校验码", row -> with(row, 1, wrongCheckDigit((String) row[1]))),
                new Mistake("身份证号", "末几位已经变成 0", row -> with(row, 1, Double.parseDouble(((String) row[1]).substring(0, 17) + "0"))),
                new Mistake("身份证号", "出生日期", row -> with(row, 1, ResidentId.withCheckDigit("35058219901340" + seq))),
                new Mistake("确认日期", "早于事迹发生日期", row -> with(row, 13, "2015-01-01")),
                new Mistake("身份证号", "应为18位", row -> with(row, 1, ((String) row[1]).substring(0, 10) + "ABCDEFGH")),
                new Mistake("县（市、区）", "此项必须填写", row -> with(row, 2, null)),
                new Mistake("县（市、区）", "厦门市", row -> with(row, 2, "厦门市")),
                new Mistake("县（市、区）", "不在您的管辖范围内", row -> with(row, 2, "南安市")),
                new Mistake("来源依据", "此项必须填写", row -> with(row, 3, null)),
                new Mistake("来源依据", "内容太长", row -> with(row, 3, "页".repeat(501))),
                new Mistake("联系电话", "电话号码格式不对", row -> with(row, 4, "12345")),
                new Mistake("住址", "内容太长", row -> with(row, 5, "路".repeat(201))),
                new Mistake("事迹发生日期", "不是能认出的日期", row -> with(row, 8, "去年夏天")),
                new Mistake("事迹类别", "没有“救火”这个事迹类别", row -> with(row, 9, "救火")),
                // a control character as Excel stores it in the sheet's XML (_xHHHH_), written here as such
                new Mistake("住址", "控制字符", row -> with(row, 5, "安海镇_x0007_西垵村")),
                new Mistake(null, "是同一条记录", row -> row)); // the ID of the row before it, set below
        List<Object[]> rows = new ArrayList<>();
        Map<Integer, Mistake> expected = new HashMap<>();
        DateTimeFormatter digits = DateTimeFormatter.BASIC_ISO_DATE;
        for (int i = 0; i < 1000; i++) {
            String id = ResidentId.withCheckDigit("350582" + first.plusDays(i).format(digits) + seq);
            Object[] row = row(new Object[] {"测试" + i + "号", id, "晋江市", "晋江台账第 " + (i / 20 + 1) + " 页",
                    "1390595" + String.format("%04d", i), "晋江市安海镇", "福建省晋江市", null}, DEED);
            int sheetRow = i + 2; // a header row, then the data from row 2
            if (i % 10 == 7) {
                Mistake mistake = mistakes.get((i / 10) % 20);
                row = mistake.reason().equals("是同一条记录") ? with(row, 1, rows.get(i - 1)[1]) : mistake.apply().apply(row);
                expected.put(sheetRow, mistake);
            }
            rows.add(row);
        }
        byte[] file = workbook(HEADERS, rows, 0);

        String checked = checked("jinjiang-staff", "晋江千人台账.xlsx", file);
        assertThat(JsonPath.<Integer>read(checked, "$.job.totalRows")).isEqualTo(1000);
        assertThat(JsonPath.<Integer>read(checked, "$.job.validRows")).isEqualTo(900);
        assertThat(JsonPath.<Integer>read(checked, "$.job.refusedRows")).isEqualTo(100);
        List<Map<String, Object>> refused = JsonPath.read(checked, "$.rows");
        assertThat(refused).hasSize(100);
        for (Map<String, Object> row : refused) {
            int number = ((Number) row.get("number")).intValue();
            Mistake mistake = expected.get(number);
            assertThat(mistake).as("row %s was not meant to be refused", number).isNotNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = (List<Map<String, Object>>) row.get("problems");
            assertThat(problems).as("row %s", number).hasSize(1);
            assertThat(problems.get(0).get("header")).as("row %s column", number).isEqualTo(mistake.header());
            assertThat((String) problems.get(0).get("message")).as("row %s reason", number).contains(mistake.reason());
        }
        long id = id(checked);
        long before = count();
        String saved = saved("jinjiang-staff", id, 1);
        assertThat(JsonPath.<Integer>read(saved, "$.job.savedRows")).isEqualTo(900);
        assertThat(count()).isEqualTo(before + 900);

        String again = checked("jinjiang-staff", "晋江千人台账.xlsx", file);
        assertThat(JsonPath.<Integer>read(again, "$.job.validRows")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.job.existingRows")).isEqualTo(900);
        assertThat(JsonPath.<Integer>read(again, "$.job.refusedRows")).isEqualTo(100);
        assertThat(count()).isEqualTo(before + 900);

        // the 900 people and their deeds leave with their import, so that no other test counts them
        step("jinjiang-staff", id, "undo", 3).andExpect(status().isOk());
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from samaritan").query(Long.class).single();
    }

    private static String wrongCheckDigit(String id) {
        return id.substring(0, 17) + (id.endsWith("1") ? "2" : "1");
    }
}

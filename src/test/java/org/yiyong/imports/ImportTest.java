package org.yiyong.imports;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** Imports through the API as a client does it: upload, wait while it is checked, confirm, wait while it is saved. */
abstract class ImportTest extends FullStackTest {

    /** The columns of the samaritans register as the tests' sheets have them, in this order. */
    static final String[] HEADERS = {"姓名", "身份证号", "县（市、区）", "来源依据", "联系电话", "住址", "户籍地", "工作单位",
            "事迹发生日期", "事迹类别", "事迹发生地点", "事迹简述", "伤亡情况", "确认日期"};

    /** A row of those columns: the person's eight as given, the deed's from {@code deed} where the row has none. */
    static Object[] row(Object[] person, Object... deed) {
        Object[] row = new Object[HEADERS.length];
        System.arraycopy(person, 0, row, 0, Math.min(person.length, row.length));
        for (int i = 0; i < deed.length && 8 + i < row.length; i++) {
            if (person.length <= 8 + i) {
                row[8 + i] = deed[i];
            }
        }
        return row;
    }

    /** A deed as the rows of these tests have it unless they say otherwise. */
    static final Object[] DEED = {"2016-08-12", "抢险救灾救人", "晋江市安海镇安平桥", "跳入池塘救起落水儿童", null, "2016-10-20"};

    static byte[] workbook(String[] headers, List<Object[]> rows, int firstRow) throws Exception {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(firstRow);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(firstRow + r + 1);
                Object[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (cells[c] != null) {
                        row.createCell(c).setCellValue((String) cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } finally {
            workbook.dispose();
        }
    }

    ResultActions send(String user, String name, byte[] content) throws Exception {
        return send(user, "samaritans", name, content);
    }

    ResultActions send(String user, String register, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
                .param("register", register).with(as(user)).with(csrf()));
    }

    /** Uploads a file of people and answers the import with its report once it is checked. */
    String checked(String user, String name, byte[] content) throws Exception {
        return checked(user, "samaritans", name, content);
    }

    /** Uploads a file of a register and answers the import with its report once it is checked. */
    String checked(String user, String register, String name, byte[] content) throws Exception {
        String accepted = send(user, register, name, content).andExpect(status().isAccepted()).andReturn()
                .getResponse().getContentAsString();
        return settled(user, ((Number) JsonPath.read(accepted, "$.job.id")).longValue());
    }

    /** Confirms an import and answers it once it is saved (or has stopped). */
    String saved(String user, long id, long version) throws Exception {
        mvc.perform(post("/api/v1/imports/{id}/confirmation", id).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + "}"))
                .andExpect(status().isAccepted());
        return settled(user, id);
    }

    /** The import with its report once it is no longer running (at most 60 s). */
    String settled(String user, long id) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String body = mvc.perform(get("/api/v1/imports/{id}", id).with(as(user))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(body, "$.job.status");
            if (!status.equals("CHECKING") && !status.equals("SAVING")) {
                return body;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("import " + id + " still " + status + " after 60 s");
            }
            Thread.sleep(50);
        }
    }

    ResultActions step(String user, long id, String step, long version) throws Exception {
        return mvc.perform(post("/api/v1/imports/{id}/{step}", id, step).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + "}"));
    }

    /** The import's version as it stands now. */
    long version(String user, long id) throws Exception {
        return ((Number) JsonPath.read(settled(user, id), "$.job.version")).longValue();
    }

    /** The statistics of Jinjiang for a year, as the API gives them to its staff. */
    String statistics(int year) throws Exception {
        return mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(year)).param("region", "350582")
                .with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A figure's total in such statistics. */
    static BigDecimal total(String report, String key) {
        List<Object> totals = JsonPath.read(report, "$.sections[*].figures[?(@.key == '" + key + "')].total");
        return new BigDecimal(totals.get(0).toString());
    }

    /** The refused rows of a check report: row number → "header：reason；…". */
    static Map<Integer, String> reasons(String json) {
        List<Map<String, Object>> rows = JsonPath.read(json, "$.rows");
        Map<Integer, String> reasons = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = (List<Map<String, Object>>) row.get("problems");
            reasons.put(((Number) row.get("number")).intValue(), String.join("；", problems.stream()
                    .map(p -> (p.get("header") == null ? "" : p.get("header") + "：") + p.get("message")).toList()));
        }
        return reasons;
    }

    static long id(String json) {
        return ((Number) JsonPath.read(json, "$.job.id")).longValue();
    }
}

package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;

/**
 * The registers (台账) as Excel: deeds, honours, payments and visits, each with the filters on screen, hold
 * exactly what the list holds (every page of it), say what they hold and who took them, and mask accounts.
 */
class RegisterExportTests extends FullStackTest {

    private static final String JINJIANG = "350582";

    /** The register's sheet: title, subtitle, header, the lines as text, and the count under them if it has one. */
    private record Register(String title, String subtitle, List<String> header, List<List<String>> lines,
            String footer) {

        List<String> column(String name) {
            int index = header.indexOf(name);
            assertThat(index).as("column " + name).isNotNegative();
            return lines.stream().map(line -> index < line.size() ? line.get(index) : "").toList();
        }
    }

    private Register download(MockHttpServletRequestBuilder request, String user) throws Exception {
        byte[] xlsx = mvc.perform(request.with(as(user)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(Registers.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            List<String> last = rows.get(rows.size() - 1);
            boolean footer = rows.size() > 3 && last.size() == 1 && last.get(0).matches("共 \\d+ 条.*");
            return new Register(rows.get(0).get(0), rows.get(1).get(0), rows.get(2),
                    rows.subList(3, footer ? rows.size() - 1 : rows.size()), footer ? last.get(0) : null);
        }
    }

    private static long registerFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("yiyong-register-")).count();
        }
    }

    private long total(String path, String user, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get(path).with(as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return ((Number) JsonPath.read(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.total")).longValue();
    }

    @Test
    void the_register_of_deeds_holds_every_deed_the_filter_finds_with_its_actors_and_due_date() throws Exception {
        long deed = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG, "JJ-PS-QY", 2)[2];
        String number = jdbc.sql("select number from deed where id = :id").param("id", deed).query(String.class)
                .single();
        long files = registerFiles();
        Register register = download(get("/deeds/register.xlsx").param("region", JINJIANG).param("status", "DECIDED"),
                "jinjiang-staff");
        assertThat(registerFiles()).as("the file written for the answer is removed once sent").isEqualTo(files);
        assertThat(register.title()).isEqualTo("见义勇为案件台账");
        assertThat(register.subtitle()).contains("地区：晋江市", "状态：", "导出：");
        assertThat(register.footer()).as("written as read, it counts its lines at the end")
                .isEqualTo("共 " + register.lines().size() + " 条");
        assertThat((long) register.lines().size()).isEqualTo(total("/api/v1/deeds", "jinjiang-staff", "regionCode",
                JINJIANG, "status", "DECIDED", "size", "1"));
        int row = register.column("案件编号").indexOf(number);
        assertThat(row).isNotNegative();
        assertThat(register.column("确认人数").get(row)).isEqualTo("2");
        assertThat(register.column("办理期限").get(row)).isEqualTo(jdbc.sql(
                "select decision_due_on from deed where id = :id").param("id", deed).query(String.class).single());
        assertThat(register.column("行为人").get(row)).contains("、");
        // another county's staff get only their own deeds
        Register nanan = download(get("/deeds/register.xlsx"), "nanan-staff");
        assertThat(nanan.column("案件编号")).doesNotContain(number);
        assertThat(nanan.column("地区")).allMatch("南安市"::equals);
    }

    @Test
    void the_registers_of_honours_payments_and_visits_follow_their_lists() throws Exception {
        Register honours = download(get("/honours/register.xlsx").param("level", "CITY"), "city-staff");
        assertThat((long) honours.lines().size()).isEqualTo(total("/api/v1/honours", "city-staff", "level", "CITY",
                "size", "1"));
        assertThat(honours.column("级别")).allMatch("市级"::equals);
        assertThat(honours.subtitle()).contains("级别：市级");
        assertThat(honours.footer()).isEqualTo("共 " + honours.lines().size() + " 条");

        Register payments = download(get("/payment-orders/register.xlsx").param("status", "PAID"), "city-staff");
        assertThat((long) payments.lines().size()).isEqualTo(total("/api/v1/payment-orders", "city-staff", "status",
                "PAID", "size", "1"));
        assertThat(payments.lines()).isNotEmpty();
        assertThat(payments.footer()).isEqualTo("共 " + payments.lines().size() + " 条");
        assertThat(payments.column("状态")).allMatch("已发放"::equals);
        assertThat(payments.column("账号")).as("accounts masked")
                .allMatch(account -> account.isEmpty() || account.contains("*"));

        // the register lists the whole schedule in its order; the API gives it a page at a time
        Register visits = download(get("/visits/register.xlsx").param("filter", "ALL"), "jinjiang-staff");
        String schedule = mvc.perform(get("/api/v1/visits").param("filter", "ALL").param("size", "200")
                .with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> numbers = JsonPath.read(schedule, "$.items[*].number");
        assertThat(visits.column("档案号")).hasSize(JsonPath.<Integer>read(schedule, "$.total"))
                .startsWith(numbers.toArray(String[]::new));
        assertThat(visits.footer()).isEqualTo("共 " + visits.lines().size() + " 条");

        // the pension roll: every line of the year, the page on the API a part of it
        int year = clock.today().getYear() - 1;
        Register pensions = download(get("/pensions/register.xlsx").param("year", String.valueOf(year)), "city-staff");
        String roll = mvc.perform(get("/api/v1/pensions").param("year", String.valueOf(year)).param("size", "200")
                .with(as("city-staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((long) pensions.lines().size()).isEqualTo(((Number) JsonPath.read(roll, "$.lineCount")).longValue());
        assertThat(pensions.column("档案号")).startsWith(JsonPath.<List<String>>read(roll, "$.lines[*].number")
                .toArray(String[]::new));
        assertThat(pensions.footer()).isEqualTo("共 " + pensions.lines().size() + " 条");
    }
}

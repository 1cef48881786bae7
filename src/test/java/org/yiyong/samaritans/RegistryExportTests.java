package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.shared.ResidentId;

/** Exports mask numbers by default; the full numbers take a reason and are audited. */
class RegistryExportTests extends FullStackTest {

    @Test
    void an_export_is_masked_unless_a_reason_is_given() throws Exception {
        String name = unique("尤");
        String number = ResidentId.withCheckDigit("35058219770707" + "818");
        mvc.perform(post("/api/v1/samaritans").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2009 年名册",
                         "phone": "13905957777", "address": "=HYPERLINK(\\"http://x\\")"}""".formatted(name, number)))
                .andExpect(status().isCreated());

        long filesBefore = exportFiles();
        byte[] xlsx = mvc.perform(get("/api/v1/samaritans/export").param("q", name).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(exportFiles()).as("the file written for the answer is removed once sent").isEqualTo(filesBefore);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("公民身份号码");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(name);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("350582********" + number.substring(14));
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("139****7777");
        }

        String csv = new String(mvc.perform(get("/api/v1/samaritans/export").param("q", name).param("format", "CSV")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF档案号,姓名").contains(name).doesNotContain(number)
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\"");

        mvc.perform(post("/api/v1/samaritans/export").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"" + name + "\", \"format\": \"CSV\", \"reason\": \"\"}"))
                .andExpect(status().isBadRequest());
        String full = mvc.perform(post("/api/v1/samaritans/export").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"" + name + "\", \"format\": \"CSV\", \"reason\": \"报送省协会春节慰问名单\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(full).contains(number, "13905957777");
        assertThat(auditedActions("jinjiang-staff", "Samaritan", "export")).contains("FILE_DOWNLOADED", "SENSITIVE_VIEWED");

        String other = new String(mvc.perform(get("/api/v1/samaritans/export").param("q", name).param("format", "CSV")
                .with(as("nanan-staff"))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(other).doesNotContain(name);
        assertThat(exportFiles()).isEqualTo(filesBefore);
    }

    @Test
    void the_whole_registry_in_scope_comes_in_one_file() throws Exception {
        long inScope = ((Number) com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/samaritans")
                .param("size", "1").with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.total")).longValue();

        String csv = mvc.perform(get("/samaritans/export").param("format", "CSV").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(records(csv)).as("the header and a line per person").isEqualTo(inScope + 1);
    }

    /** Lines of a CSV file: line ends outside quoted values. */
    private static long records(String csv) {
        long records = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                records++;
            }
        }
        return records;
    }

    private static long exportFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("yiyong-registry-")).count();
        }
    }
}

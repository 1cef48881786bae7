package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Gifts an association received before its fund was opened here: kept in its donation register and counted in the
 * figures of their years (donations and government money apart) but not posted, since the opening balance holds what
 * was left of them; a gift from the opening day on is refused, as it belongs in the books; never reversed, undone
 * with its import.
 */
class DonationImportTests extends ImportTest {

    private static final String[] COLUMNS = {"捐赠人", "捐赠人类型", "金额（元）", "到账日期", "接收方式", "原票据号", "备注"};

    private long postings() {
        return jdbc.sql("select count(*) from posting").query(Long.class).single();
    }

    @Test
    void gifts_received_before_the_fund_opened_count_in_their_years_but_are_not_posted() throws Exception {
        String receipt = "JJ" + System.nanoTime() % 100_000_000;
        String company = "晋江市安海建材有限公司" + System.nanoTime() % 10_000;
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {company, "企业", "5万元", "2019-03-05", "银行转账", receipt, "捐赠仪式"});
        rows.add(new Object[] {null, "匿名", "¥2,000.00", "2019.5.1", "现金"});
        rows.add(new Object[] {"晋江市财政局", "政府（财政拨款）", "100000", "2020年1月10日", "转账"});
        rows.add(new Object[] {"陈先生", "个人", "1000", "2024-02-01", "现金"});                       // row 5: opened
        rows.add(new Object[] {null, "个人", "1000", "2019-02-01", "现金"});                           // row 6: donor
        rows.add(new Object[] {"某基金会", "基金会", "1000", "2019-02-01", "现金"});                     // row 7: kind
        rows.add(new Object[] {"某公司", "企业", "1000", "2019-02-01", "微信"});                         // row 8: channel
        rows.add(new Object[] {company, "企业", "50000", "2019-03-05", "银行转账", receipt});          // row 9: twice
        rows.add(new Object[] {"某公司", "企业", "一千", "2019-02-01", "现金"});                         // row 10: amount
        String before2019 = statistics(2019);
        String before2020 = statistics(2020);
        long postings = postings();

        String checked = checked("jinjiang-staff", "donations", "捐赠台账.xlsx", workbook(COLUMNS, rows, 0));
        Map<Integer, String> reasons = reasons(checked);
        assertThat(reasons).containsOnlyKeys(5, 6, 7, 8, 9, 10);
        assertThat(reasons.get(5)).startsWith("到账日期：").contains("2024-01-01", "登记捐赠");
        assertThat(reasons.get(6)).startsWith("捐赠人：");
        assertThat(reasons.get(7)).startsWith("捐赠人类型：").contains("基金会");
        assertThat(reasons.get(8)).startsWith("接收方式：").contains("微信");
        assertThat(reasons.get(9)).contains("第 2 行");
        assertThat(reasons.get(10)).startsWith("金额（元）：");
        long id = id(checked);
        // the same file uploaded twice and checked twice before either is saved: the second save keeps nothing
        long twin = id(checked("jinjiang-staff", "donations", "捐赠台账（副本）.xlsx", workbook(COLUMNS, rows, 0)));
        saved("jinjiang-staff", id, 1);
        String second = saved("jinjiang-staff", twin, 1);
        assertThat(JsonPath.<String>read(second, "$.job.status")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(second, "$.job.failure")).contains("另一次导入");

        assertThat(postings()).as("nothing posted").isEqualTo(postings);
        String after2019 = statistics(2019);
        assertThat(total(after2019, "funds.donations")).isEqualByComparingTo(total(before2019, "funds.donations")
                .add(new BigDecimal("52000")));
        assertThat(total(statistics(2020), "funds.government-money"))
                .isEqualByComparingTo(total(before2020, "funds.government-money").add(new BigDecimal("100000")));
        assertThat(total(after2019, "funds.balance")).isEqualByComparingTo(total(before2019, "funds.balance"));

        long donation = jdbc.sql("select id from donation where receipt_number = :r").param("r", "晋江市 " + receipt)
                .query(Long.class).single();
        // a paper receipt's number is its county's own: Nan'an's of the same number is another gift
        String nanan = checked("nanan-staff", "donations", "南安捐赠台账.xlsx", workbook(COLUMNS,
                List.<Object[]>of(new Object[] {"南安某企业", "企业", "1000", "2019-03-05", "现金", receipt}), 0));
        assertThat(JsonPath.<Integer>read(nanan, "$.job.validRows")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(nanan, "$.job.existingRows")).isZero();
        mvc.perform(get("/api/v1/donations/{id}", donation).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.historical").value(true)).andExpect(jsonPath("$.amount").value(50000));
        mvc.perform(post("/api/v1/donations/{id}/reversal", donation).with(as("finance-reviewer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"金额有误\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("撤销那次导入")));
        byte[] record = mvc.perform(get("/donations/{id}/receipt", donation).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn()
                .getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(record)) {
            // a record of the old gift, not a receipt that could be taken for a new one
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("捐赠记录（历史台账）", receipt)
                    .doesNotContain("公益事业捐赠票据", "税前扣除");
        }
        String page = mvc.perform(get("/donations").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(company, "历史台账", "import-donations");

        // the same file again adds nothing; undone, the figures are what they were
        assertThat(JsonPath.<Integer>read(checked("jinjiang-staff", "donations", "捐赠台账.xlsx",
                workbook(COLUMNS, rows, 0)), "$.job.existingRows")).isEqualTo(3);
        step("jinjiang-staff", id, "undo", version("jinjiang-staff", id)).andExpect(status().isOk());
        assertThat(total(statistics(2019), "funds.donations")).isEqualByComparingTo(total(before2019,
                "funds.donations"));
        assertThat(jdbc.sql("select count(*) from donation where import_id = :id").param("id", id).query(Long.class)
                .single()).isZero();
    }
}

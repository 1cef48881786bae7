package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.yiyong.funds.internal.FundProperties;
import org.yiyong.funds.internal.FundRegister;

/** The donation receipt names the person who took the money and claims a tax deduction only when allowed. */
class DonationReceiptTests extends FundsTestBase {

    @Autowired
    FundRegister register;

    @Test
    void the_receipt_names_the_clerk_and_claims_no_tax_deduction_unless_the_association_may() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        long donation = donate("city-staff", fund, "3600");
        byte[] pdf = mvc.perform(get("/api/v1/donations/{id}/receipt", donation).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(text).contains("经办人：王丽华").doesNotContain("city-staff");
        assertThat(text).as("only an association qualified for it may say so").contains("感谢您对见义勇为事业的支持")
                .doesNotContain("税前扣除");
    }

    @Test
    void an_association_qualified_for_it_states_the_tax_deduction() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        long donation = donate("city-staff", fund, "1200");
        // the one setting this test needs differs from the shared context's: set on the bean, then put back
        FundRegister target = AopTestUtils.getTargetObject(register);
        FundProperties shared = (FundProperties) ReflectionTestUtils.getField(target, "properties");
        ReflectionTestUtils.setField(target, "properties", new FundProperties(true, 5000));
        try {
            assertThat(receiptText(donation)).contains("本票据可作为公益性捐赠税前扣除的凭证");
        } finally {
            ReflectionTestUtils.setField(target, "properties", shared);
        }
        assertThat(receiptText(donation)).doesNotContain("税前扣除");
    }

    private String receiptText(long donation) throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/donations/{id}/receipt", donation).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    @Test
    void the_tax_deduction_sentence_is_off_unless_set_in_the_environment() {
        assertThat(bind(Map.of()).receiptTaxDeductible()).isFalse();
        assertThat(bind(Map.of("YIYONG_FUNDS_RECEIPT_TAX_DEDUCTIBLE", "true")).receiptTaxDeductible()).isTrue();
    }

    private static FundProperties bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("yiyong.funds", FundProperties.class);
    }
}

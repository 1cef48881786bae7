package org.yiyong.funds.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the funds.
 *
 * @param receiptTaxDeductible whether the donation receipt may say it serves for the pre-tax deduction of
 *     a charitable donation (公益性捐赠税前扣除). Only an association the finance and tax authorities have
 *     qualified for it may say so, hence off unless set ({@code YIYONG_FUNDS_RECEIPT_TAX_DEDUCTIBLE=true}).
 */
@ConfigurationProperties("yiyong.funds")
public record FundProperties(@DefaultValue("false") boolean receiptTaxDeductible) {
}

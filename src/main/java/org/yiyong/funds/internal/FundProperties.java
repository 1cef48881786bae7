package org.yiyong.funds.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the funds.
 *
 * @param receiptTaxDeductible whether the donation receipt may say it serves for the pre-tax deduction of
 *     a charitable donation (公益性捐赠税前扣除). Only an association the finance and tax authorities have
 *     qualified for it may say so, hence off unless set ({@code YIYONG_FUNDS_RECEIPT_TAX_DEDUCTIBLE=true}).
 * @param batchLimit the most orders one disbursement batch holds when a group of orders is batched at once: one
 *     bank file, as many lines as the bank takes in one (代发) file ({@code YIYONG_FUNDS_BATCH_LIMIT})
 */
@ConfigurationProperties("yiyong.funds")
public record FundProperties(@DefaultValue("false") boolean receiptTaxDeductible,
        @DefaultValue("5000") int batchLimit) {

    public FundProperties {
        if (batchLimit < 1) {
            throw new IllegalArgumentException("yiyong.funds.batch-limit must be at least 1: " + batchLimit);
        }
    }
}

package org.yiyong.platform;

/**
 * The kinds of numbered document, each numbered by a format of its own ({@code yiyong.numbering.formats}).
 * The fields a kind's number may show are listed with it; every format shows the running number {@code {seq}}.
 */
public enum DocumentKind {
    /** a deed: {@code {region}}, {@code {year}} — 350582-2026-0007 */
    DEED,
    /** a deed's decision letter: {@code {regionShort}}, {@code {year}} — 晋公见确〔2026〕3号 */
    DECISION_LETTER,
    /** a samaritan in the registry: {@code {region}} — 350582-S0012 */
    SAMARITAN,
    /** an honour's certificate: {@code {prefix}}, {@code {year}} — 泉见证〔2026〕0001号 */
    HONOUR_CERTIFICATE,
    /** a 中考加分 certificate: {@code {prefix}}, {@code {year}} — 泉见加〔2026〕0001号 */
    EXAM_BONUS,
    /** a 见义勇为卡: {@code {prefix}}, {@code {year}} — 泉见卡202600001 */
    TRANSIT_CARD,
    /** an assistance case (帮扶): {@code {year}} — BF-2026-0001 */
    ASSISTANCE_CASE,
    /** a donation receipt: {@code {prefix}}, {@code {year}} — 泉见捐〔2026〕0001号 */
    DONATION_RECEIPT,
    /** a payment order: {@code {year}} — ZF-2026-00001 */
    PAYMENT_ORDER,
    /** a disbursement batch: {@code {year}} — PL-2026-0001 */
    DISBURSEMENT_BATCH,
    /** a journal entry: {@code {year}} — 记-2026-00001 */
    JOURNAL_ENTRY,
    /** an annual work report: {@code {regionShort}}, {@code {prefix}}, {@code {year}} — 泉见协〔2027〕1号 */
    ANNUAL_REPORT
}

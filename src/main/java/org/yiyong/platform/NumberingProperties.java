package org.yiyong.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How documents are numbered ({@code yiyong.numbering}): the city's one-character prefix, the city's name
 * as it begins the names of its counties, and a format per kind of document. A city other than Quanzhou
 * changes these settings, not the code.
 *
 * <p>A format is text with fields in braces: {@code {seq}} the running number (required),
 * {@code {year}}, {@code {region}} the region code, {@code {regionShort}} the region's one-character
 * short name, {@code {prefix}} the city's prefix; {@code {name:N}} pads a number with zeros to N digits.
 *
 * @param prefix the city's one-character short name that begins its documents' numbers (泉)
 * @param cityName the city's name as its counties' names begin with it (泉州), left out of their short names
 */
@ConfigurationProperties("yiyong.numbering")
public record NumberingProperties(@DefaultValue("泉") String prefix, @DefaultValue("泉州") String cityName,
        @DefaultValue Formats formats) {

    /** The number format of each kind of document; see {@link DocumentKind} for the fields each may use. */
    public record Formats(
            @DefaultValue("{region}-{year}-{seq:4}") String deed,
            @DefaultValue("{regionShort}公见确〔{year}〕{seq}号") String decisionLetter,
            @DefaultValue("{region}-S{seq:4}") String samaritan,
            @DefaultValue("{prefix}见证〔{year}〕{seq:4}号") String honourCertificate,
            @DefaultValue("{prefix}见加〔{year}〕{seq:4}号") String examBonus,
            @DefaultValue("{prefix}见卡{year}{seq:5}") String transitCard,
            @DefaultValue("BF-{year}-{seq:4}") String assistanceCase,
            @DefaultValue("{prefix}见捐〔{year}〕{seq:4}号") String donationReceipt,
            @DefaultValue("ZF-{year}-{seq:5}") String paymentOrder,
            @DefaultValue("PL-{year}-{seq:4}") String disbursementBatch,
            @DefaultValue("记-{year}-{seq:5}") String journalEntry,
            @DefaultValue("{regionShort}见协〔{year}〕{seq}号") String annualReport) {

        /** The format of one kind of document. */
        public String of(DocumentKind kind) {
            return switch (kind) {
                case DEED -> deed;
                case DECISION_LETTER -> decisionLetter;
                case SAMARITAN -> samaritan;
                case HONOUR_CERTIFICATE -> honourCertificate;
                case EXAM_BONUS -> examBonus;
                case TRANSIT_CARD -> transitCard;
                case ASSISTANCE_CASE -> assistanceCase;
                case DONATION_RECEIPT -> donationReceipt;
                case PAYMENT_ORDER -> paymentOrder;
                case DISBURSEMENT_BATCH -> disbursementBatch;
                case JOURNAL_ENTRY -> journalEntry;
                case ANNUAL_REPORT -> annualReport;
            };
        }
    }
}

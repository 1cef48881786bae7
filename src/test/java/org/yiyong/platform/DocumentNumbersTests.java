package org.yiyong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Document numbers: formats and prefixes are settings; the defaults number as Quanzhou always has. */
class DocumentNumbersTests {

    /** 2026-12-31 20:00 in UTC is already 2027 in Quanzhou. */
    private static final Instant NEW_YEARS_EVE_UTC = Instant.parse("2026-12-31T20:00:00Z");

    private static DocumentNumbers numbers(Map<String, String> settings, ZoneId zone) {
        Map<String, String> source = new HashMap<>();
        settings.forEach((key, value) -> source.put("yiyong.numbering." + key, value));
        NumberingProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("yiyong.numbering", NumberingProperties.class);
        return new DocumentNumbers(properties, null, Clock.fixed(NEW_YEARS_EVE_UTC, zone));
    }

    private static DocumentNumbers quanzhou() {
        return numbers(Map.of(), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void the_defaults_number_every_kind_of_document_as_before() {
        DocumentNumbers numbers = quanzhou();
        Map<String, Object> year = Map.of("year", 2026);

        assertThat(numbers.format(DocumentKind.DEED, 7, Map.of("region", "350582", "year", 2024)))
                .isEqualTo("350582-2024-0007");
        assertThat(numbers.format(DocumentKind.DECISION_LETTER, 3, Map.of("regionShort", "晋", "year", 2026)))
                .isEqualTo("晋公见确〔2026〕3号");
        assertThat(numbers.format(DocumentKind.SAMARITAN, 12, Map.of("region", "350582")))
                .isEqualTo("350582-S0012");
        assertThat(numbers.format(DocumentKind.HONOUR_CERTIFICATE, 1, year)).isEqualTo("泉见证〔2026〕0001号");
        assertThat(numbers.format(DocumentKind.EXAM_BONUS, 21, year)).isEqualTo("泉见加〔2026〕0021号");
        assertThat(numbers.format(DocumentKind.TRANSIT_CARD, 1, year)).isEqualTo("泉见卡202600001");
        assertThat(numbers.format(DocumentKind.ASSISTANCE_CASE, 5, year)).isEqualTo("BF-2026-0005");
        assertThat(numbers.format(DocumentKind.DONATION_RECEIPT, 1, year)).isEqualTo("泉见捐〔2026〕0001号");
        assertThat(numbers.format(DocumentKind.PAYMENT_ORDER, 1, year)).isEqualTo("ZF-2026-00001");
        assertThat(numbers.format(DocumentKind.DISBURSEMENT_BATCH, 1, year)).isEqualTo("PL-2026-0001");
        assertThat(numbers.format(DocumentKind.JOURNAL_ENTRY, 1, year)).isEqualTo("记-2026-00001");
    }

    @Test
    void a_running_number_longer_than_its_width_is_shown_whole() {
        assertThat(quanzhou().format(DocumentKind.PAYMENT_ORDER, 123456, Map.of("year", 2026)))
                .isEqualTo("ZF-2026-123456");
    }

    @Test
    void another_city_sets_its_prefix_and_name_instead_of_changing_the_code() {
        DocumentNumbers xiamen = numbers(Map.of("prefix", "厦", "city-name", "厦门"), ZoneId.of("Asia/Shanghai"));

        assertThat(xiamen.format(DocumentKind.DONATION_RECEIPT, 1, Map.of("year", 2026))).isEqualTo("厦见捐〔2026〕0001号");
        assertThat(xiamen.format(DocumentKind.HONOUR_CERTIFICATE, 9, Map.of("year", 2026)))
                .isEqualTo("厦见证〔2026〕0009号");
        assertThat(xiamen.format(DocumentKind.TRANSIT_CARD, 9, Map.of("year", 2026))).isEqualTo("厦见卡202600009");
        assertThat(xiamen.regionShort("厦门火炬高新区")).isEqualTo("火");
        assertThat(xiamen.regionShort("集美区")).isEqualTo("集");
        assertThat(xiamen.regionShort("厦门市")).isEqualTo("厦");
        assertThat(xiamen.regionShort("晋江市")).isEqualTo("晋");
    }

    @Test
    void a_format_is_a_setting() {
        DocumentNumbers numbers = numbers(Map.of("formats.deed", "YY{year}/{region}/{seq:6}",
                "formats.payment-order", "{prefix}付{year}-{seq}"), ZoneId.of("Asia/Shanghai"));

        assertThat(numbers.format(DocumentKind.DEED, 7, Map.of("region", "350582", "year", 2026)))
                .isEqualTo("YY2026/350582/000007");
        assertThat(numbers.format(DocumentKind.PAYMENT_ORDER, 42, Map.of("year", 2026))).isEqualTo("泉付2026-42");
        assertThat(numbers.format(DocumentKind.JOURNAL_ENTRY, 1, Map.of("year", 2026))).isEqualTo("记-2026-00001");
    }

    @Test
    void the_short_name_of_a_county_leaves_out_the_city() {
        DocumentNumbers numbers = quanzhou();

        assertThat(numbers.regionShort("晋江市")).isEqualTo("晋");
        assertThat(numbers.regionShort("泉州市")).isEqualTo("泉");
        assertThat(numbers.regionShort("泉州台商投资区")).isEqualTo("台");
        assertThat(numbers.regionShort("泉港区")).isEqualTo("泉");
    }

    @Test
    void the_year_is_the_year_in_the_configured_zone() {
        assertThat(quanzhou().currentYear()).isEqualTo(2027);
        assertThat(numbers(Map.of(), ZoneId.of("UTC")).currentYear()).isEqualTo(2026);
    }

    @Test
    void a_format_that_cannot_number_refuses_to_start() {
        assertThatThrownBy(() -> numbers(Map.of("formats.deed", "{region}-{year}"), ZoneId.of("UTC")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{seq}");
        assertThatThrownBy(() -> numbers(Map.of("formats.deed", "{city}-{seq}"), ZoneId.of("UTC")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown field {city}");
        assertThatThrownBy(() -> numbers(Map.of("formats.deed", "{seq}-{year"), ZoneId.of("UTC")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("brace");
    }

    @Test
    void a_field_the_format_shows_must_be_given() {
        assertThatThrownBy(() -> quanzhou().format(DocumentKind.DEED, 1, Map.of("year", 2026)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{region}");
    }
}

package org.yiyong.funds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The running numbers of receipts, orders, batches and journal entries, per year; never reused. */
@Component
class FundNumbers {

    private final JdbcClient jdbc;

    FundNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 泉见捐〔2026〕0001号 */
    String receipt(int year) {
        return String.format("泉见捐〔%d〕%04d号", year, next("RECEIPT", year));
    }

    /** ZF-2026-00001 */
    String order(int year) {
        return String.format("ZF-%d-%05d", year, next("ORDER", year));
    }

    /** PL-2026-0001 */
    String batch(int year) {
        return String.format("PL-%d-%04d", year, next("BATCH", year));
    }

    /** 记-2026-00001 */
    String entry(int year) {
        return String.format("记-%d-%05d", year, next("ENTRY", year));
    }

    private int next(String kind, int year) {
        jdbc.sql("""
                insert into fund_number_sequence (kind, doc_year, last_value) values (:kind, :year, 0)
                on conflict do nothing""").param("kind", kind).param("year", year).update();
        jdbc.sql("update fund_number_sequence set last_value = last_value + 1 where kind = :kind and doc_year = :year")
                .param("kind", kind).param("year", year).update();
        return jdbc.sql("select last_value from fund_number_sequence where kind = :kind and doc_year = :year")
                .param("kind", kind).param("year", year).query(Integer.class).single();
    }
}

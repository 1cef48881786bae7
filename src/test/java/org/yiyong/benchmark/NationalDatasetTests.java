package org.yiyong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yiyong.audit.internal.ChainHash;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.ResidentId;

/**
 * The national dataset's generator writes a consistent dataset through the real schema: on PostgreSQL (the
 * database of {@code YIYONG_DB_URL}), into a database of its own made and dropped here, with every foreign key
 * checked row by row.
 */
class NationalDatasetTests {

    private static final int DEEDS = 4000;

    private final String url = System.getenv().getOrDefault("YIYONG_DB_URL", "");
    private final String user = System.getenv().getOrDefault("YIYONG_DB_USER", "");
    private final String password = System.getenv().getOrDefault("YIYONG_DB_PASSWORD", "");
    private final FieldCipher cipher = new FieldCipher(1, "dataset-test-key".getBytes(), Map.of(),
            "dataset-index-key".getBytes());
    private String database;
    private String datasetUrl;

    @BeforeEach
    void aDatabaseOfItsOwn() throws SQLException {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "the dataset is written with COPY into PostgreSQL");
        database = "yiyong_dataset_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " encoding 'UTF8' template template0");
        }
        datasetUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Flyway.configure().dataSource(datasetUrl, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    }

    @AfterEach
    void dropIt() throws SQLException {
        if (database != null) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void writes_every_table_with_keys_checked_continues_the_audit_chain_and_moves_the_sequences_on()
            throws Exception {
        DriverManagerDataSource oneAtATime = new DriverManagerDataSource(datasetUrl, user, password);
        try (Connection connection = DriverManager.getConnection(datasetUrl, user, password);
                Statement sql = connection.createStatement()) {
            assertThat(NationalDataset.present(oneAtATime)).isFalse();
            // an entry the application wrote before: the generated ones must link on from it
            Instant signIn = Instant.parse("2026-11-19T01:00:00Z");
            String first = ChainHash.of(ChainHash.GENESIS, signIn, "city-staff", "127.0.0.1", "LOGIN", null, null, null,
                    null);
            sql.execute("insert into audit_entry (occurred_at, actor, ip, action, prev_hash, hash) values "
                    + "(timestamp with time zone '2026-11-19 01:00:00+00', 'city-staff', '127.0.0.1', 'LOGIN', '"
                    + ChainHash.GENESIS + "', '" + first + "')");
            sql.execute("update audit_chain_head set last_hash = '" + first + "', entries = 1 where id = 1");

            NationalDataset.Result result = new NationalDataset(oneAtATime, cipher,
                    NationalDataset.Options.of(DEEDS).checkingKeys()).generate();

            assertThat(result.rows().keySet()).containsExactlyElementsOf(NationalDataset.TABLES);
            assertThat(result.rows()).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
            assertThat(result.rows().get("deed")).isEqualTo(DEEDS);
            assertThat(number(sql, "select count(*) from deed")).isEqualTo(DEEDS);
            assertThat(NationalDataset.present(oneAtATime)).isTrue();

            // deeds in every status, late ones among them, in Quanzhou and in the other provinces
            Set<String> statuses = new HashSet<>(texts(sql, "select distinct status from deed"));
            assertThat(statuses).containsExactlyInAnyOrder("RECEIVED", "ACCEPTED", "NOT_ACCEPTED", "INVESTIGATING",
                    "UNDER_REVIEW", "IN_NOTICE", "NOTICE_CLOSED", "HEARING", "DECIDED", "DELIVERED", "CLOSED");
            assertThat(number(sql, "select count(*) from deed where status = 'INVESTIGATING' "
                    + "and decision_due_on < date '2026-11-20'")).isPositive();
            assertThat(number(sql, "select count(distinct substr(region_code, 1, 2)) from deed")).isEqualTo(4);
            assertThat(number(sql, "select count(*) from deed where region_code like '3505%'") * 1.0 / DEEDS)
                    .isBetween(0.25, 0.35);

            // the people confirmed: one for each confirmed actor, their ids encrypted, indexed and masked
            assertThat(number(sql, "select count(*) from samaritan")).isEqualTo(
                    number(sql, "select count(*) from deed_participant where outcome = 'CONFIRMED'"));
            try (ResultSet people = sql.executeQuery("select resident_id, resident_id_index, resident_id_masked "
                    + "from samaritan where resident_id is not null order by id limit 50")) {
                int checked = 0;
                while (people.next()) {
                    ResidentId id = ResidentId.parse(cipher.decrypt(people.getString(1)));
                    assertThat(id.masked()).isEqualTo(people.getString(3));
                    assertThat(cipher.blindIndex(id.value())).isEqualTo(people.getString(2));
                    checked++;
                }
                assertThat(checked).isEqualTo(50);
            }

            // the books: every entry balanced, every payment paid has its entry, rewards at the standard in force
            assertThat(number(sql, "select count(*) from (select entry_id from posting group by entry_id "
                    + "having sum(debit) <> sum(credit)) unbalanced")).isZero();
            assertThat(number(sql, """
                    select count(*) from (select p.fund_id, p.account, e.entry_date, sum(p.debit) as debit,
                                                 sum(p.credit) as credit
                                          from posting p join journal_entry e on e.id = p.entry_id
                                          group by p.fund_id, p.account, e.entry_date) s
                    full join fund_day_total t on t.fund_id = s.fund_id and t.account = s.account
                                              and t.entry_date = s.entry_date
                    where t.debit is distinct from s.debit or t.credit is distinct from s.credit""")).isZero();
            assertThat(number(sql, "select count(*) from payment_order o where o.status = 'PAID' and not exists "
                    + "(select 1 from journal_entry e where e.source_kind = 'PAYMENT' and e.source_id = o.id)")).isZero();
            // each order cites the decision it carries out, as the reconciliation asks
            assertThat(number(sql, "select count(*) from payment_order o where coalesce(o.decision_document, '') = ''"))
                    .isZero();
            assertThat(number(sql, """
                    select count(*) from payment_order o join campaign c on c.id = o.source_record_id
                    where o.source_kind = 'campaign' and o.decision_document <> c.document_number""")).isZero();
            assertThat(number(sql, """
                    select count(*) from honour h
                    where h.status = 'GRANTED' and h.reward_amount is distinct from (
                        select s.amount from reward_standard s where s.title_id = h.title_id
                          and s.effective_from <= h.decided_on order by s.effective_from desc limit 1)""")).isZero();
            assertThat(number(sql, "select count(*) from campaign_line l where l.status = 'PAID' and not exists "
                    + "(select 1 from payment_order o where o.number = l.order_number and o.status = 'PAID')"))
                    .isZero();

            // the audit trail goes on from where it stood, every link intact
            String previous = ChainHash.GENESIS;
            try (ResultSet entries = sql.executeQuery("select occurred_at, actor, ip, action, entity_type, entity_id, "
                    + "changes, detail, prev_hash, hash from audit_entry order by id")) {
                while (entries.next()) {
                    Instant at = entries.getTimestamp(1).toInstant();
                    String expected = ChainHash.of(previous, at, entries.getString(2), entries.getString(3),
                            entries.getString(4), entries.getString(5), entries.getString(6), entries.getString(7),
                            entries.getString(8));
                    assertThat(entries.getString(9)).isEqualTo(previous);
                    assertThat(entries.getString(10)).isEqualTo(expected);
                    previous = expected;
                }
            }
            assertThat(text(sql, "select last_hash from audit_chain_head where id = 1")).isEqualTo(previous);
            assertThat(number(sql, "select entries from audit_chain_head where id = 1"))
                    .isEqualTo(number(sql, "select count(*) from audit_entry"));

            // what the application adds next comes after the generated records
            for (String table : List.of("deed", "samaritan", "payment_order", "audit_entry", "visit")) {
                assertThat(number(sql, "select nextval(pg_get_serial_sequence('" + table + "', 'id'))"))
                        .as(table).isGreaterThan(number(sql, "select max(id) from " + table));
            }
        }
    }

    private static long number(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> texts(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

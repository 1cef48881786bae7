package org.yiyong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plans of queries that must stay fast on a province's tables rest on their indexes: on PostgreSQL, with
 * sequential scans and sorts priced out ({@code enable_seqscan}, {@code enable_sort},
 * {@code enable_incremental_sort} off, as if the tables were large), each plan still reads its big table through an index, and a list in the order of an index sorts nothing. Dropping one of those indexes fails here, on
 * the test database's small tables, rather than in a county office on a large one.
 */
class QueryPlanTests extends FullStackTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void onPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:postgresql:"),
                    "query plans are checked on PostgreSQL");
        }
    }

    /** The plan of a statement, with sequential scans priced out for the transaction. */
    private String plan(String sql) {
        return plan(sql, false);
    }

    /** The plan, with bitmap scans also priced out where a small table would read any index that narrows it. */
    private String plan(String sql, boolean indexScansOnly) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            if (indexScansOnly) {
                jdbc.sql("set local enable_bitmapscan = off").update();
            }
            jdbc.sql("set local enable_sort = off").update();
            jdbc.sql("set local enable_incremental_sort = off").update();
            List<String> lines = jdbc.sql("explain " + sql).query(String.class).list();
            return String.join("\n", lines);
        });
    }

    @Test
    void the_applications_connections_compile_no_queries_just_in_time() {
        // JIT compiling the pages' queries took longer than running them (PostgresConnections)
        assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
    }

    @Test
    void the_deeds_list_reads_newest_first_along_an_index_for_a_county_and_for_the_city() {
        for (String scope : List.of("'350582'", "'350582', '350583', '350581', '350524', '350502'")) {
            String plan = plan("""
                    select d.id from deed d where d.region_code in (%s)
                    order by d.received_on desc, d.id desc limit 20 offset 40""".formatted(scope));
            assertThat(plan).as(scope).doesNotContain("Sort").doesNotContain("Seq Scan on deed");
        }
    }

    @Test
    void a_campaigns_roster_reads_a_page_of_its_lines_in_the_order_of_its_index() {
        // CampaignLines.page: included, sent, paid, left out, taken off, then by county
        String plan = plan("""
                select * from campaign_line
                where campaign_id = 42 and status in ('INCLUDED', 'SENT', 'PAID')
                  and (false = false or (conduct_check_required and conduct_good is null))
                order by case status when 'INCLUDED' then 0 when 'SENT' then 1 when 'PAID' then 2 when 'EXCLUDED' then 3
                         else 4 end, region_code, id
                offset 0 rows fetch first 50 rows only""", true);
        assertThat(plan).contains("campaign_line_roster_idx").doesNotContain("Sort").doesNotContain("Seq Scan");
    }

    @Test
    void the_honours_waiting_for_the_citys_staff_are_read_by_region_and_status_together() {
        // HonourTasks, on every visit to a city staff member's workbench: the waiting few, not the city's every honour
        String plan = plan("""
                select h.id, h.samaritan_id, h.deed_id, h.status, h.proposed_on, h.approved_on, h.region_code
                from honour h
                where h.region_code in ('350582', '350583', '350500') and h.mode <> 'ROUND'
                  and ((h.status = 'PROPOSED' and h.proposed_by <> 'city-staff') or h.status = 'APPROVED')
                order by h.proposed_on, h.id""");
        assertThat(plan).contains("honour_region_status_idx").doesNotContain("Seq Scan on honour");
    }

    @Test
    void the_reconciliation_finds_an_entry_that_reverses_another_by_its_index() {
        String plan = plan("select 1 from journal_entry r where r.reverses_id = 42");
        assertThat(plan).contains("journal_entry_reverses_idx").doesNotContain("Seq Scan on journal_entry");
    }

    @Test
    void the_deadline_watch_finds_the_pauses_of_running_deeds_by_their_deed() {
        String plan = plan("""
                select p.deed_id, p.paused_on, p.resumed_on from deed_pause p join deed d on d.id = p.deed_id
                where d.region_code in ('350582') and d.status in ('ACCEPTED', 'INVESTIGATING')
                  and d.accepted_on is not null order by p.id""");
        assertThat(plan).doesNotContain("Seq Scan on deed_pause").doesNotContain("Seq Scan on deed ");
    }

    @Test
    void a_search_of_three_characters_and_more_reads_names_and_texts_through_trigram_indexes() {
        String people = plan("""
                select s.id from samaritan s where lower(s.name) like '%陈志强%' or lower(s.number) like '%陈志强%'""");
        assertThat(people).contains("samaritan_name_trgm_idx").contains("samaritan_number_trgm_idx")
                .doesNotContain("Seq Scan on samaritan");
        String deeds = plan("""
                select t.id from deed t where lower(t.number) like '%救落水%'
                union select t.id from deed t where lower(t.title) like '%救落水%'
                union select t.id from deed t where lower(t.address) like '%救落水%'
                union select p.deed_id from deed_participant p where lower(p.name) like '%救落水%'""");
        assertThat(deeds).contains("deed_number_trgm_idx").contains("deed_title_trgm_idx")
                .contains("deed_address_trgm_idx").contains("deed_participant_name_trgm_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void a_search_of_two_characters_reads_names_and_numbers_through_their_pairs_of_characters() {
        String people = plan("""
                select s.id from samaritan s
                where (yiyong_pairs(lower(s.name)) @> array[cast('王芳' as text)]
                       or yiyong_pairs(lower(s.number)) @> array[cast('王芳' as text)])""");
        assertThat(people).contains("samaritan_name_pairs_idx").contains("samaritan_number_pairs_idx")
                .doesNotContain("Seq Scan on samaritan");
    }

    @Test
    void a_search_of_deeds_for_two_characters_reads_titles_addresses_and_actors_through_their_pairs() {
        String deeds = plan("""
                select d.id from deed d where d.region_code in ('350582')
                  and d.id in (select t.id from deed t where yiyong_pairs(lower(t.title)) @> array[cast('安海' as text)]
                               union select t.id from deed t where yiyong_pairs(lower(t.address)) @> array[cast('安海' as text)]
                               union select p.deed_id from deed_participant p
                                     where yiyong_pairs(lower(p.name)) @> array[cast('安海' as text)])""");
        assertThat(deeds).contains("deed_title_pairs_idx").contains("deed_address_pairs_idx")
                .contains("deed_participant_name_pairs_idx").doesNotContain("Seq Scan on deed_participant");
    }

    @Test
    void a_page_of_the_honours_register_reads_the_honours_in_its_order() {
        String page = plan("""
                select h.id from honour h join title t on t.id = h.title_id
                where h.region_code in ('350582', '350583') order by h.decided_on desc nulls last, h.id desc limit 20""");
        assertThat(page).contains("honour_register_order_idx").doesNotContain("Sort");
    }

    @Test
    void a_page_of_the_visit_schedule_reads_the_kept_due_dates_in_the_order_of_their_index() {
        String page = plan("""
                select d.samaritan_id from visit_due d where d.region_code in ('350582') and d.due_on < date '2026-12-01'
                order by d.due_on, d.name, d.samaritan_id limit 50 offset 100""");
        assertThat(page).contains("visit_due_schedule_idx").doesNotContain("Sort").doesNotContain("Seq Scan");
        String count = plan("""
                select count(*) from visit_due d where d.region_code in ('350582', '350583') and d.due_on < date '2026-12-01'""");
        assertThat(count).contains("visit_due_schedule_idx").doesNotContain("Seq Scan");
    }

    @Test
    void the_registry_figures_of_the_workbench_are_counted_from_an_index_alone() {
        String plan = plan("""
                select count(*) as total, coalesce(sum(case when lost_contact then 1 else 0 end), 0) as lost
                from samaritan where region_code in ('350582', '350583')""");
        // an index-only scan once the table is vacuumed (on the national dataset: 253 ms -> a few); here, its index
        assertThat(plan).contains("samaritan_region_contact_idx").doesNotContain("Seq Scan on samaritan");
    }

    @Test
    void the_guarantees_find_their_items_through_indexes() {
        // each check's first read, the one that decides how many rows the check visits (the plans of the whole
        // checks follow the data the other tests left)
        String missed = plan("""
                select confirmation_id from award_awaited
                where region_code in ('350582', '350583') and confirmed_on <= date '2026-11-01'""");
        // the confirmations awaiting a decision of the scope, not every confirmation of it
        assertThat(missed).contains("award_awaited_region_idx");
        String late = plan("""
                select honour_id from reward_payment_request where kind = 'PAYMENT' and status = 'REQUESTED'""");
        assertThat(late).contains("reward_payment_request_waiting_idx");
        String wrong = plan("""
                select id, title_id, decided_on, reward_amount from honour
                where region_code in ('350582', '350583') and status = 'GRANTED' and mode <> 'UPWARD'""", true);
        assertThat(wrong).contains("Index Only Scan using honour_granted_check_idx");
    }

    @Test
    void a_start_looks_for_decisions_without_a_due_date_among_those_alone() {
        String plan = plan("""
                select id, accepted_on, extension_days from deed
                where decided_on is not null and decision_due_on is null and accepted_on is not null and id > 0
                  and source <> 'HISTORICAL_REGISTER'
                order by id fetch first 500 rows only""");
        assertThat(plan).contains("deed_decision_due_missing_idx").doesNotContain("Seq Scan on deed");
    }

    @Test
    void the_audit_search_reads_the_newest_entries_of_a_type_an_actor_or_an_action_along_an_index() {
        // values rare among the entries, as a type of entry is among the newest after a campaign's millions
        for (String filter : List.of("entity_type = 'NoSuchType'", "actor = 'no-such-actor'", "action = 'NO_SUCH'",
                "entity_type = 'NoSuchType' and entity_id = '42'")) {
            // the page's ids, as AuditSearch asks for them
            String plan = plan("select id from audit_entry where " + filter + " order by id desc limit 50 offset 50");
            assertThat(plan).as(filter).doesNotContain("Sort").doesNotContain("Seq Scan")
                    .doesNotContain("audit_entry_pkey");
        }
    }

    @Test
    void the_audit_search_reads_what_one_person_did_to_one_kind_of_record_along_their_pairs_index() {
        // a pair rare among two large sets (a city's staff member and the registry's people) is read in order
        // from the index of the pairs, neither along one filter's entries nor along the trail by id
        String plan = plan("select id from audit_entry where actor = 'no-such-actor' and entity_type = 'NoSuchType' "
                + "order by id desc limit 50 offset 50");
        assertThat(plan).contains("audit_entry_actor_type_idx").doesNotContain("Sort").doesNotContain("Seq Scan")
                .doesNotContain("audit_entry_pkey");
    }
}

package org.yiyong;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yiyong.TableOwnership.Crossing;

/**
 * No module reads another module's tables: every table belongs to the module whose migration creates it
 * (declared in {@code module-tables.properties}), and a module's SQL and JPQL name only its own tables and
 * entities, or the views another module publishes. Other data comes through the owner's API.
 */
class ModuleTableOwnershipTests {

    private static final Path MAIN_SOURCE = Path.of("src/main/java/org/yiyong");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private final TableOwnership ownership = TableOwnership.declared().withEntitiesOf(MAIN_SOURCE);

    @Test
    void every_table_and_view_the_migrations_create_is_declared_once_by_its_module() {
        Map<String, String> created = TableOwnership.createdByMigrations(MIGRATIONS);
        assertThat(ownership.tableOwners().keySet())
                .as("tables declared in module-tables.properties and created by the migrations")
                .containsExactlyInAnyOrderElementsOf(created.keySet());
        Map<String, String> views = new TreeMap<>(created);
        views.values().removeIf(kind -> !kind.equals("view"));
        assertThat(ownership.publishedViews().keySet())
                .as("views are declared under <module>.views, and only views are")
                .containsExactlyInAnyOrderElementsOf(views.keySet());
    }

    @Test
    void no_module_names_a_table_or_entity_of_another_module_in_its_sql_or_jpql() {
        List<Crossing> crossings = ownership.crossingsIn(MAIN_SOURCE);
        assertThat(crossings).as(report(crossings)).isEmpty();
    }

    @Test
    void no_module_uses_an_entity_class_of_another_module() {
        List<Crossing> crossings = ownership.entityClassUsesIn(MAIN_SOURCE);
        assertThat(crossings).as(report(crossings)).isEmpty();
    }

    @Test
    void the_scan_finds_every_jpa_entity() {
        assertThat(ownership.entityOwners()).containsEntry("Samaritan", "samaritans").containsEntry("Honour", "honours")
                .containsEntry("Deed", "deeds");
    }

    // The scanner itself: it must see a crossing wherever SQL can hide one, and nothing else.

    private final TableOwnership sample = new TableOwnership().table("samaritan", "samaritans")
            .table("relative", "samaritans").table("region", "organization").table("honour", "honours")
            .table("title", "honours").view("samaritans_household_view", "samaritans")
            .entity("Samaritan", "samaritans").entity("Honour", "honours");

    private List<String> crossingsOf(String module, String javaSource) {
        return sample.crossings("Sample.java", module, javaSource).stream()
                .map(c -> c.module() + "→" + c.name() + "@" + c.line()).toList();
    }

    @Test
    void a_foreign_table_in_a_string_literal_is_a_crossing() {
        assertThat(crossingsOf("care", """
                class Sample {
                    String sql = "select s.name from samaritan s where s.id = :id";
                }
                """)).containsExactly("care→samaritan@2");
        assertThat(sample.crossings("care/Sample.java", "care", "String q = \"select 1 from region\";"))
                .singleElement().hasToString("care/Sample.java:1: module care names table region owned by organization");
    }

    @Test
    void a_versioned_java_migration_may_move_data_between_owners() {
        String moving = "String q = \"update relative set x = (select name from samaritan)\";";
        assertThat(sample.crossings("care/internal/V40__households_move.java", "care", moving))
                .isEmpty();
        assertThat(sample.crossings("care/internal/Households.java", "care", moving)).hasSize(2);
    }

    @Test
    void a_foreign_table_in_a_text_block_join_from_list_or_write_is_a_crossing() {
        String source = "class Sample {\n"
                + "  String a = \"\"\"\n"
                + "      select c.id from campaign_line c\n"
                + "      left join Relative r on r.id = c.relative_id\n"
                + "      \"\"\";\n"
                + "  String b = \"select 1 from campaign c, honour h where h.id = c.id\";\n"
                + "  String c = \"update samaritan set name = 'x'\";\n"
                + "  String d = \"insert into public.title (name) values ('from region')\";\n"
                + "  String e = \"delete from campaign using samaritan s where s.id = campaign.samaritan_id\";\n"
                + "}\n";
        assertThat(crossingsOf("care", source)).containsExactly("care→relative@2", "care→honour@6",
                "care→samaritan@7", "care→title@8", "care→samaritan@9");
    }

    @Test
    void literals_joined_by_plus_are_read_as_one_statement() {
        assertThat(crossingsOf("funds", "String sql = \"select name from \"\n    + \"samaritan where id = ?\";"))
                .containsExactly("funds→samaritan@1");
    }

    @Test
    void another_module_s_entity_in_jpql_is_a_crossing_and_a_path_join_is_not() {
        assertThat(crossingsOf("honours", "@Query(\"select s from Samaritan s join s.relatives r\")"))
                .containsExactly("honours→Samaritan@1");
        assertThat(crossingsOf("honours", "@Query(\"select h from Honour h join h.title t\")")).isEmpty();
    }

    @Test
    void own_tables_published_views_comments_and_words_that_are_no_table_are_not_crossings() {
        assertThat(crossingsOf("samaritans", "String sql = \"select * from samaritan s join relative r on r.samaritan_id = s.id\";"))
                .isEmpty();
        assertThat(crossingsOf("care", "String sql = \"select * from samaritans_household_view h\";")).isEmpty();
        assertThat(crossingsOf("care", """
                // select * from samaritan
                /* join region r */
                char quote = '"';
                String sql = "select extract(year from v.visited_at), s.title from visit v where v.note = 'from honour'";
                String message = "region";
                String detail = "merged into deed " + number + " from region " + code;
                """)).isEmpty();
    }

    @Test
    void a_piece_of_sql_is_read_even_when_the_rest_of_the_statement_is_elsewhere() {
        assertThat(crossingsOf("care", "String join = \" left join region r on r.code = v.region_code\";"))
                .containsExactly("care→region@1");
        assertThat(crossingsOf("care", "String from = \" from samaritan s where s.id = :id\";"))
                .containsExactly("care→samaritan@1");
        assertThat(crossingsOf("care", "String merge = \"merge into honour (id) key (id) values (1)\";"))
                .containsExactly("care→honour@1");
    }

    @Test
    void a_table_declared_by_two_modules_is_refused() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new TableOwnership().table("region", "organization").table("region", "care"))
                .withMessageContaining("region");
    }

    @Test
    void another_module_s_entity_class_imported_or_named_in_full_is_a_crossing() {
        TableOwnership withClasses = TableOwnership.declared().withEntitiesOf(MAIN_SOURCE);
        assertThat(withClasses.entityClassUses("honours/Sample.java", "honours",
                "package org.yiyong.honours;\nimport org.yiyong.samaritans.internal.Samaritan;\n"))
                .extracting(Crossing::name).containsExactly("org.yiyong.samaritans.internal.Samaritan");
        assertThat(withClasses.entityClassUses("samaritans/Sample.java", "samaritans",
                "import org.yiyong.samaritans.internal.Samaritan;\n")).isEmpty();
    }

    private static String report(List<Crossing> crossings) {
        return crossings.stream().map(Crossing::toString)
                .collect(Collectors.joining("\n", "module reads another module's table or entity:\n", ""));
    }
}

package org.yiyong.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyong.identity.SignedIn;
import org.yiyong.reporting.Statistics;
import org.yiyong.shared.FigureSource;

/**
 * How long the statistics of a large city take, against the raw SQL of the same figures: not a test (it
 * asserts nothing about time) and not part of {@code ./mvnw verify}; run it with {@code -Pbenchmark} on
 * PostgreSQL as {@code docs/benchmarks.md} describes.
 *
 * <p>It generates a city of 100,000 deeds once ({@code city.sql}), then for the city and for one county,
 * after a warm-up, times {@link Statistics#of} (a year and the year before), the JSON API and the HTML page,
 * and the raw SQL: the very statements {@code Statistics.of} ran, recorded with their parameters, run again
 * on a plain JDBC connection. It prints the median and 95th percentile of each and the ratio of the medians.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlRecording.class)
class StatisticsBenchmark {

    private static final int YEAR = Integer.getInteger("benchmark.year", 2025);
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 3);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 10);
    private static final int SLOWEST = 5;
    private static final List<String> GENERATED_TABLES = List.of("deed", "deed_participant", "samaritan",
            "samaritan_deed", "honour", "reward_payment_request", "fund", "donation", "relative",
            "student_aid_application", "payment_order", "journal_entry", "posting", "campaign", "campaign_line",
            "targeted_aid_application", "visit", "assistance_case", "disability_case", "pension_payment",
            "death_determination", "benefit");

    @Autowired
    private Statistics statistics;

    @Autowired
    private UserDetailsService accounts;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private List<FigureSource> sources;

    @Test
    void statistics_of_a_city_of_100000_deeds() throws Exception {
        DataSource database = SqlRecording.plain;
        String product;
        try (Connection connection = database.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        assumeTrue(product.startsWith("PostgreSQL"), "the benchmark runs on PostgreSQL (YIYONG_DB_URL), not on "
                + product);
        generateTheCity(database);

        System.out.printf(Locale.ROOT, "%nStatistics of %d (and %d), %s, %d runs after %d to warm up, in ms%n",
                YEAR, YEAR - 1, product, RUNS, WARM_UP);
        System.out.printf(Locale.ROOT, "%-16s %7s | %-15s | %-15s | %-15s | %-15s | %s%n", "region", "queries",
                "Statistics.of", "API", "page", "raw SQL", "ratio of medians (of / raw)");
        System.out.printf(Locale.ROOT, "%-16s %7s | %-15s | %-15s | %-15s | %-15s |%n", "", "", "median     p95",
                "median     p95", "median     p95", "median     p95");
        measure("city-staff", "350500 city");
        measure("jinjiang-staff", "350582 Jinjiang");
        System.out.println();
    }

    private void measure(String username, String label) throws Exception {
        UserDetails user = accounts.loadUserByUsername(username);
        String region = label.substring(0, 6);
        Callable<Object> app = () -> SignedIn.as(user, me -> statistics.of(me, YEAR, org.yiyong.shared.RegionCode.of(region)));
        Callable<Object> api = () -> mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(YEAR))
                .param("region", region).with(user(user))).andExpect(status().isOk()).andReturn();
        Callable<Object> page = () -> mvc.perform(get("/statistics").param("year", String.valueOf(YEAR))
                .param("region", region).with(user(user))).andExpect(status().isOk()).andReturn();

        List<SqlRecording.Recorded> statements = SqlRecording.record(app).stream()
                .filter(statement -> statement.sql().contains(" as figure_value from "))
                .toList();
        Callable<Object> raw = () -> SqlRecording.runRaw(statements);

        List<Callable<Object>> all = List.of(app, api, page, raw);
        for (int i = 0; i < WARM_UP; i++) {
            for (Callable<Object> step : all) {
                step.call();
            }
        }
        long[][] times = new long[all.size()][RUNS];
        for (int run = 0; run < RUNS; run++) {
            for (int step = 0; step < all.size(); step++) {
                long start = System.nanoTime();
                all.get(step).call();
                times[step][run] = System.nanoTime() - start;
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %7d |", label, statements.size()));
        for (long[] step : times) {
            Arrays.sort(step);
            line.append(String.format(Locale.ROOT, " %6.1f  %6.1f |", millis(percentile(step, 50)),
                    millis(percentile(step, 95))));
        }
        line.append(String.format(Locale.ROOT, " %.2f", (double) percentile(times[0], 50) / percentile(times[3], 50)));
        System.out.println(line);
        slowest(statements);
    }

    /** What a figure query reads: the text between its "from" and its "where", shortened. */
    private static String table(String sql) {
        // the select list reads "extract(year from …)": the figure's own "from" is the last before its "where"
        int where = sql.indexOf(" where ");
        int from = where < 0 ? -1 : sql.lastIndexOf(" from ", where);
        String read = from < 0 || where < 0 ? sql : sql.substring(from + 6, where);
        read = read.replaceAll("\\s+", " ").strip();
        return "(" + (read.length() > 48 ? read.substring(0, 48) + "…" : read) + ")";
    }

    /**
     * Prints the figure queries that take longest, each timed alone, and with {@code -Dbenchmark.explain=true}
     * their plans ({@code explain analyze}).
     */
    private void slowest(List<SqlRecording.Recorded> statements) throws Exception {
        List<String> labels = new ArrayList<>();
        for (FigureSource source : sources) {
            for (int year : new int[] {YEAR, YEAR - 1}) {
                source.figures().forEach(figure -> labels.add(figure.key() + " " + year));
            }
        }
        List<Map.Entry<Long, Integer>> timed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            long[] runs = new long[3];
            for (int run = 0; run < runs.length; run++) {
                long start = System.nanoTime();
                SqlRecording.runRaw(List.of(statements.get(i)));
                runs[run] = System.nanoTime() - start;
            }
            Arrays.sort(runs);
            timed.add(Map.entry(runs[1], i));
        }
        timed.sort(Map.Entry.<Long, Integer>comparingByKey().reversed());
        StringBuilder line = new StringBuilder("    slowest:");
        for (Map.Entry<Long, Integer> entry : timed.subList(0, Math.min(SLOWEST, timed.size()))) {
            int i = entry.getValue();
            String label = labels.size() == statements.size() ? labels.get(i) : "#" + i + " " + table(statements.get(i).sql());
            line.append(String.format(Locale.ROOT, " %s %.0f;", label, millis(entry.getKey())));
            if (Boolean.getBoolean("benchmark.explain")) {
                SqlRecording.Recorded statement = statements.get(i);
                SqlRecording.Recorded explain = new SqlRecording.Recorded(
                        "explain (analyze, buffers) " + statement.sql(), statement.calls());
                System.out.println("-- " + label);
                explain(explain).forEach(System.out::println);
            }
        }
        System.out.println(line);
    }

    private static List<String> explain(SqlRecording.Recorded statement) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = SqlRecording.plain.getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (SqlRecording.Recorded.Call call : statement.calls()) {
                call.method().invoke(prepared, call.args());
            }
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
        }
        return plan;
    }

    /** Generates the city unless the database holds it already, then brings the planner's statistics up to date. */
    private static void generateTheCity(DataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            boolean generated;
            try (ResultSet rows = connection.createStatement()
                    .executeQuery("select count(*) from deed where id > 1000000 and number like 'BM-%'")) {
                rows.next();
                generated = rows.getLong(1) > 0;
            }
            if (generated) {
                System.out.println("The city is generated already: deeds with ids above 1,000,000 are there.");
                return;
            }
            long start = System.nanoTime();
            ScriptUtils.executeSqlScript(connection, new EncodedResource(
                    new ClassPathResource("org/yiyong/benchmark/city.sql"), StandardCharsets.UTF_8));
            for (String table : GENERATED_TABLES) {
                connection.createStatement().execute("select setval(pg_get_serial_sequence('" + table
                        + "', 'id'), (select max(id) from " + table + "))");
            }
            connection.createStatement().execute("analyze");
            System.out.printf(Locale.ROOT, "Generated the city in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

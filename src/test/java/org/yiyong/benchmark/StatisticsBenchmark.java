package org.yiyong.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
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
@Import(StatisticsBenchmark.Recording.class)
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
        DataSource database = Recording.plain;
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

        List<Recorded> statements = Recording.record(app).stream()
                .filter(statement -> statement.sql().contains(" as figure_value from "))
                .toList();
        Callable<Object> raw = () -> runRaw(statements);

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
    private void slowest(List<Recorded> statements) throws Exception {
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
                runRaw(List.of(statements.get(i)));
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
                Recorded statement = statements.get(i);
                Recorded explain = new Recorded("explain (analyze, buffers) " + statement.sql(), statement.calls());
                System.out.println("-- " + label);
                explain(explain).forEach(System.out::println);
            }
        }
        System.out.println(line);
    }

    private static List<String> explain(Recorded statement) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = Recording.plain.getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (Recorded.Call call : statement.calls()) {
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

    /** Runs the recorded statements on one plain connection, in one read-only transaction, reading every cell. */
    private static Object runRaw(List<Recorded> statements) throws Exception {
        long cells = 0;
        try (Connection connection = Recording.plain.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            for (Recorded statement : statements) {
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    for (Recorded.Call call : statement.calls()) {
                        call.method().invoke(prepared, call.args());
                    }
                    try (ResultSet rows = prepared.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) {
                                rows.getObject(column);
                                cells++;
                            }
                        }
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
        }
        return cells;
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

    /** A statement run during a recording, with the calls that set its parameters. */
    record Recorded(String sql, List<Call> calls) {

        record Call(Method method, Object[] args) {
        }
    }

    /**
     * Wraps the application's data source so that the queries run while {@link #record} runs are kept, with
     * their parameters; outside a recording the wrapper only passes calls on.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        /** The application's own data source, unwrapped. */
        static volatile DataSource plain;

        private static volatile List<Recorded> recorded;

        static synchronized List<Recorded> record(Callable<Object> steps) throws Exception {
            recorded = new ArrayList<>();
            try {
                steps.call();
                return List.copyOf(recorded);
            } finally {
                recorded = null;
            }
        }

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && plain == null) {
                        plain = dataSource;
                        return proxy(DataSource.class, dataSource, (target, method, args) -> {
                            Object result = call(method, target, args);
                            return result instanceof Connection connection
                                    ? proxy(Connection.class, connection, Recording::connectionCall) : result;
                        });
                    }
                    return bean;
                }
            };
        }

        private static Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
            Object result = call(method, target, args);
            if (recorded != null && method.getName().equals("prepareStatement")
                    && result instanceof PreparedStatement statement) {
                String sql = (String) args[0];
                List<Recorded.Call> calls = new ArrayList<>();
                return proxy(PreparedStatement.class, statement, (ps, m, a) -> {
                    if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                        calls.add(new Recorded.Call(m, a.clone()));
                    } else if (m.getName().equals("executeQuery") && (a == null || a.length == 0)) {
                        List<Recorded> list = recorded;
                        if (list != null) {
                            list.add(new Recorded(sql, List.copyOf(calls)));
                        }
                    }
                    return call(m, ps, a);
                });
            }
            return result;
        }

        private interface Handler {
            Object handle(Object target, Method method, Object[] args) throws Throwable;
        }

        private static <T> T proxy(Class<T> type, T target, Handler handler) {
            InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
        }

        private static Object call(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package org.yiyong.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.yiyong.shared.FieldCipher;

/**
 * The main pages and API calls under load on the national dataset ({@link NationalDataset}, generated first
 * when the database does not hold it): for each call, virtual users signed in over HTTP ask for it again and
 * again for a while, and the very SQL statements one such request ran (recorded) are then run the same way on
 * plain connections of the same pool. Prints p50, p95 and requests per second of both and the ratio of the
 * throughputs. Not a test (it asserts nothing about time) and not part of {@code ./mvnw verify}; run it as
 * {@code docs/performance.md} describes.
 *
 * <p>By default each user asks again as soon as answered: the machine saturated, the throughput its limit. With
 * {@code -Dbenchmark.rate=N} the users together ask N times a second, each at its own steady pace, as staff do
 * between reading a page and clicking: a request's time is counted from when it was due, so one that waits for an
 * earlier one counts the wait.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SqlRecording.class)
class LoadBenchmark {

    private static final int USERS = Integer.getInteger("benchmark.users", 50);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    /** Users at once for the calls that read a whole city (its reports, its schedule): each takes seconds. */
    private static final int REPORT_USERS = Integer.getInteger("benchmark.report-users", 5);
    private static final int TIMEOUT_SECONDS = Integer.getInteger("benchmark.timeout", 300);
    private static final String ONLY = System.getProperty("benchmark.calls", "");
    /** Requests a second of all users of a call together, each user at a steady pace; 0: each asks when answered. */
    private static final double RATE = Double.parseDouble(System.getProperty("benchmark.rate", "0"));
    private static final String PASSWORD = "Yiyong@2024";
    /** A call whose raw SQL takes longer than this has its slowest statement named. */
    private static final double SLOW_MILLIS = 50;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Autowired
    private FieldCipher cipher;

    private final Map<String, List<HttpClient>> sessions = new HashMap<>();

    /** A call: who asks, for what, with how many users at once. */
    record Call(String name, String user, String path, int users) {

        Call(String name, String user, String path) {
            this(name, user, path, USERS);
        }
    }

    /** What a run measured: each request's time, and the requests per second of the whole run. */
    record Run(long[] nanos, double perSecond, int failures, String failure) {

        double p(int percent) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN
                    : sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }

    @Test
    void the_main_pages_and_calls_under_load() throws Exception {
        DataSource database = SqlRecording.plain;
        String product;
        try (Connection connection = database.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        assumeTrue(product.startsWith("PostgreSQL"), "the benchmark runs on PostgreSQL (YIYONG_DB_URL), not on "
                + product);
        if (!NationalDataset.present(database)) {
            NationalDataset.Options options = NationalDataset.Options.of(Integer.getInteger("dataset.deeds", 1_000_000));
            NationalDatasetGeneration.print(options, product, new NationalDataset(database, cipher, options).generate());
        }
        List<Call> calls = calls(database);
        System.out.printf(Locale.ROOT, "%nLoad on %s: %d cores, heap up to %d MB, %d users a call (unless said), "
                + "%d s a call, %s, ms%n", product, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, USERS, SECONDS, RATE > 0
                        ? String.format(Locale.ROOT, "%.0f requests a second a call, times from when each was due", RATE)
                        : "each user asking again when answered");
        System.out.printf(Locale.ROOT, "%-34s %5s %4s | %8s %8s %8s | %8s %8s %8s | %6s%n", "call", "users", "SQL",
                "p50", "p95", "req/s", "raw p50", "raw p95", "raw r/s", "ratio");
        for (Call call : calls) {
            if (!ONLY.isBlank() && Arrays.stream(ONLY.split(";")).noneMatch(name -> call.name().startsWith(name))) {
                continue;
            }
            try {
                measure(call);
            } catch (Exception e) {
                System.out.printf(Locale.ROOT, "%-34s failed: %s%n", call.name(), e.getMessage());
            }
        }
        System.out.println();
    }

    private List<Call> calls(DataSource database) throws Exception {
        long base = NationalDataset.BASE;
        long deed = one(database, "select max(id) from deed where region_code = '350582' and status = 'CLOSED' "
                + "and id >= " + base);
        long samaritan = one(database, "select max(id) from samaritan where region_code = '350582' "
                + "and resident_id is not null and id >= " + base);
        String residentId = cipher.decrypt(text(database, "select resident_id from samaritan where id = " + samaritan));
        String name = text(database, "select name from samaritan where id = " + samaritan);
        long campaign = one(database, "select max(id) from campaign where region_code = '350582' and id >= " + base);
        int year = NationalDataset.Options.of(1).today().getYear() - 1;
        return List.of(
                new Call("workbench, county", "jinjiang-staff", "/"),
                new Call("workbench, city", "city-staff", "/", REPORT_USERS),
                new Call("deeds, county", "jinjiang-staff", "/deeds"),
                new Call("deeds, city", "city-staff", "/deeds"),
                new Call("deeds, city, page 50", "city-staff", "/deeds?page=50"),
                new Call("deeds, filtered and text", "city-staff", "/deeds?status=CLOSED&category=RESCUE&q="
                        + encode("落水")),
                new Call("deed page", "jinjiang-staff", "/deeds/" + deed),
                new Call("samaritans, by resident id", "city-staff", "/samaritans?q=" + encode(residentId)),
                new Call("samaritans, by name", "city-staff", "/samaritans?q=" + encode(name)),
                new Call("samaritan profile", "jinjiang-staff", "/samaritans/" + samaritan),
                new Call("honours, city", "city-staff", "/honours"),
                new Call("guarantees, county", "jinjiang-staff", "/guarantees"),
                new Call("guarantees, city", "city-staff", "/guarantees", REPORT_USERS),
                new Call("payment orders, county", "jinjiang-finance", "/payment-orders"),
                new Call("payment orders API, city", "finance-reviewer", "/api/v1/payment-orders"),
                new Call("fund statement API, county", "jinjiang-finance", "/api/v1/funds/reports/statement?year="
                        + year),
                new Call("reconciliation API, county", "jinjiang-finance",
                        "/api/v1/funds/reports/reconciliation?year=" + year),
                new Call("visit schedule, county", "jinjiang-staff", "/visits"),
                new Call("visit schedule, city", "city-staff", "/visits", REPORT_USERS),
                new Call("campaign roster, county", "jinjiang-staff", "/campaigns/" + campaign),
                new Call("audit search", "auditor", "/audit?entityType=Deed"),
                new Call("audit search, a person and a kind", "auditor", "/audit?actor=gn-head&entityType=Samaritan"),
                new Call("statistics, city", "city-staff", "/statistics?year=" + year, REPORT_USERS),
                new Call("export deeds xlsx, county", "jinjiang-staff", "/deeds/register.xlsx", 2),
                new Call("export samaritans, county", "jinjiang-staff", "/samaritans/export", 2),
                new Call("export samaritans, city", "city-staff", "/samaritans/export", 1));
    }

    private void measure(Call call) throws Exception {
        List<HttpClient> clients = signedIn(call.user(), call.users());
        get(clients.get(0), call.path());
        List<SqlRecording.Recorded> statements = SqlRecording.record(() -> get(clients.get(0), call.path()));
        Run app = load(call.users(), user -> () -> get(clients.get(user), call.path()));
        Run raw = load(call.users(), user -> () -> SqlRecording.runRaw(statements));
        System.out.printf(Locale.ROOT, "%-34s %5d %4d | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f | %6.2f%s%n", call.name(),
                call.users(), statements.size(), app.p(50), app.p(95), app.perSecond(), raw.p(50), raw.p(95),
                raw.perSecond(), app.perSecond() / raw.perSecond(), app.failures() == 0 ? ""
                        : "  " + app.failures() + " failed: " + app.failure());
        if (raw.p(50) > SLOW_MILLIS) {
            slowest(statements);
        }
    }

    /** The statement of a slow call that takes longest alone, and with {@code -Dbenchmark.explain=true} its plan. */
    private static void slowest(List<SqlRecording.Recorded> statements) throws Exception {
        SqlRecording.Recorded slowest = null;
        long longest = -1;
        for (SqlRecording.Recorded statement : statements) {
            long start = System.nanoTime();
            SqlRecording.runRaw(List.of(statement));
            long took = System.nanoTime() - start;
            if (Boolean.getBoolean("benchmark.statements")) {
                System.out.printf(Locale.ROOT, "      %8.1f ms  %s%n", took / 1e6, shortened(statement, 160));
            }
            if (took > longest) {
                longest = took;
                slowest = statement;
            }
        }
        System.out.printf(Locale.ROOT, "    slowest statement, %.0f ms: %s%n", longest / 1e6, shortened(slowest, 400));
        if (Boolean.getBoolean("benchmark.explain")) {
            for (String line : SqlRecording.explain(slowest)) {
                System.out.println("      " + line);
            }
        }
    }

    /** Each user repeats its step until the time is up (at least once); every step is timed. */
    private static Run load(int users, java.util.function.IntFunction<Callable<Object>> steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        AtomicInteger failures = new AtomicInteger();
        String[] failure = {null};
        long started = System.nanoTime();
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int user = 0; user < users; user++) {
                Callable<Object> step = steps.apply(user);
                // paced: this user's requests fall due every users/RATE seconds, the users' spread over the interval
                long every = RATE > 0 ? (long) (users / RATE * 1e9) : 0;
                long first = started + every * user / users;
                results.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>();
                    for (long due = first; ; due += every) {
                        long start = System.nanoTime();
                        if (every > 0) {
                            if (due >= end) {
                                break;
                            }
                            if (due > start) {
                                Thread.sleep((due - start) / 1_000_000, (int) ((due - start) % 1_000_000));
                            }
                            start = due;
                        }
                        try {
                            step.call();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            failure[0] = e.getMessage();
                        }
                        times.add(System.nanoTime() - start);
                        if (every == 0 && System.nanoTime() >= end) {
                            break;
                        }
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Run(all.stream().mapToLong(Long::longValue).toArray(), all.size() / seconds, failures.get(),
                    failure[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    private Object get(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    /** Clients signed in as the user, one session each, made once a user. */
    private List<HttpClient> signedIn(String username, int count) throws Exception {
        List<HttpClient> clients = sessions.computeIfAbsent(username, name -> new ArrayList<>());
        while (clients.size() < count) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String page = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf="
                    + encode(csrf.group(1));
            HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = signIn.headers().firstValue("Location").orElse("");
            if (signIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException(username + " could not sign in: " + signIn.statusCode() + " "
                        + location);
            }
            clients.add(client);
        }
        return clients;
    }

    private static String shortened(SqlRecording.Recorded statement, int length) {
        String sql = statement.sql().replaceAll("\\s+", " ").strip();
        return sql.length() > length ? sql.substring(0, length) + "…" : sql;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long one(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

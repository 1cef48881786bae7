package org.yiyong.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Yiyong nodes, each its own process, on one PostgreSQL database (made and dropped here), as behind a
 * load balancer: a session made on one works on the other, a nightly job runs on one node only, an event
 * is handled once, the public throttle counts across both, an attachment uploaded through one downloads
 * through the other (S3-compatible storage when {@code YIYONG_TEST_S3_ENDPOINT} names one; CI sets
 * {@code YIYONG_REQUIRE_S3=true}), and a node killed with SIGKILL during a payment batch loses no
 * payment and pays none twice when the batch is run again on the other.
 *
 * <p>Runs on PostgreSQL only (CI's second pass); the nodes' logs are kept in {@code target/nodes}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeTests {

    private static final String PASSWORD = "Yiyong@2024";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final int LOOKUPS = 6;
    /** hardship grants made by hand in the batch a node is killed in */
    private static final int MANUAL_ORDERS = 60;

    private final String url = System.getenv().getOrDefault("YIYONG_DB_URL", "");
    private final String user = System.getenv().getOrDefault("YIYONG_DB_USER", "");
    private final String password = System.getenv().getOrDefault("YIYONG_DB_PASSWORD", "");
    private final String s3 = System.getenv().getOrDefault("YIYONG_TEST_S3_ENDPOINT", "");
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Path logs = Path.of("target", "nodes", run);

    private String database;
    private String nodesUrl;
    private Node a;
    private Node b;

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "several nodes share a PostgreSQL database");
        if ("true".equalsIgnoreCase(System.getenv("YIYONG_REQUIRE_S3"))) {
            assertThat(s3).as("YIYONG_REQUIRE_S3 is set but YIYONG_TEST_S3_ENDPOINT is not").isNotBlank();
        }
        database = "yiyong_nodes_" + run;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " encoding 'UTF8' template template0");
        }
        nodesUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Files.createDirectories(logs);
        // A migrates the schema and loads the demo data; B starts on what A made
        a = new Node("a").start();
        a.awaitReady();
        b = new Node("b").start();
        b.awaitReady();
    }

    /** A node that a test killed is started again, so that every test finds two. */
    @BeforeEach
    void bothNodesUp() throws Exception {
        if (!a.process.isAlive()) {
            a = new Node("a" + (++restarts)).start();
            a.awaitReady();
        }
    }

    private int restarts;

    @AfterAll
    void stopNodesAndDropTheDatabase() throws SQLException {
        Stream.of(a, b).filter(node -> node != null).forEach(Node::stop);
        if (database != null) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void a_session_made_on_one_node_works_on_the_other() throws Exception {
        Client staff = new Client().signIn(a, "city-staff");

        HttpResponse<String> onB = staff.get(b, "/");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("王丽华");
        // the session's CSRF token, kept with the session, is accepted by the other node too
        HttpResponse<String> posted = staff.postJson(b, "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "泉州两节点测试有限公司", "fundId": %d, "amount": 100,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(fund("FUND-350500"), today()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        staff.post(a, "/logout", "");
        assertThat(staff.get(b, "/deeds").statusCode()).as("signed out on A is signed out on B").isEqualTo(302);
    }

    @Test
    void the_nightly_job_runs_on_one_node_only() throws Exception {
        // both nodes try the entitlement watch every two seconds (and once at start): one run holds the lock
        await(Duration.ofSeconds(30), "both nodes tried the job and found it locked",
                () -> a.count("Not executing 'entitlement-watch'") >= 2 && b.count("Not executing 'entitlement-watch'") >= 2);
        long runs = Stream.of(a, b).mapToLong(node -> node.count("Entitlement watch: ending")).sum();
        assertThat(runs).as("runs of the nightly job on both nodes, since the first node started").isEqualTo(1);
        assertThat(one("select count(*) from shedlock where name = 'entitlement-watch'")).isEqualTo(1);
    }

    @Test
    void the_public_throttle_counts_requests_to_both_nodes() throws Exception {
        HttpClient visitor = HttpClient.newHttpClient();
        String address = "/public/leads/status?code=XS-" + run.substring(0, 4).toUpperCase() + "-0000";
        for (int i = 0; i < LOOKUPS; i++) {
            Node node = i % 2 == 0 ? a : b;
            assertThat(send(visitor, node, address).statusCode()).as("look-up %d on %s", i + 1, node.name)
                    .isEqualTo(200);
        }
        HttpResponse<String> beyondOnA = send(visitor, a, address);
        HttpResponse<String> beyondOnB = send(visitor, b, address);
        assertThat(beyondOnA.statusCode()).isEqualTo(429);
        assertThat(beyondOnB.statusCode()).isEqualTo(429);
        assertThat(beyondOnB.headers().firstValue("Retry-After")).isPresent();
        assertThat(beyondOnB.body()).contains("查询过于频繁");
    }

    @Test
    void an_attachment_uploaded_through_one_node_downloads_through_the_other() throws Exception {
        Client staff = new Client().signIn(a, "city-staff");
        long deed = one("select min(id) from deed where region_code = '350582'");
        String name = "现场记录-" + run + ".pdf";
        byte[] content = ("%PDF-1.4\n" + ("% 见义勇为现场记录 " + run + "\n").repeat(500) + "%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> uploaded = staff.upload(a, "Deed", deed, name, content);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        long attachment = one("select id from attachment where file_name = '" + name + "'");

        HttpResponse<byte[]> downloaded = staff.download(b, "/files/" + attachment);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(content);
        if (!s3.isBlank()) {
            assertThat(keptFiles(b)).as("B holds no copy: the content is in the bucket").isEmpty();
            assertThat(keptFiles(a)).as("nor does A, once the upload was kept").isEmpty();
        }
    }

    @Test
    void an_event_published_on_one_node_is_handled_once() throws Exception {
        Client staff = new Client().signIn(a, "city-staff");
        Client police = new Client().signIn(b, "city-police");
        long campaign = approvedCampaign(staff, police, "DRAGON_BOAT");

        // sent on A: one PaymentRequested per line, each handled by the funds into one payment order
        HttpResponse<String> sent = staff.postJson(a, "/api/v1/campaigns/" + campaign + "/payment-batch", "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        long lines = one("select count(*) from campaign_line where campaign_id = " + campaign + " and status = 'SENT'");
        assertThat(lines).isPositive();
        await(Duration.ofSeconds(60), "every line has its payment order", () -> orders(campaign) == lines);
        await(Duration.ofSeconds(30), "every publication completed", () -> incompletePublications() == 0);
        // sent again on B: nothing new, nothing twice
        assertThat(staff.postJson(b, "/api/v1/campaigns/" + campaign + "/payment-batch", "{}").statusCode())
                .isEqualTo(200);
        Thread.sleep(2000);
        assertThat(orders(campaign)).isEqualTo(lines);
        assertThat(one("""
                select count(*) from (select source_ref from payment_order where source_ref like 'campaign-%d-%%'
                group by source_ref having count(*) > 1) twice""".formatted(campaign))).isZero();
    }

    @Test
    void a_node_killed_during_a_payment_batch_loses_no_payment_and_pays_none_twice() throws Exception {
        Client staff = new Client().signIn(a, "city-staff");
        Client police = new Client().signIn(b, "city-police");
        Client reviewer = new Client().signIn(b, "finance-reviewer");
        Client cashier = new Client().signIn(a, "cashier");
        long fund = fund("FUND-350500");
        // a batch of hardship grants made by hand and the condolences of a campaign, which the care module
        // is told of when they are paid; the campaign's orders spread through the batch
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < MANUAL_ORDERS; i++) {
            HttpResponse<String> requested = staff.postJson(a, "/api/v1/payment-orders", """
                    {"fundId": %d, "purpose": "HARDSHIP", "payeeName": "林阿强", "amount": %d.50,
                     "description": "困难救助 %s-%d", "justification": "走访发现家庭困难，经会长办公会同意",
                     "payeeBankName": "泉州银行", "payeeAccountNumber": "6214830591234567"}"""
                    .formatted(fund, 200 + i, run, i));
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            grants.add(Long.parseLong(field(requested.body(), "id")));
        }
        long campaign = approvedCampaign(staff, police, "MID_AUTUMN");
        assertThat(staff.postJson(a, "/api/v1/campaigns/" + campaign + "/payment-batch", "{}").statusCode())
                .isEqualTo(200);
        long lines = one("select count(*) from campaign_line where campaign_id = " + campaign + " and status = 'SENT'");
        await(Duration.ofSeconds(60), "every line has its payment order", () -> orders(campaign) == lines);
        List<Long> condolences = ids("select id from payment_order where source_ref like 'campaign-" + campaign
                + "-%' order by id");
        for (long order : condolences) {
            staff.postJson(b, "/api/v1/payment-orders/" + order + "/payment-method", """
                    {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "泉州银行", "payeeAccountNumber": "6214830500001234"}""");
        }
        List<Long> orders = new ArrayList<>(grants);
        for (int i = 0; i < condolences.size(); i++) {
            orders.add(Math.min(orders.size(), (int) ((i + 1L) * grants.size() / (condolences.size() + 1)) + i),
                    condolences.get(i));
        }
        for (long order : orders) {
            HttpResponse<String> approved = reviewer.postJson(b, "/api/v1/payment-orders/" + order + "/approval", "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        }
        HttpResponse<String> batch = cashier.postJson(a, "/api/v1/payment-orders/batches",
                "{\"orderIds\": " + orders + "}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        String inBatch = orders.toString().replace('[', '(').replace(']', ')');
        BigDecimal total = decimal("select sum(amount) from payment_order where id in " + inBatch);
        BigDecimal before = balance(fund);

        try {
            // the cashier records the bank's answers on A, one order after another; A is killed part-way
            AtomicInteger answered = new AtomicInteger();
            CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> {
                for (long order : orders) {
                    try {
                        cashier.postJson(a, "/api/v1/payment-orders/" + order + "/payment",
                                "{\"bankReference\": \"ND-" + order + "\"}");
                        answered.incrementAndGet();
                    } catch (IOException | InterruptedException nodeGone) {
                        return;
                    }
                }
            });
            await(Duration.ofSeconds(120), "a third of the orders paid on A", () -> answered.get() >= orders.size() / 3);
            a.kill();
            onA.handle((done, failed) -> null).get();
            long paidBeforeTheKill = one("select count(*) from payment_order where status = 'PAID' and id in "
                    + inBatch);
            System.out.printf("TwoNodeTests: %d of %d orders paid on A before it was killed%n", paidBeforeTheKill,
                    orders.size());
            assertThat(paidBeforeTheKill).as("A was killed part-way through the batch")
                    .isBetween((long) orders.size() / 3, (long) orders.size() - 1);

            // the whole batch again, on B, with the same bank references
            for (long order : orders) {
                HttpResponse<String> paid = cashier.postJson(b, "/api/v1/payment-orders/" + order + "/payment",
                        "{\"bankReference\": \"ND-" + order + "\"}");
                assertThat(paid.statusCode()).as("order %d on B: %s", order, paid.body()).isEqualTo(200);
            }
            assertThat(one("select count(*) from payment_order where status = 'PAID' and id in " + inBatch))
                    .isEqualTo(orders.size());
            assertThat(one("select count(*) from journal_entry where source_kind = 'PAYMENT' and source_id in "
                    + inBatch)).as("one payment entry per order").isEqualTo(orders.size());
            assertThat(before.subtract(balance(fund))).as("the fund paid each order once").isEqualByComparingTo(total);
            // what A had not told the care module before it died, B tells it (stale publications resubmitted)
            await(Duration.ofSeconds(90), "every line of the campaign paid", () -> one(
                    "select count(*) from campaign_line where status = 'PAID' and campaign_id = " + campaign) == lines);
            await(Duration.ofSeconds(60), "no publication left incomplete", () -> incompletePublications() == 0);
        } finally {
            bothNodesUp();
        }
    }

    /** A campaign of the city built, submitted and approved; every line that needs a conduct check has one. */
    private long approvedCampaign(Client staff, Client police, String festival) throws Exception {
        HttpResponse<String> created = staff.postJson(a, "/api/v1/campaigns", """
                {"festival": "%s", "regionCode": "350500", "festivalDate": "%s"}""".formatted(festival,
                today().plusDays(20)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long campaign = Long.parseLong(field(created.body(), "id"));
        for (long line : ids("select id from campaign_line where campaign_id = " + campaign
                + " and status = 'INCLUDED' and conduct_check_required and conduct_good is null")) {
            staff.postJson(b, "/api/v1/campaigns/" + campaign + "/lines/" + line + "/conduct-check",
                    "{\"note\": \"村委会证明近期表现良好\", \"good\": true}");
        }
        assertThat(staff.postJson(b, "/api/v1/campaigns/" + campaign + "/submission", "{}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = police.postJson(a, "/api/v1/campaigns/" + campaign + "/approval",
                "{\"documentNumber\": \"泉见协〔2026〕" + (campaign % 1000) + "号\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return campaign;
    }

    private long orders(long campaign) throws SQLException {
        return one("select count(*) from payment_order where source_ref like 'campaign-" + campaign + "-%'");
    }

    private long incompletePublications() throws SQLException {
        return one("select count(*) from event_publication where completion_date is null");
    }

    private BigDecimal balance(long fund) throws SQLException {
        return decimal("""
                select coalesce(sum(p.debit - p.credit), 0) from posting p
                where p.fund_id = %d and p.account = 'BANK'""".formatted(fund));
    }

    private long fund(String code) throws SQLException {
        return one("select id from fund where code = '" + code + "'");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private List<Path> keptFiles(Node node) throws IOException {
        Path files = node.dataDir.resolve("files");
        if (!Files.isDirectory(files)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(files)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    // ---------------------------------------------------------------- the database

    private long one(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(nodesUrl, user, password);
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(nodesUrl, user, password);
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(nodesUrl, user, password);
                PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration limit, String what, Condition condition) throws Exception {
        Instant until = Instant.now().plus(limit);
        while (!condition.holds()) {
            assertTrue(Instant.now().isBefore(until), "waited " + limit.toSeconds() + " s for: " + what);
            Thread.sleep(250);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^,\"}]+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> send(HttpClient client, Node node, String path)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- nodes and clients

    /** One application node: its own process, port and data directory, on the shared database. */
    private final class Node {

        private final String name;
        private final int port;
        private final Path dataDir;
        private final Path log;
        private Process process;

        Node(String name) throws IOException {
            this.name = name;
            this.port = freePort();
            this.dataDir = Files.createDirectories(logs.resolve("data-" + name)).toAbsolutePath();
            this.log = logs.resolve("node-" + name + ".log").toAbsolutePath();
        }

        Node start() throws IOException {
            String classpath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                    + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=Asia/Shanghai",
                    "-cp", classpath, "org.yiyong.Yiyong",
                    "--server.port=" + port,
                    "--yiyong.data-dir=" + dataDir,
                    "--yiyong.demo-data=true",
                    "--yiyong.crypto.sm4-key=MDEyMzQ1Njc4OWFiY2RlZg==",
                    "--yiyong.crypto.index-key=ZmVkY2JhOTg3NjU0MzIxMA==",
                    // the nightly job tried every two seconds on both nodes
                    "--yiyong.samaritans.entitlement-check=*/2 * * * * *",
                    "--logging.level.net.javacrumbs.shedlock=DEBUG",
                    "--yiyong.public.throttle.lead-lookups=" + LOOKUPS,
                    // a publication a stopped node left behind is taken up within seconds, not minutes
                    "--spring.modulith.events.staleness.published=PT10S",
                    "--spring.modulith.events.staleness.processing=PT10S",
                    "--spring.modulith.events.staleness.resubmitted=PT10S",
                    "--spring.modulith.events.staleness.check-interval=PT2S",
                    "--yiyong.events.resubmit-every=PT2S"));
            if (!s3.isBlank()) {
                command.addAll(List.of("--yiyong.files.store=s3", "--yiyong.files.s3.endpoint=" + s3,
                        "--yiyong.files.s3.bucket=yiyong-nodes-" + run,
                        "--yiyong.files.s3.access-key="
                                + System.getenv().getOrDefault("YIYONG_TEST_S3_ACCESS_KEY", "S3RVER"),
                        "--yiyong.files.s3.secret-key="
                                + System.getenv().getOrDefault("YIYONG_TEST_S3_SECRET_KEY", "S3RVER")));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("YIYONG_DB_URL", nodesUrl);
            builder.environment().put("YIYONG_DB_USER", user);
            builder.environment().put("YIYONG_DB_PASSWORD", password);
            builder.environment().remove("SPRING_PROFILES_ACTIVE");
            process = builder.start();
            return this;
        }

        void awaitReady() throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await(Duration.ofSeconds(240), "node " + name + " answering (log: " + log + ")", () -> {
                assertTrue(process.isAlive(), "node " + name + " stopped; see " + log);
                try {
                    HttpResponse<String> health = send(client, this, "/actuator/health");
                    return health.statusCode() == 200 && health.body().contains("UP");
                } catch (IOException notYet) {
                    return false;
                }
            });
        }

        /** SIGKILL: no shutdown hook, no request finished, no transaction committed that was not. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException interrupted) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Lines of this node's log (and of the node it replaced, kept in the same directory) with the text. */
        long count(String text) {
            try (Stream<Path> files = Files.list(logs)) {
                return files.filter(f -> f.getFileName().toString().startsWith("node-" + name.charAt(0)))
                        .flatMap(f -> {
                            try {
                                return Files.readAllLines(f).stream();
                            } catch (IOException unreadable) {
                                return Stream.empty();
                            }
                        })
                        .filter(line -> line.contains(text)).count();
            } catch (IOException unreadable) {
                throw new java.io.UncheckedIOException(unreadable);
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /**
     * A browser of one member of staff: its cookies go to every node (cookies do not tell ports apart), so a
     * request to B carries the session made on A.
     */
    private static final class Client {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private String csrf;

        Client signIn(Node node, String username) throws Exception {
            String token = token(get(node, "/login").body());
            String form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(token);
            HttpResponse<String> signIn = post(node, "/login", form);
            String location = signIn.headers().firstValue("Location").orElse("");
            assertThat(signIn.statusCode()).as("%s signs in on %s: %s", username, node.name, location).isEqualTo(302);
            assertThat(location).doesNotContain("error");
            // the token changes at sign-in; a signed-in page carries the session's new one
            csrf = token(get(node, "/").body());
            return this;
        }

        HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> download(Node node, String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(Node node, String path, String form) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded");
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(Node node, String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(Node node, String ownerType, long ownerId, String fileName, byte[] content)
                throws IOException, InterruptedException {
            String boundary = "----yiyong" + UUID.randomUUID();
            var body = new java.io.ByteArrayOutputStream();
            for (String[] field : new String[][] {{"ownerType", ownerType}, {"ownerId", String.valueOf(ownerId)},
                    {"_csrf", csrf}}) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                        + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(node.uri("/files")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String token(String page) {
            Matcher matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
            return matcher.group(1);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}

package org.yiyong.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.yiyong.audit.internal.ChainHash;
import org.yiyong.shared.FieldCipher;

/**
 * A national-scale dataset written through Yiyong's own schema with {@code COPY}: regions of four provinces,
 * deeds received since 2015 in every status with their actors, beneficiaries and history, the people confirmed
 * for them with encrypted resident ids and bank accounts, their families and entitlements, honours and their
 * rewards, condolence campaigns with their lines, payment orders with their journal entries and postings,
 * donations, visits, and the audit trail continued on its hash chain.
 *
 * <p>Every record is a function of its deed's number {@code g} and the seed, so each table is written by its
 * own pass over {@code g} (the passes run side by side on their own connections) and a run is the same every
 * time. Generated ids start at {@value #BASE} and numbers with {@code GN-}, away from the demo data; the id
 * sequences are moved past them at the end, so the application goes on adding records. With
 * {@link Options#checkKeys()} off (the default for large runs) the load runs with
 * {@code session_replication_role = replica}, so foreign keys are not checked row by row; the tests run it with
 * the keys checked.
 */
final class NationalDataset {

    static final long BASE = 1_000_000_000L;
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

    private static final OffsetDateTime NOON = OffsetDateTime.of(2015, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final String CLERK = "gn-clerk";
    private static final String HEAD = "gn-head";
    private static final String CASHIER = "gn-cashier";
    private static final String[] SURNAMES = {"陈", "林", "黄", "王", "李", "张", "吴", "蔡", "许", "郑", "洪", "庄", "刘",
        "杨", "周", "徐", "孙", "胡", "朱", "高", "何", "郭", "马", "罗", "梁", "宋", "谢", "韩", "唐", "冯"};
    private static final String GIVEN = "志伟明华建国秀丽文金强平辉玲杰芳斌燕龙红海清德荣嘉鹏俊婷雪梅振宇晓春";
    private static final String[] CATEGORIES = {"OFFENCE_AGAINST_PERSONS", "OFFENCE_AGAINST_PERSONS",
        "CATCHING_SUSPECTS", "CATCHING_SUSPECTS", "RESCUE", "RESCUE", "RESCUE", "OTHER", "OTHER",
        "STATE_SECURITY_OFFENCE"};
    private static final String[] SOURCES = {"NOMINATION", "SELF_APPLICATION", "RELATIVE_APPLICATION",
        "POLICE_REFERRAL", "PUBLIC_LEAD"};
    private static final String[] TITLES_OF_DEEDS = {"勇救落水儿童", "徒手制服持刀歹徒", "火场救出被困老人", "追截抢夺财物嫌疑人",
        "车祸现场抢救伤者", "制止入室盗窃", "救助坠崖游客", "协助民警抓捕逃犯"};
    private static final String[] BANKS = {"中国工商银行", "中国农业银行", "中国建设银行", "中国银行", "农村信用合作联社"};

    /** Provinces and their cities (GB/T 2260); every city but Quanzhou gets eight generated counties. */
    private static final String[][] PROVINCES = {
        {"350000", "福建省", "350100 福州市", "350200 厦门市", "350300 莆田市", "350400 三明市", "350600 漳州市",
            "350700 南平市", "350800 龙岩市", "350900 宁德市"},
        {"330000", "浙江省", "330100 杭州市", "330200 宁波市", "330300 温州市", "330400 嘉兴市", "330500 湖州市",
            "330600 绍兴市", "330700 金华市", "330800 衢州市", "330900 舟山市", "331000 台州市", "331100 丽水市"},
        {"440000", "广东省", "440100 广州市", "440300 深圳市", "440400 珠海市", "440500 汕头市", "440600 佛山市",
            "441900 东莞市", "442000 中山市", "445100 潮州市", "445200 揭阳市"},
        {"360000", "江西省", "360100 南昌市", "360200 景德镇市", "360300 萍乡市", "360400 九江市", "360700 赣州市"}};
    /** Quanzhou's counties and their share of the city's deeds (Kinmen has none). */
    private static final String[][] QUANZHOU = {{"350582", "7"}, {"350583", "5"}, {"350521", "4"}, {"350524", "4"},
        {"350503", "3"}, {"350502", "3"}, {"350581", "3"}, {"350505", "2"}, {"350504", "2"}, {"350525", "2"},
        {"350526", "2"}, {"350590", "2"}, {"350591", "1"}};
    private static final String NUMERALS = "一二三四五六七八";

    /**
     * @param deeds how many deeds
     * @param cityShare the share of them received in Quanzhou (the rest spread over the other counties)
     * @param today the day the dataset ends: nothing in it happens later
     * @param threads passes run at once
     * @param checkKeys whether foreign keys are checked row by row while loading
     */
    record Options(int deeds, double cityShare, LocalDate today, int threads, boolean checkKeys, long seed) {

        static Options of(int deeds) {
            return new Options(deeds, 0.3, LocalDate.of(2026, 11, 20), 2, false, 20261120L);
        }

        Options checkingKeys() {
            return new Options(deeds, cityShare, today, 1, true, seed);
        }
    }

    /** Rows written per table, and the time taken to write them (and to vacuum and analyse the tables after). */
    record Result(Map<String, Long> rows, Duration load, Duration analyse) {

        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        double rowsPerSecond() {
            return total() * 1000.0 / Math.max(1, load.toMillis());
        }
    }

    record County(String code, String name, String city, String province, int index) {
    }

    private final DataSource database;
    private final FieldCipher cipher;
    private final Options options;
    private final long span;
    private final List<County> counties = new ArrayList<>();
    private final List<County> quanzhouWeighted = new ArrayList<>();
    private final List<County> elsewhere = new ArrayList<>();
    private final Map<String, Long> fundOf = new HashMap<>();
    private final Map<String, Long> titleIds = new HashMap<>();
    private final Map<String, String> titleLevels = new HashMap<>();
    private final Set<String> instantTitles = new HashSet<>();
    private final Map<Long, TreeMap<LocalDate, BigDecimal>> standards = new HashMap<>();
    private final Map<String, BigDecimal> condolenceAmounts = new HashMap<>();
    private final Set<String> residentIdsOnFile = new HashSet<>();

    NationalDataset(DataSource database, FieldCipher cipher, Options options) {
        this.database = database;
        this.cipher = cipher;
        this.options = options;
        this.span = ChronoUnit.DAYS.between(FIRST_DAY, options.today());
    }

    /** The tables every generated dataset writes into (and the order they are written in, keys checked). */
    static final List<String> TABLES = List.of("region", "fund", "deed", "deed_participant", "deed_event", "samaritan",
            "samaritan_deed", "samaritan_event", "relative", "entitlement", "honour", "reward_payment_request",
            "campaign", "campaign_line", "donation", "payment_order", "journal_entry", "posting", "visit",
            "audit_entry");

    /**
     * Whether a dataset was generated into the database already: {@code true} when every table holds generated
     * rows, {@code false} when none does; a load that stopped half-way (one transaction a table) is refused.
     */
    static boolean present(DataSource database) throws SQLException {
        int holding = 0;
        List<String> tables = TABLES.subList(1, TABLES.size());
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = query.executeQuery(
                        "select exists (select 1 from " + table + " where id >= " + BASE + ")")) {
                    rs.next();
                    holding += rs.getBoolean(1) ? 1 : 0;
                }
            }
        }
        if (holding > 0 && holding < tables.size()) {
            throw new IllegalStateException("The database holds part of a generated dataset (" + holding + " of "
                    + tables.size() + " tables): a load stopped half-way. Start again from an empty database.");
        }
        return holding > 0;
    }

    Result generate() throws Exception {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = database.getConnection()) {
            rows.put("region", writeRegions(connection));
            rows.put("fund", writeFunds(connection));
            readCatalogues(connection);
        }
        List<Pass> passes = List.of(
                Pass.perDeed("deed", this::deeds, "id, number, region_code, category, source, status, occurred_at, "
                        + "address, title, narrative, received_on, accepted_on, not_accepted_reason, created_by, "
                        + "created_at, updated_at, investigators, report_summary, reported_on, proposed_on, "
                        + "notice_start, notice_end, hearing_notified_on, hearing_grounds, hearing_legal_basis, "
                        + "hearing_response_due, hearing_answered_on, hearing_statement, decision_number, decided_on, "
                        + "decided_by, delivered_on, delivery_method, delivered_to, closed_on, decision_due_on, "
                        + "investigator_username"),
                Pass.perDeed("deed_participant", this::participants, "id, deed_id, role, name, resident_id, "
                        + "resident_id_index, resident_id_masked, harm, recommendation, proposed_outcome, outcome, "
                        + "outcome_reason"),
                Pass.perDeed("deed_event", this::deedEvents, "id, deed_id, occurred_at, actor, kind, detail"),
                Pass.perDeed("samaritan", this::samaritans, "id, number, region_code, name, gender, birth_date, "
                        + "resident_id, resident_id_index, resident_id_masked, bank_name, bank_account, "
                        + "bank_account_index, bank_account_masked, phone, address, status, death_kind, died_on, source, "
                        + "created_by, created_at, updated_at"),
                Pass.perDeed("samaritan_deed", this::samaritanDeeds, "id, samaritan_id, deed_id, participant_id, "
                        + "deed_number, region_code, category, occurred_on, harm, confirmed_on, decision_number"),
                Pass.perDeed("samaritan_event", this::samaritanEvents, "id, samaritan_id, occurred_at, actor, kind, detail"),
                Pass.perDeed("relative", this::relatives, "id, samaritan_id, relation, name, resident_id, "
                        + "resident_id_index, resident_id_masked, birth_date, stage"),
                Pass.perDeed("entitlement", this::entitlements, "id, relative_id, kind, started_on, end_condition"),
                Pass.perDeed("honour", this::honours, "id, title_id, samaritan_id, deed_id, deed_number, region_code, "
                        + "mode, status, reason, proposed_by, proposed_on, approved_by, approved_on, decided_on, "
                        + "document_number, certificate_number, reward_amount, revoked_on, revocation_reason, recipient"),
                Pass.perDeed("reward_payment_request", this::rewardRequests, "id, honour_id, kind, amount, status, "
                        + "requested_on, settled_on, samaritan_id"),
                Pass.once("campaign", this::campaignRows, "id, name, festival, campaign_year, region_code, reference_date, "
                        + "status, document_number, created_by, created_at, submitted_by, submitted_at, approved_by, "
                        + "approved_at, sent_by, sent_at"),
                Pass.perDeed("campaign_line", this::campaignLines, "id, campaign_id, samaritan_id, name, region_code, "
                        + "category, amount, status, reason_code, payee_name, payee_relative_id, payee_relation, "
                        + "sent_by, sent_at, paid_on, order_number"),
                Pass.once("donation", this::donationRows, "id, receipt_number, donor_name, donor_kind, fund_id, "
                        + "region_code, amount, received_on, channel, recorded_by, recorded_at, reversed"),
                Pass.perDeed("payment_order", this::paymentOrders, "id, number, fund_id, region_code, purpose, payee_name, "
                        + "payee_samaritan_id, amount, description, source, source_ref, status, requested_by, "
                        + "requested_on, approved_by, approved_at, paid_on, bank_reference, paid_by, payment_method, "
                        + "payee_bank_name, payee_account, payee_account_masked, source_kind, source_record_id, "
                        + "source_line_id, decision_document"),
                Pass.perDeed("journal_entry", this::journalEntries, "id, number, region_code, entry_date, description, "
                        + "source_kind, source_id, recorded_by, recorded_at"),
                Pass.perDeed("posting", this::postings, "id, entry_id, fund_id, account, debit, credit"),
                Pass.perDeed("visit", this::visits, "id, samaritan_id, region_code, visited_on, visitors, met, "
                        + "living_conditions, hardship, problems, recorded_by, recorded_at"),
                Pass.perDeed("audit_entry", this::auditEntries, "id, occurred_at, actor, ip, action, entity_type, "
                        + "entity_id, changes, detail, prev_hash, hash"));
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (Pass pass : passes) {
                done.add(pool.submit(() -> run(pass)));
            }
            for (int i = 0; i < passes.size(); i++) {
                rows.put(passes.get(i).table(), done.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : rows.keySet()) {
                if (!table.equals("region")) {
                    statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "(select max(id) from " + table + "))");
                }
            }
            // the due dates the visit schedule keeps are Yiyong's to work out: it does so on its next start
            statement.execute("truncate visit_due");
            // the confirmations awaiting an honour decision, as the honours module keeps them
            statement.execute("truncate award_awaited");
            statement.execute(org.yiyong.honours.internal.AwardsAwaited.EVERY);
            // the journal's totals per fund, account and day, as posting each entry would have added them
            statement.execute("truncate fund_day_total");
            statement.execute("""
                    insert into fund_day_total (fund_id, account, entry_date, debit, credit)
                    select p.fund_id, p.account, e.entry_date, sum(p.debit), sum(p.credit)
                    from posting p join journal_entry e on e.id = p.entry_id
                    group by p.fund_id, p.account, e.entry_date""");
        }
        Duration load = Duration.ofNanos(System.nanoTime() - started);
        long analysing = System.nanoTime();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : rows.keySet()) {
                // vacuumed as well, so that index-only scans read no rows, as on a database autovacuum looks after
                statement.execute("vacuum analyze " + table);
            }
            statement.execute("vacuum analyze award_awaited");
        }
        return new Result(rows, load, Duration.ofNanos(System.nanoTime() - analysing));
    }

    // ------------------------------------------------------------------ regions, funds, catalogues

    private long writeRegions(Connection connection) throws SQLException {
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into region (code, name, level, parent_code, official, sort_order) values (?, ?, ?, ?, true, ?)
                on conflict (code) do nothing""")) {
            for (String[] province : PROVINCES) {
                written += region(insert, province[0], province[1], "PROVINCE", null, 0);
                for (int c = 2; c < province.length; c++) {
                    String cityCode = province[c].substring(0, 6);
                    String cityName = province[c].substring(7);
                    written += region(insert, cityCode, cityName, "CITY", province[0], c);
                    for (int k = 1; k <= 8; k++) {
                        String code = cityCode.substring(0, 4) + "8" + k;
                        String name = cityName.substring(0, cityName.length() - 1) + "第" + NUMERALS.charAt(k - 1) + "区";
                        written += region(insert, code, name, "COUNTY", cityCode, k);
                        County county = new County(code, name, cityCode, province[0], counties.size());
                        counties.add(county);
                        elsewhere.add(county);
                    }
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select code, name from region where parent_code = '350500'")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String[] share : QUANZHOU) {
            County county = new County(share[0], names.get(share[0]), "350500", "350000", counties.size());
            counties.add(county);
            for (int i = 0; i < Integer.parseInt(share[1]); i++) {
                quanzhouWeighted.add(county);
            }
        }
        return written;
    }

    private static long region(PreparedStatement insert, String code, String name, String level, String parent,
            int order) throws SQLException {
        insert.setString(1, code);
        insert.setString(2, name);
        insert.setString(3, level);
        insert.setString(4, parent);
        insert.setInt(5, order);
        return insert.executeUpdate();
    }

    /** A fund for each region that has none: the counties, cities and provinces honours and payments use. */
    private long writeFunds(Connection connection) throws SQLException {
        Set<String> regions = new HashSet<>();
        for (County county : counties) {
            regions.add(county.code());
            regions.add(county.city());
            regions.add(county.province());
        }
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select region_code, min(id) from fund group by region_code")) {
            while (rs.next()) {
                fundOf.put(rs.getString(1), rs.getLong(2));
            }
        }
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into fund (id, code, name, region_code, restriction, opened_on, created_by, created_at)
                select ?, ?, name || '见义勇为基金', code, 'NONE', ?, ?, ? from region where code = ?""")) {
            long id = BASE;
            for (String region : new java.util.TreeSet<>(regions)) {
                id++;
                if (fundOf.containsKey(region)) {
                    continue;
                }
                insert.setLong(1, id);
                insert.setString(2, "GN-" + region);
                insert.setObject(3, FIRST_DAY);
                insert.setString(4, CLERK);
                insert.setObject(5, NOON);
                insert.setString(6, region);
                written += insert.executeUpdate();
                fundOf.put(region, id);
            }
        }
        return written;
    }

    private void readCatalogues(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement()) {
            try (ResultSet rs = query.executeQuery("select id, code, level, instant from title")) {
                while (rs.next()) {
                    titleIds.put(rs.getString("code"), rs.getLong("id"));
                    titleLevels.put(rs.getString("code"), rs.getString("level"));
                    if (rs.getBoolean("instant")) {
                        instantTitles.add(rs.getString("code"));
                    }
                }
            }
            try (ResultSet rs = query.executeQuery(
                    "select title_id, effective_from, amount from reward_standard where amount is not null")) {
                while (rs.next()) {
                    standards.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
                }
            }
            try (ResultSet rs = query.executeQuery("""
                    select category, amount from condolence_standard c
                    where effective_from = (select max(effective_from) from condolence_standard
                                            where category = c.category)""")) {
                while (rs.next()) {
                    condolenceAmounts.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
            try (ResultSet rs = query.executeQuery(
                    "select resident_id_index from samaritan where resident_id_index is not null")) {
                while (rs.next()) {
                    residentIdsOnFile.add(rs.getString(1));
                }
            }
        }
    }

    // ------------------------------------------------------------------ the shape of a deed

    /** A person who acted. {@code p} numbers the actors of all deeds: {@code g * 4 + j}. */
    record Actor(long p, int j, String name, String residentId, LocalDate birthDate, boolean female, String harm,
            String outcome, boolean disabled, String deathKind, boolean hasBank, String bankAccount, String phone,
            Honour honour, Family family) {

        long id() {
            return BASE + p;
        }

        boolean confirmed() {
            return "CONFIRMED".equals(outcome);
        }

        String samaritanStatus() {
            return switch (harm) {
                case "DIED" -> "DECEASED";
                case "INJURED" -> disabled ? "DISABLED" : "INJURED";
                default -> "ACTIVE";
            };
        }

        /** Visited and remembered at every festival: the injured, the disabled, the families of the dead, and some others. */
        boolean onRoster() {
            return !samaritanStatus().equals("ACTIVE") || p % 20 == 0;
        }
    }

    record Honour(String title, LocalDate proposed, LocalDate decided, String status, BigDecimal reward,
            LocalDate settled) {
    }

    record Family(String spouse, String child1, String child2, String parent, long seed) {
    }

    final class Shape {
        final int g;
        final County county;
        final String category;
        final String source;
        final LocalDate received;
        final LocalDate occurred;
        final int fate;
        LocalDate accepted;
        LocalDate notAccepted;
        LocalDate assigned;
        LocalDate reported;
        LocalDate proposed;
        LocalDate noticeStart;
        LocalDate noticeEnd;
        LocalDate hearing;
        LocalDate decided;
        LocalDate delivered;
        LocalDate closed;
        String status;
        final String beneficiary;
        final Actor[] actors;

        Shape(int g) {
            this.g = g;
            SplittableRandom r = new SplittableRandom(options.seed() * 1_000_003L + g);
            LocalDate today = options.today();
            this.county = r.nextDouble() < options.cityShare() ? quanzhouWeighted.get(r.nextInt(quanzhouWeighted.size()))
                    : elsewhere.get(r.nextInt(elsewhere.size()));
            this.category = CATEGORIES[r.nextInt(CATEGORIES.length)];
            this.source = SOURCES[r.nextInt(SOURCES.length)];
            this.received = receivedOn(g);
            this.occurred = received.minusDays(1 + r.nextInt(20));
            this.fate = r.nextInt(100);
            boolean stuck = fate >= 97 && received.isAfter(today.minusDays(400));
            if (fate < 4) {
                notAccepted = received.plusDays(3 + r.nextInt(5));
                status = notAccepted.isAfter(today) ? "RECEIVED" : "NOT_ACCEPTED";
                if (status.equals("RECEIVED")) {
                    notAccepted = null;
                }
            } else {
                accepted = received.plusDays(1 + r.nextInt(5));
                assigned = accepted.plusDays(1 + r.nextInt(3));
                reported = assigned.plusDays(15 + r.nextInt(30));
                proposed = reported.plusDays(3 + r.nextInt(5));
                noticeStart = proposed.plusDays(1);
                noticeEnd = noticeStart.plusDays(7);
                hearing = fate >= 88 && fate < 94 ? noticeEnd.plusDays(2) : null;
                decided = (hearing != null ? hearing.plusDays(12) : noticeEnd).plusDays(3 + r.nextInt(10));
                delivered = decided.plusDays(2 + r.nextInt(5));
                closed = delivered.plusDays(20);
                status = stage(today, stuck);
            }
            this.beneficiary = name(r);
            int count = fate % 10 < 7 ? 1 : fate % 10 < 9 ? 2 : 3;
            this.actors = new Actor[count];
            for (int j = 0; j < count; j++) {
                actors[j] = actor(r, j);
            }
        }

        /** How far the deed has got by today; dates not reached are cleared. */
        private String stage(LocalDate today, boolean stuck) {
            if (accepted.isAfter(today)) {
                clearFrom(0);
                return "RECEIVED";
            }
            if (assigned.isAfter(today)) {
                clearFrom(1);
                return "ACCEPTED";
            }
            if (stuck || reported.isAfter(today)) {
                clearFrom(2);
                return "INVESTIGATING";
            }
            if (noticeStart.isAfter(today)) {
                clearFrom(3);
                return "UNDER_REVIEW";
            }
            if (!noticeEnd.isBefore(today)) {
                clearFrom(4);
                return "IN_NOTICE";
            }
            if (decided.isAfter(today)) {
                clearFrom(5);
                if (hearing != null && !hearing.isAfter(today)) {
                    return "HEARING";
                }
                hearing = null;
                return "NOTICE_CLOSED";
            }
            if (delivered.isAfter(today)) {
                clearFrom(6);
                return "DECIDED";
            }
            if (closed.isAfter(today)) {
                clearFrom(7);
                return "DELIVERED";
            }
            return "CLOSED";
        }

        private void clearFrom(int step) {
            if (step <= 0) {
                accepted = null;
            }
            if (step <= 1) {
                assigned = null;
            }
            if (step <= 2) {
                reported = null;
                proposed = null;
            }
            if (step <= 3) {
                noticeStart = null;
                noticeEnd = null;
            }
            if (step <= 4) {
                hearing = null;
            }
            if (step <= 5) {
                decided = null;
            }
            if (step <= 6) {
                delivered = null;
            }
            if (step <= 7) {
                closed = null;
            }
        }

        private Actor actor(SplittableRandom r, int j) {
            long p = g * 4L + j;
            int harmDraw = r.nextInt(1000);
            String harm = harmDraw < 6 ? "DIED" : harmDraw < 70 ? "INJURED" : "NONE";
            String outcome = decided == null ? null : r.nextInt(100) < 85 ? "CONFIRMED" : "REFUSED";
            // a bijection of p onto (day of birth, order number): no two people share a resident id; the
            // order number's parity is the sex, as on a real card
            long x = (p * 7919L) % 20_000_000L;
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(x / 1000);
            int order = (int) (x % 1000);
            boolean female = order % 2 == 0;
            String residentId = r.nextInt(100) < 92 ? residentId(county.code(), birth, order) : null;
            boolean disabled = harm.equals("INJURED") && r.nextInt(10) < 3;
            String deathKind = harm.equals("DIED") ? new String[] {"MARTYR", "DEATH_ON_DUTY", "OTHER"}[r.nextInt(3)]
                    : null;
            boolean hasBank = r.nextInt(100) < 70;
            String bank = hasBank ? "62" + String.format("%017d", Math.floorMod(r.nextLong(), 100_000_000_000_000_000L))
                    : null;
            String phone = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
            // nearly every confirmation is honoured; the few left are the missed awards the guarantees find
            Honour honour = outcome != null && outcome.equals("CONFIRMED") && r.nextInt(100) < 96 ? honour(r) : null;
            Family family = new Family(harm.equals("DIED") || r.nextInt(100) < 60 ? name(r) : null,
                    r.nextInt(100) < 55 ? name(r) : null, r.nextInt(100) < 20 ? name(r) : null,
                    r.nextInt(100) < 30 ? name(r) : null, r.nextLong());
            return new Actor(p, j, name(r), residentId, birth, female, harm, outcome, disabled, deathKind, hasBank,
                    bank, phone, honour, family);
        }

        private Honour honour(SplittableRandom r) {
            int draw = r.nextInt(1000);
            String title = draw < 5 ? "NATIONAL_MODEL" : draw < 15 ? "PROVINCIAL_MODEL" : draw < 90 ? "CITY_MODEL"
                    : draw < 150 ? "CITY_ADVANCED" : draw < 400 ? "CITY_ACTIVIST" : "COUNTY_COMMENDATION";
            LocalDate decidedOn = decided.plusDays(30 + r.nextInt(60));
            LocalDate proposedOn = decidedOn.minusDays(20);
            int honourFate = r.nextInt(100);
            String honourStatus = decidedOn.isAfter(options.today()) ? "PROPOSED" : honourFate < 1 ? "REVOKED"
                    : "GRANTED";
            BigDecimal reward = standardOn(title, decidedOn);
            LocalDate settled = decidedOn.plusDays(20 + r.nextInt(20));
            return new Honour(title, proposedOn, honourStatus.equals("PROPOSED") ? null : decidedOn, honourStatus,
                    reward, settled.isAfter(options.today()) ? null : settled);
        }

        String number() {
            return "GN-" + county.code() + "-" + g;
        }

        String decisionNumber() {
            return decided == null ? null : "GN-QR-" + g;
        }

        long id() {
            return BASE + g;
        }
    }

    /**
     * The day deed g came in: the deeds in order over the years, the last 3 % of them over the last 120 days,
     * so that even a small dataset has deeds at every step of the procedure.
     */
    private LocalDate receivedOn(int g) {
        long recent = Math.max(1, options.deeds() * 3L / 100);
        long earlier = options.deeds() - recent;
        if (g > earlier) {
            return options.today().minusDays(120).plusDays((g - earlier - 1) * 120 / recent);
        }
        return FIRST_DAY.plusDays((g - 1L) * (span - 120) / Math.max(1, earlier));
    }

    private BigDecimal standardOn(String title, LocalDate day) {
        TreeMap<LocalDate, BigDecimal> inForce = standards.get(titleIds.get(title));
        if (inForce == null) {
            return null;
        }
        Map.Entry<LocalDate, BigDecimal> standard = inForce.floorEntry(day);
        return standard == null ? null : standard.getValue();
    }

    private static String name(SplittableRandom r) {
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN.charAt(r.nextInt(GIVEN.length()));
        return r.nextInt(4) == 0 ? name : name + GIVEN.charAt(r.nextInt(GIVEN.length()));
    }

    static String residentId(String region, LocalDate birth, int order) {
        String body = region + birth.toString().replace("-", "") + String.format("%03d", order);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String maskedId(String residentId) {
        return residentId.substring(0, 6) + "********" + residentId.substring(14);
    }

    private static String maskedAccount(String account) {
        return account.substring(0, 4) + " **** **** " + account.substring(account.length() - 4);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return OffsetDateTime.of(day.atTime(hour, 0), ZoneOffset.ofHours(8));
    }

    private boolean onFile(Actor actor) {
        return actor.residentId() != null && residentIdsOnFile.contains(cipher.blindIndex(actor.residentId()));
    }

    // ------------------------------------------------------------------ the passes

    @FunctionalInterface
    interface Rows {
        void write(Shape deed, CopyRows out) throws SQLException;
    }

    @FunctionalInterface
    interface AllRows {
        void write(CopyRows out) throws SQLException;
    }

    /** One table's rows: written deed by deed, or all at once for a table that is not the deeds'. */
    record Pass(String table, Rows rows, AllRows all, String columns) {

        static Pass perDeed(String table, Rows rows, String columns) {
            return new Pass(table, rows, null, columns);
        }

        static Pass once(String table, AllRows all, String columns) {
            return new Pass(table, null, all, columns);
        }
    }

    private long run(Pass pass) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local synchronous_commit = off");
                if (!options.checkKeys()) {
                    statement.execute("set local session_replication_role = replica");
                }
            }
            AuditChain chain = pass.table().equals("audit_entry") ? AuditChain.open(connection, options) : null;
            CopyRows out = new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + pass.table() + " (" + pass.columns() + ") from stdin"));
            currentChain.set(chain);
            try {
                if (pass.all() != null) {
                    pass.all().write(out);
                } else {
                    for (int g = 1; g <= options.deeds(); g++) {
                        pass.rows().write(new Shape(g), out);
                    }
                }
                long written = out.finish();
                if (chain != null) {
                    chain.close(connection, written);
                }
                connection.commit();
                return written;
            } finally {
                currentChain.remove();
            }
        }
    }

    private final ThreadLocal<AuditChain> currentChain = new ThreadLocal<>();

    private void deeds(Shape d, CopyRows out) throws SQLException {
        LocalDate updated = d.closed != null ? d.closed : d.delivered != null ? d.delivered : d.decided != null
                ? d.decided : d.received;
        out.add(d.id()).add(d.number()).add(d.county.code()).add(d.category).add(d.source).add(d.status)
                .add(d.occurred.atTime(14, 30).toString()).add(d.county.name() + "某街道" + (d.g % 300) + "号")
                .add(TITLES_OF_DEEDS[d.g % TITLES_OF_DEEDS.length])
                .add("群众报称：" + d.actors[0].name() + "于" + d.occurred + "在" + d.county.name() + "见义勇为，经核实基本属实。")
                .add(d.received).add(d.accepted).add(d.notAccepted != null ? "不属于见义勇为认定范围" : null)
                .add(CLERK).add(at(d.received, 9)).add(at(updated, 17))
                .add(d.assigned != null ? "王警官、李警官" : null)
                .add(d.reported != null ? "经走访证人、调取监控，事实清楚。" : null).add(d.reported).add(d.proposed)
                .add(d.noticeStart).add(d.noticeEnd).add(d.hearing)
                .add(d.hearing != null ? "拟不予确认部分人员" : null)
                .add(d.hearing != null ? "《福建省见义勇为人员奖励和保护条例》" : null)
                .add(d.hearing != null ? d.hearing.plusDays(5) : null)
                .add(d.hearing != null && d.decided != null ? d.hearing.plusDays(4) : null)
                .add(d.hearing != null && d.decided != null ? "无异议" : null)
                .add(d.decisionNumber()).add(d.decided).add(d.decided != null ? HEAD : null).add(d.delivered)
                .add(d.delivered != null ? "IN_PERSON" : null).add(d.delivered != null ? d.actors[0].name() : null)
                .add(d.closed).add(d.accepted != null ? d.accepted.plusDays(84) : null)
                .add(d.assigned != null ? CLERK : null);
        out.end();
    }

    private void participants(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            String recommendation = d.reported == null ? null : a.outcome() == null || a.confirmed() ? "CONFIRM"
                    : "REFUSE";
            out.add(a.id()).add(d.id()).add("ACTOR").add(a.name()).add(cipher.encrypt(a.residentId()))
                    .add(a.residentId() == null ? null : cipher.blindIndex(a.residentId()))
                    .add(a.residentId() == null ? null : maskedId(a.residentId())).add(a.harm()).add(recommendation)
                    .add(d.noticeStart == null ? null : recommendation).add(a.outcome())
                    .add("REFUSED".equals(a.outcome()) ? "不符合认定条件" : null);
            out.end();
        }
        out.add(BASE + d.g * 4L + 3).add(d.id()).add("BENEFICIARY").add(d.beneficiary).add(null).add(null).add(null)
                .add("NONE").add(null).add(null).add(null).add(null);
        out.end();
    }

    private void deedEvents(Shape d, CopyRows out) throws SQLException {
        long id = BASE + d.g * 16L;
        event(out, id, d, d.received, "RECEIVED", "登记受理");
        event(out, id + 1, d, d.notAccepted, "NOT_ACCEPTED", "不予受理");
        event(out, id + 2, d, d.accepted, "ACCEPTED", null);
        event(out, id + 3, d, d.assigned, "INVESTIGATION_ASSIGNED", "调查：" + CLERK);
        event(out, id + 4, d, d.reported, "INVESTIGATION_REPORTED", null);
        event(out, id + 5, d, d.proposed, "OUTCOMES_PROPOSED", null);
        event(out, id + 6, d, d.noticeStart, "NOTICE_STARTED", null);
        event(out, id + 7, d, d.noticeEnd != null && d.noticeEnd.isBefore(options.today()) ? d.noticeEnd : null,
                "NOTICE_CLOSED", null);
        event(out, id + 8, d, d.hearing, "HEARING_NOTIFIED", null);
        event(out, id + 9, d, d.decided, "DECIDED", d.decisionNumber());
        event(out, id + 10, d, d.delivered, "DELIVERED", null);
        event(out, id + 11, d, d.closed, "CLOSED", null);
    }

    private static void event(CopyRows out, long id, Shape d, LocalDate day, String kind, String detail)
            throws SQLException {
        if (day != null) {
            out.add(id).add(d.id()).add(at(day, 10)).add(kind.equals("DECIDED") ? HEAD : CLERK).add(kind).add(detail);
            out.end();
        }
    }

    private void samaritans(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            if (!a.confirmed()) {
                continue;
            }
            boolean clash = onFile(a);
            String id = clash ? null : a.residentId();
            out.add(a.id()).add("GN-S" + a.p()).add(d.county.code()).add(a.name()).add(a.female() ? "FEMALE" : "MALE")
                    .add(a.birthDate()).add(cipher.encrypt(id)).add(id == null ? null : cipher.blindIndex(id))
                    .add(id == null ? null : maskedId(id)).add(a.hasBank() ? BANKS[(int) (a.p() % BANKS.length)] : null)
                    .add(cipher.encrypt(a.bankAccount()))
                    .add(a.hasBank() ? cipher.blindIndex(a.bankAccount()) : null)
                    .add(a.hasBank() ? maskedAccount(a.bankAccount()) : null).add(a.phone())
                    .add(d.county.name() + "某村" + (a.p() % 50) + "组").add(a.samaritanStatus()).add(a.deathKind())
                    .add(a.harm().equals("DIED") ? d.occurred : null).add("DEED").add(CLERK).add(at(d.decided, 11))
                    .add(at(d.decided, 11));
            out.end();
        }
    }

    private void samaritanDeeds(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            if (a.confirmed()) {
                out.add(a.id()).add(a.id()).add(d.id()).add(a.id()).add(d.number()).add(d.county.code()).add(d.category)
                        .add(d.occurred).add(a.harm()).add(d.decided).add(d.decisionNumber());
                out.end();
            }
        }
    }

    private void samaritanEvents(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            if (a.confirmed()) {
                out.add(BASE + a.p() * 2).add(a.id()).add(at(d.decided, 11)).add(CLERK).add("REGISTERED")
                        .add("由事迹 " + d.number() + " 确认登记");
                out.end();
                out.add(BASE + a.p() * 2 + 1).add(a.id()).add(at(d.decided, 11)).add(CLERK).add("DEED_CONFIRMED")
                        .add(d.number());
                out.end();
            }
        }
    }

    private void relatives(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            if (!a.confirmed()) {
                continue;
            }
            Family f = a.family();
            SplittableRandom r = new SplittableRandom(f.seed());
            relative(out, a, 0, "SPOUSE", f.spouse(), a.birthDate().plusYears(1), "NONE", r);
            relative(out, a, 1, "CHILD", f.child1(), a.birthDate().plusYears(26), null, r);
            relative(out, a, 2, "CHILD", f.child2(), a.birthDate().plusYears(30), null, r);
            relative(out, a, 3, "PARENT", f.parent(), a.birthDate().minusYears(27), "NONE", r);
        }
    }

    private void relative(CopyRows out, Actor a, int k, String relation, String name, LocalDate birth, String stage,
            SplittableRandom r) throws SQLException {
        if (name == null) {
            return;
        }
        String residentId = r.nextBoolean() ? residentId(a.residentId() == null ? "350582" : a.residentId()
                .substring(0, 6), birth, (int) ((a.p() * 4 + k) % 1000)) : null;
        out.add(BASE + a.p() * 4 + k).add(a.id()).add(relation).add(name).add(cipher.encrypt(residentId))
                .add(residentId == null ? null : cipher.blindIndex(residentId))
                .add(residentId == null ? null : maskedId(residentId)).add(birth)
                .add(stage != null ? stage : stageAt(birth, options.today()));
        out.end();
    }

    private static String stageAt(LocalDate birth, LocalDate today) {
        long age = ChronoUnit.YEARS.between(birth, today);
        return age < 6 ? "PRESCHOOL" : age < 12 ? "PRIMARY" : age < 15 ? "JUNIOR" : age < 18 ? "SENIOR"
                : age < 22 ? "UNIVERSITY" : "NONE";
    }

    /** The families of those who died: the spouse's survivor pension, the children's student aid. */
    private void entitlements(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            if (!a.confirmed() || !a.harm().equals("DIED")) {
                continue;
            }
            if (a.family().spouse() != null) {
                out.add(BASE + a.p() * 4).add(BASE + a.p() * 4).add("SURVIVOR_PENSION").add(d.decided).add("REMARRIAGE");
                out.end();
            }
            if (a.family().child1() != null) {
                out.add(BASE + a.p() * 4 + 1).add(BASE + a.p() * 4 + 1).add("STUDENT_AID").add(d.decided)
                        .add("END_OF_SCHOOLING");
                out.end();
            }
        }
    }

    private String honourRegion(Shape d, String title) {
        return switch (titleLevels.get(title)) {
            case "COUNTY" -> d.county.code();
            case "CITY" -> d.county.city();
            default -> d.county.province();
        };
    }

    private void honours(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            Honour h = a.honour();
            if (h == null) {
                continue;
            }
            boolean decided = h.decided() != null;
            out.add(a.id()).add(titleIds.get(h.title())).add(a.id()).add(d.id()).add(d.number())
                    .add(honourRegion(d, h.title())).add(instantTitles.contains(h.title()) ? "INSTANT" : "ROUND")
                    .add(h.status()).add("见义勇为，事迹突出").add(CLERK).add(h.proposed()).add(decided ? HEAD : null)
                    .add(decided ? h.decided().minusDays(5) : null).add(h.decided())
                    .add(decided ? honourDocument(a) : null).add(decided ? "GN-C-" + a.p() : null).add(h.reward())
                    .add(h.status().equals("REVOKED") ? min(h.decided().plusDays(200), options.today()) : null)
                    .add(h.status().equals("REVOKED") ? "事迹失实" : null).add("PERSON");
            out.end();
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static boolean rewarded(Honour h) {
        return h != null && h.status().equals("GRANTED") && h.reward() != null && h.reward().signum() > 0;
    }

    private void rewardRequests(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            Honour h = a.honour();
            if (rewarded(h)) {
                out.add(a.id()).add(a.id()).add("PAYMENT").add(h.reward()).add(h.settled() != null ? "SETTLED"
                        : "REQUESTED").add(h.decided().plusDays(5)).add(h.settled()).add(a.id());
                out.end();
            }
        }
    }

    // ------------------------------------------------------------------ campaigns

    private static final String[][] FESTIVALS = {{"SPRING_FESTIVAL", "春节", "1", "25"}, {"MID_AUTUMN", "中秋", "9", "15"}};

    private LocalDate referenceDate(int year, int festival) {
        return LocalDate.of(year, Integer.parseInt(FESTIVALS[festival][2]), Integer.parseInt(FESTIVALS[festival][3]));
    }

    private long campaignId(County county, int year, int festival) {
        return BASE + county.index() * 64L + (year - FIRST_DAY.getYear()) * 2L + festival;
    }

    private void campaignRows(CopyRows out) throws SQLException {
        for (County county : counties) {
            for (int year = FIRST_DAY.getYear(); year <= options.today().getYear(); year++) {
                for (int f = 0; f < FESTIVALS.length; f++) {
                    LocalDate reference = referenceDate(year, f);
                    if (reference.isAfter(options.today())) {
                        continue;
                    }
                    out.add(campaignId(county, year, f)).add(year + "年" + FESTIVALS[f][1] + "慰问").add(FESTIVALS[f][0])
                            .add(year).add(county.code()).add(reference).add("SENT")
                            .add(campaignDocument(county, year, f)).add(CLERK)
                            .add(at(reference.minusDays(20), 9)).add(CLERK).add(at(reference.minusDays(15), 9)).add(HEAD)
                            .add(at(reference.minusDays(10), 9)).add(CLERK).add(at(reference.minusDays(5), 9));
                    out.end();
                }
            }
        }
    }

    /** A line of one of the person's campaigns, with its payee and its payment order. */
    /** The number of an honour's decision, which its reward's order cites. */
    private static String honourDocument(Actor a) {
        return "GN-W-" + a.p();
    }

    /** The number of a campaign's approval, which its orders cite. */
    private static String campaignDocument(County county, int year, int festival) {
        return "GN-WW-" + year + "-" + county.code() + "-" + festival;
    }

    record Line(long id, long campaignId, String document, LocalDate reference, String category, BigDecimal amount,
            boolean paid, String payee, Long payeeRelative, String relation, long orderId) {
    }

    private List<Line> lines(Shape d, Actor a) {
        if (!a.confirmed() || !a.onRoster()) {
            return List.of();
        }
        String category = switch (a.samaritanStatus()) {
            case "DECEASED" -> "MARTYR".equals(a.deathKind()) ? "MARTYR_FAMILY" : "DECEASED_FAMILY";
            case "DISABLED", "INJURED" -> "DISABLED";
            default -> a.honour() != null && !titleLevels.get(a.honour().title()).equals("COUNTY")
                    && !titleLevels.get(a.honour().title()).equals("CITY") ? "PROVINCIAL_HONOUR" : "OTHER";
        };
        boolean dead = a.harm().equals("DIED");
        Family f = a.family();
        String payee = !dead ? a.name() : f.spouse() != null ? f.spouse() : f.child1() != null ? f.child1()
                : f.parent();
        if (payee == null) {
            return List.of();
        }
        Long payeeRelative = !dead ? null : BASE + a.p() * 4 + (f.spouse() != null ? 0 : f.child1() != null ? 1 : 3);
        String relation = !dead ? null : f.spouse() != null ? "SPOUSE" : f.child1() != null ? "CHILD" : "PARENT";
        List<Line> lines = new ArrayList<>();
        for (int year = d.decided.getYear(); year <= options.today().getYear(); year++) {
            for (int festival = 0; festival < FESTIVALS.length; festival++) {
                LocalDate reference = referenceDate(year, festival);
                if (!reference.isAfter(d.decided) || reference.isAfter(options.today())) {
                    continue;
                }
                long c = (year - FIRST_DAY.getYear()) * 2L + festival;
                lines.add(new Line(BASE + a.p() * 32 + c, campaignId(d.county, year, festival),
                        campaignDocument(d.county, year, festival), reference, category,
                        condolenceAmounts.getOrDefault(category, new BigDecimal("1500.00")),
                        !reference.plusDays(10).isAfter(options.today()), payee, payeeRelative, relation,
                        3 * BASE + a.p() * 32 + c));
            }
        }
        return lines;
    }

    private void campaignLines(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            for (Line l : lines(d, a)) {
                out.add(l.id()).add(l.campaignId()).add(a.id()).add(a.name()).add(d.county.code()).add(l.category())
                        .add(l.amount()).add(l.paid() ? "PAID" : "SENT").add("RULE").add(l.payee())
                        .add(l.payeeRelative()).add(l.relation()).add(HEAD).add(at(l.reference().minusDays(5), 9))
                        .add(l.paid() ? l.reference().plusDays(10) : null).add("GN-ZF-" + l.orderId());
                out.end();
            }
        }
    }

    // ------------------------------------------------------------------ money

    /** Each county's fund is given money every quarter: enough to pay what the county pays. */
    private void donationRows(CopyRows out) throws SQLException {
        for (Donation gift : donations()) {
            out.add(gift.id()).add("GN-J-" + gift.id()).add(gift.donor()).add("ENTERPRISE").add(fundOf.get(gift.region()))
                    .add(gift.region()).add(gift.amount()).add(gift.day()).add("BANK_TRANSFER").add(CLERK)
                    .add(at(gift.day(), 15)).add(false);
            out.end();
        }
    }

    record Donation(long id, String region, BigDecimal amount, LocalDate day, String donor) {
    }

    private List<Donation> donations() {
        List<Donation> gifts = new ArrayList<>();
        BigDecimal perQuarter = BigDecimal.valueOf(Math.max(50_000L, options.deeds() * 40L / counties.size()))
                .setScale(2);
        for (County county : counties) {
            for (int q = 0; ; q++) {
                LocalDate day = FIRST_DAY.plusMonths(q * 3L).plusDays(10);
                if (day.isAfter(options.today())) {
                    break;
                }
                gifts.add(new Donation(BASE + county.index() * 256L + q, county.code(), perQuarter, day,
                        county.name() + "某企业有限公司"));
            }
        }
        return gifts;
    }

    /** A payment order: rewards and condolence lines, paid when they were settled. */
    record Order(long id, String region, String purpose, String payee, long samaritan, BigDecimal amount,
            String description, String source, String sourceRef, String sourceKind, long recordId, Long lineId,
            String decisionDocument, LocalDate requested, LocalDate paid, Actor actor) {
    }

    private List<Order> orders(Shape d) {
        List<Order> orders = new ArrayList<>();
        for (Actor a : d.actors) {
            Honour h = a.honour();
            if (rewarded(h)) {
                orders.add(new Order(2 * BASE + a.p(), honourRegion(d, h.title()), "REWARD", a.name(), a.id(),
                        h.reward(), "见义勇为奖金", "HONOURS", "reward-" + a.id(), "reward", a.id(), null,
                        honourDocument(a), h.decided().plusDays(5), h.settled(), a));
            }
            for (Line l : lines(d, a)) {
                orders.add(new Order(l.orderId(), d.county.code(), "CONDOLENCE", l.payee(), a.id(), l.amount(),
                        l.reference().getYear() + "年慰问金", "CARE", "campaign-" + l.campaignId() + "-" + l.id(),
                        "campaign", l.campaignId(), l.id(), l.document(), l.reference().minusDays(5), l.paid()
                                ? l.reference().plusDays(10) : null, a));
            }
        }
        return orders;
    }

    private void paymentOrders(Shape d, CopyRows out) throws SQLException {
        for (Order o : orders(d)) {
            boolean paid = o.paid() != null;
            boolean account = o.actor().hasBank() && o.payee().equals(o.actor().name());
            out.add(o.id()).add("GN-ZF-" + o.id()).add(fundOf.get(o.region())).add(o.region()).add(o.purpose())
                    .add(o.payee()).add(o.samaritan()).add(o.amount()).add(o.description()).add(o.source())
                    .add(o.sourceRef()).add(paid ? "PAID" : "REQUESTED").add(CLERK).add(o.requested())
                    .add(paid ? HEAD : null).add(paid ? at(o.paid().minusDays(3), 10) : null).add(o.paid())
                    .add(paid ? "GN-JS-" + o.id() : null).add(paid ? CASHIER : null)
                    .add(account ? "BANK_TRANSFER" : "CASH")
                    .add(account ? BANKS[(int) (o.actor().p() % BANKS.length)] : null)
                    .add(account ? cipher.encrypt(o.actor().bankAccount()) : null)
                    .add(account ? maskedAccount(o.actor().bankAccount()) : null).add(o.sourceKind()).add(o.recordId())
                    .add(o.lineId()).add(o.decisionDocument());
            out.end();
        }
    }

    private void journalEntries(Shape d, CopyRows out) throws SQLException {
        if (d.g == 1) {
            for (Donation gift : donations()) {
                out.add(5 * BASE + gift.id()).add("GN-JZ-D" + gift.id()).add(gift.region()).add(gift.day())
                        .add("捐赠收入：" + gift.donor() + " GN-J-" + gift.id()).add("DONATION").add(gift.id()).add(CLERK)
                        .add(at(gift.day(), 15));
                out.end();
            }
        }
        for (Order o : orders(d)) {
            if (o.paid() != null) {
                out.add(o.id()).add("GN-JZ-" + o.id()).add(o.region()).add(o.paid()).add("支付 GN-ZF-" + o.id())
                        .add("PAYMENT").add(o.id()).add(CASHIER).add(at(o.paid(), 16));
                out.end();
            }
        }
    }

    private void postings(Shape d, CopyRows out) throws SQLException {
        if (d.g == 1) {
            for (Donation gift : donations()) {
                long entry = 5 * BASE + gift.id();
                Long fund = fundOf.get(gift.region());
                out.add(entry * 2).add(entry).add(fund).add("BANK").add(gift.amount()).add(BigDecimal.ZERO);
                out.end();
                out.add(entry * 2 + 1).add(entry).add(fund).add("DONATION_INCOME").add(BigDecimal.ZERO).add(gift.amount());
                out.end();
            }
        }
        for (Order o : orders(d)) {
            if (o.paid() != null) {
                Long fund = fundOf.get(o.region());
                String expense = o.purpose().equals("REWARD") ? "EXPENSE_REWARD" : "EXPENSE_CONDOLENCE";
                out.add(o.id() * 2).add(o.id()).add(fund).add(expense).add(o.amount()).add(BigDecimal.ZERO);
                out.end();
                out.add(o.id() * 2 + 1).add(o.id()).add(fund).add("BANK").add(BigDecimal.ZERO).add(o.amount());
                out.end();
            }
        }
    }

    // ------------------------------------------------------------------ visits and audit

    /** Once a year after the year of the confirmation (twice for those on the roster), on a day of its own. */
    private void visits(Shape d, CopyRows out) throws SQLException {
        for (Actor a : d.actors) {
            if (!a.confirmed()) {
                continue;
            }
            SplittableRandom r = new SplittableRandom(a.family().seed() ^ 0x5DEECE66DL);
            for (int year = d.decided.getYear() + 1; year <= options.today().getYear(); year++) {
                for (int k = 0; k < (a.onRoster() ? 2 : 1); k++) {
                    if (r.nextInt(100) >= 60) {
                        continue;
                    }
                    LocalDate day = LocalDate.of(year, 1 + k * 6 + r.nextInt(6), 1 + r.nextInt(28));
                    if (day.isAfter(options.today())) {
                        continue;
                    }
                    boolean hardship = r.nextInt(100) < 5;
                    out.add(BASE + a.p() * 32 + (year - FIRST_DAY.getYear()) * 2L + k).add(a.id())
                            .add(d.county.code()).add(day).add("县见义勇为协会工作人员").add(a.harm().equals("DIED")
                                    ? a.family().spouse() : a.name())
                            .add(hardship ? "家庭收入较低" : "生活稳定").add(hardship)
                            .add(hardship ? "子女上学费用困难" : null).add(CLERK).add(at(day, 16));
                    out.end();
                }
            }
        }
    }

    /** The audit trail goes on from the chain's head: the load holds the head until it commits. */
    static final class AuditChain {
        String previous;

        static AuditChain open(Connection connection, Options options) throws SQLException {
            AuditChain chain = new AuditChain();
            try (Statement statement = connection.createStatement()) {
                // ids of entries written meanwhile come after the generated ones
                statement.execute("select setval(pg_get_serial_sequence('audit_entry', 'id'), "
                        + (BASE + (options.deeds() + 1L) * 16) + ")");
                try (ResultSet rs = statement.executeQuery(
                        "select last_hash from audit_chain_head where id = 1 for update")) {
                    rs.next();
                    chain.previous = rs.getString(1);
                }
            }
            return chain;
        }

        void close(Connection connection, long written) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_chain_head set last_hash = ?, entries = entries + ? where id = 1")) {
                update.setString(1, previous);
                update.setLong(2, written);
                update.executeUpdate();
            }
        }
    }

    private void auditEntries(Shape d, CopyRows out) throws SQLException {
        long id = BASE + d.g * 16L;
        audit(out, id, d.received, CLERK, "CREATE", "Deed", d.id(), "登记事迹 " + d.number());
        if (d.decided != null) {
            audit(out, id + 1, d.decided, HEAD, "UPDATE", "Deed", d.id(), "认定决定 " + d.decisionNumber());
        }
        for (Actor a : d.actors) {
            if (a.confirmed()) {
                audit(out, id + 2 + a.j() * 3, d.decided, CLERK, "CREATE", "Samaritan", a.id(), "确认登记");
            }
            if (a.honour() != null) {
                audit(out, id + 3 + a.j() * 3, a.honour().proposed(), CLERK, "CREATE", "Honour", a.id(),
                        "拟表彰 " + a.honour().title());
            }
            if (rewarded(a.honour()) && a.honour().settled() != null) {
                audit(out, id + 4 + a.j() * 3, a.honour().settled(), CASHIER, "UPDATE", "PaymentOrder",
                        2 * BASE + a.p(), "已支付");
            }
        }
    }

    private void audit(CopyRows out, long id, LocalDate day, String actor, String action, String entity,
            long entityId, String detail) throws SQLException {
        AuditChain chain = currentChain.get();
        OffsetDateTime at = at(day, 11);
        String hash = ChainHash.of(chain.previous, at.toInstant(), actor, null, action, entity,
                String.valueOf(entityId), null, detail);
        out.add(id).add(at).add(actor).add(null).add(action).add(entity).add(String.valueOf(entityId)).add(null)
                .add(detail).add(chain.previous).add(hash);
        out.end();
        chain.previous = hash;
    }
}

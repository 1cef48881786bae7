package org.yiyong.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.identity.SignedIn;
import org.yiyong.imports.Imports;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.ResidentId;

/**
 * How fast a large register is imported, against PostgreSQL's COPY of the same rows: not a test (it asserts nothing
 * about time) and not part of {@code ./mvnw verify}; run it with {@code -Pbenchmark} on PostgreSQL as
 * {@code docs/benchmarks.md} describes.
 *
 * <p>It writes a workbook of {@code benchmark.import-rows} (100,000) samaritans with their deeds, in the city's
 * counties, checks it and saves it as city staff through {@link Imports} (the path the page and the API take, in the
 * calling thread), then copies the same rows — each person and each deed, with the encrypted ID number — into two
 * scratch tables with COPY, and what the import writes for them into Yiyong's own tables with COPY (rolled back). It
 * prints rows per second of each step, of the import as a whole and of each COPY, the ratios,
 * and the most heap in use while it ran (run within {@code -Xmx512m}, as the benchmark profile does). The imported
 * rows are undone at the end, so that it can run again on the same database.
 */
@Tag("benchmark")
// the parts of a production import, not the tests' small ones
@SpringBootTest(properties = "yiyong.imports.part-rows=2000")
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.import-rows", 100_000);
    private static final String[] COUNTIES = {"350582", "350583", "350581", "350524", "350521", "350526", "350525",
        "350502", "350503", "350504", "350505", "350527"};
    private static final String[] HEADERS = {"姓名", "身份证号", "县（市、区）", "事迹发生日期", "事迹类别", "事迹发生地点", "事迹简述",
        "伤亡情况", "确认日期", "来源依据", "联系电话", "住址"};

    @Autowired
    private Imports imports;

    @Autowired
    private UserDetailsService accounts;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private FieldCipher cipher;

    @Test
    void a_register_of_a_hundred_thousand_samaritans_with_their_deeds() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:postgresql:"),
                    "the import benchmark runs on PostgreSQL");
        }
        Path file = Files.createTempFile("yiyong-benchmark-", ".xlsx");
        HeapSampler heap = new HeapSampler();
        try {
            int run = (int) (System.currentTimeMillis() / 1000 % 90);
            long written = System.nanoTime();
            write(file, run);
            System.out.printf(Locale.ROOT, "%nworkbook of %,d rows written in %.1f s (%,d KB)%n", ROWS,
                    seconds(written), Files.size(file) / 1024);
            UserDetails city = accounts.loadUserByUsername("city-staff");
            heap.start();
            long checkStart = System.nanoTime();
            Imports.Job checked = SignedIn.as(city, me -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return imports.check(me, "samaritans", "benchmark.xlsx", in);
                } catch (java.io.IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
            double checkSeconds = seconds(checkStart);
            long saveStart = System.nanoTime();
            Imports.Job saved = SignedIn.as(city, me -> imports.confirm(me, checked.id(), checked.version()));
            double saveSeconds = seconds(saveStart);
            heap.stop();
            double copySeconds = copy(run);
            double ceilingSeconds = ceiling(run);

            double importRate = saved.savedRows() / (checkSeconds + saveSeconds);
            double copyRate = ROWS / copySeconds;
            System.out.printf(Locale.ROOT, """

                    Import of %,d samaritan rows with deeds (%,d valid, %,d refused, %,d on file; %,d saved)
                      check   %8.1f s  %,10.0f rows/s
                      save    %8.1f s  %,10.0f rows/s
                      import  %8.1f s  %,10.0f rows/s   (check and save)
                      COPY    %8.1f s  %,10.0f rows/s   (the same people and deeds into two tables)
                      ratio   import / COPY = %.3f
                      schema  %8.1f s  %,10.0f rows/s   (COPY of what the import writes, into Yiyong's own tables)
                      ratio   import / COPY into Yiyong's tables = %.3f
                      heap    most in use %,d MB of %,d MB (-Xmx)
                    """, checked.totalRows(), checked.validRows(), checked.refusedRows(), checked.existingRows(),
                    saved.savedRows(), checkSeconds, checked.totalRows() / checkSeconds, saveSeconds,
                    saved.savedRows() / saveSeconds, checkSeconds + saveSeconds, importRate, copySeconds, copyRate,
                    importRate / copyRate, ceilingSeconds, ROWS / ceilingSeconds, importRate / (ROWS / ceilingSeconds),
                    heap.most() / 1024 / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024);

            long undoStart = System.nanoTime();
            Imports.Job current = SignedIn.as(city, me -> imports.get(me, saved.id()));
            SignedIn.as(city, me -> imports.undo(me, saved.id(), current.version()));
            System.out.printf(Locale.ROOT, "  undo    %8.1f s%n", seconds(undoStart));
        } finally {
            heap.stop();
            Files.deleteIfExists(file);
        }
    }

    /** The workbook: distinct people (born on distinct days, a sequence of this run), one deed each. */
    private static void write(Path file, int run) throws Exception {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            for (int i = 0; i < ROWS; i++) {
                Row row = sheet.createRow(i + 1);
                String[] cells = row(i, run);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
        }
    }

    private static String[] row(int i, int run) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i / 9);
        String id = ResidentId.withCheckDigit(COUNTIES[i % COUNTIES.length] + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(Locale.ROOT, "%03d", run * 10 + i % 9));
        LocalDate deed = LocalDate.of(2005, 1, 1).plusDays(i % 7000);
        return new String[] {"测" + Integer.toString(i, 36), id, COUNTIES[(i / 7) % COUNTIES.length], deed.toString(),
            i % 5 == 0 ? "同侵害财产或人身安全的违法犯罪作斗争" : "抢险救灾救人", "泉州市某地", "救起落水群众",
            i % 50 == 0 ? "受伤" : null, deed.plusDays(60).toString(), "台账第 " + (i / 30 + 1) + " 页",
            "139" + String.format(Locale.ROOT, "%08d", i), "泉州市某街道"};
    }

    /** COPY of the same rows into scratch tables shaped like the registry's and the deeds' (dropped after). */
    private double copy(int run) throws Exception {
        StringBuilder people = new StringBuilder(ROWS * 160);
        StringBuilder deeds = new StringBuilder(ROWS * 120);
        for (int i = 0; i < ROWS; i++) {
            String[] cells = row(i, run);
            ResidentId id = ResidentId.parse(cells[1]);
            people.append("BM-S").append(i).append('\t').append(cells[2]).append('\t').append(cells[0]).append('\t')
                    .append(cipher.encrypt(id.value())).append('\t').append(cipher.blindIndex(id.value())).append('\t')
                    .append(id.masked()).append('\t').append(cells[10]).append('\t').append(cells[11]).append('\t')
                    .append(cells[9]).append('\n');
            deeds.append("BM-D").append(i).append('\t').append(cells[2]).append('\t').append(cells[3]).append('\t')
                    .append(cells[5]).append('\t').append(cells[6]).append('\t').append(cells[8]).append('\n');
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table copy_person (number varchar(30), region_code varchar(12),
                            name varchar(60), resident_id varchar(200), resident_id_index varchar(64),
                            resident_id_masked varchar(20), phone varchar(40), address varchar(200),
                            source_document varchar(500)) on commit drop""");
                statement.execute("""
                        create temporary table copy_deed (number varchar(30), region_code varchar(12), occurred_on date,
                            address varchar(200), title varchar(120), decided_on date) on commit drop""");
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            long start = System.nanoTime();
            pg.getCopyAPI().copyIn("copy copy_person from stdin", new StringReader(people.toString()));
            pg.getCopyAPI().copyIn("copy copy_deed from stdin", new StringReader(deeds.toString()));
            double took = seconds(start);
            connection.commit();
            return took;
        }
    }

    /**
     * COPY of what the import writes for the same rows into Yiyong's own tables, with their indexes, keys and
     * triggers, in one transaction rolled back after: each person, their deed with its actor and event, the
     * person's confirmation and three timeline events, and two audit entries. The fastest this schema takes those
     * rows on this machine, whatever writes them.
     */
    private double ceiling(int run) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long[] people = ids(connection, "samaritan");
            long[] deeds = ids(connection, "deed");
            long[] actors = ids(connection, "deed_participant");
            String at = "2026-12-01 10:00:00+08";
            // written to files first, so that the rows of 100,000 do not sit in the heap beside the application
            Path dir = Files.createTempDirectory("yiyong-ceiling-");
            String[] tables = {"person", "deed", "actor", "deedEvent", "confirmation", "personEvent", "audit"};
            java.util.Map<String, java.io.Writer> out = new java.util.HashMap<>();
            for (String table : tables) {
                out.put(table, Files.newBufferedWriter(dir.resolve(table)));
            }
            StringBuilder person = new StringBuilder();
            StringBuilder deed = new StringBuilder();
            StringBuilder actor = new StringBuilder();
            StringBuilder deedEvent = new StringBuilder();
            StringBuilder confirmation = new StringBuilder();
            StringBuilder personEvent = new StringBuilder();
            StringBuilder audit = new StringBuilder();
            StringBuilder[] lines = {person, deed, actor, deedEvent, confirmation, personEvent, audit};
            for (int i = 0; i < ROWS; i++) {
                String[] cells = row(i, run);
                ResidentId id = ResidentId.parse(cells[1]);
                String encrypted = cipher.encrypt(id.value());
                String index = "ceiling-" + run + "-" + i;
                String county = cells[2];
                person.append(people[i]).append("\tBM-C").append(run).append('-').append(i).append('\t')
                        .append(county).append('\t').append(cells[0]).append('\t')
                        .append(id.isMale() ? "MALE" : "FEMALE").append('\t').append(id.birthDate()).append('\t')
                        .append(encrypted).append('\t').append(index).append('\t').append(id.masked()).append('\t')
                        .append(cells[10]).append('\t').append(cells[11]).append("\tACTIVE\tHISTORICAL\t")
                        .append(cells[9]).append("\tcity-staff\t").append(at).append('\t').append(at).append('\n');
                deed.append(deeds[i]).append("\tBM-D").append(run).append('-').append(i).append('\t').append(county)
                        .append("\tRESCUE\tHISTORICAL_REGISTER\tCLOSED\t").append(cells[3]).append(" 00:00:00\t")
                        .append(cells[5]).append('\t').append(cells[6]).append('\t').append(cells[6])
                        .append("（据历史台账导入）\t").append(cells[3]).append('\t').append(cells[3]).append('\t')
                        .append(cells[8]).append("\tcity-staff\t").append(cells[8]).append("\tcity-staff\t")
                        .append(at).append('\t').append(at).append('\n');
                actor.append(actors[i]).append('\t').append(deeds[i]).append("\tACTOR\t").append(cells[0])
                        .append('\t').append(encrypted).append('\t').append(index).append('\t').append(id.masked())
                        .append("\tNONE\tCONFIRMED\n");
                deedEvent.append(deeds[i]).append('\t').append(at).append("\tcity-staff\tIMPORTED\tbenchmark.xlsx 第 ")
                        .append(i + 2).append(" 行\n");
                confirmation.append(people[i]).append('\t').append(deeds[i]).append('\t').append(actors[i])
                        .append("\tBM-D").append(run).append('-').append(i).append('\t').append(county)
                        .append("\tRESCUE\t").append(cells[3]).append("\tNONE\t").append(cells[8]).append('\n');
                for (String kind : new String[] {"REGISTERED", "IMPORTED", "DEED_CONFIRMED"}) {
                    personEvent.append(people[i]).append('\t').append(at).append("\tcity-staff\t").append(kind)
                            .append('\t').append(cells[9]).append('\n');
                }
                for (String entity : new String[] {"Samaritan", "Deed"}) {
                    audit.append(at).append("\tcity-staff\t127.0.0.1\tCREATE\t").append(entity).append('\t')
                            .append(entity.equals("Deed") ? deeds[i] : people[i])
                            .append("\t\\N\timported with import 0, row ").append(i + 2).append('\t')
                            .append(String.format(Locale.ROOT, "%064x", (long) i)).append('\t')
                            .append(String.format(Locale.ROOT, "%s%058x", entity.equals("Deed") ? "dddddd" : "cccccc",
                                    ((long) run << 32) + i)).append('\n');
                }
                if (i % 1000 == 999 || i == ROWS - 1) {
                    for (int t = 0; t < tables.length; t++) {
                        out.get(tables[t]).append(lines[t]);
                        lines[t].setLength(0);
                    }
                }
            }
            for (java.io.Writer writer : out.values()) {
                writer.close();
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyIn("""
                    copy samaritan (id, number, region_code, name, gender, birth_date, resident_id, resident_id_index,
                        resident_id_masked, phone, address, status, source, source_document, created_by, created_at,
                        updated_at) from stdin""", Files.newBufferedReader(dir.resolve("person")));
            copy.copyIn("""
                    copy deed (id, number, region_code, category, source, status, occurred_at, address, title,
                        narrative, received_on, accepted_on, decided_on, decided_by, closed_on, created_by, created_at,
                        updated_at) from stdin""", Files.newBufferedReader(dir.resolve("deed")));
            copy.copyIn("""
                    copy deed_participant (id, deed_id, role, name, resident_id, resident_id_index, resident_id_masked,
                        harm, outcome) from stdin""", Files.newBufferedReader(dir.resolve("actor")));
            copy.copyIn("copy deed_event (deed_id, occurred_at, actor, kind, detail) from stdin",
                    Files.newBufferedReader(dir.resolve("deedEvent")));
            copy.copyIn("""
                    copy samaritan_deed (samaritan_id, deed_id, participant_id, deed_number, region_code, category,
                        occurred_on, harm, confirmed_on) from stdin""", Files.newBufferedReader(dir.resolve("confirmation")));
            copy.copyIn("copy samaritan_event (samaritan_id, occurred_at, actor, kind, detail) from stdin",
                    Files.newBufferedReader(dir.resolve("personEvent")));
            copy.copyIn("""
                    copy audit_entry (occurred_at, actor, ip, action, entity_type, entity_id, changes, detail,
                        prev_hash, hash) from stdin""", Files.newBufferedReader(dir.resolve("audit")));
            double took = seconds(start);
            connection.rollback();
            for (String table : tables) {
                Files.delete(dir.resolve(table));
            }
            Files.delete(dir);
            return took;
        }
    }

    /** As many ids of a table's identity as there are rows, drawn ahead (as {@code BatchInserts} does). */
    private static long[] ids(Connection connection, String table) throws Exception {
        long[] ids = new long[ROWS];
        try (var statement = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            statement.setString(1, table);
            statement.setInt(2, ROWS);
            try (var result = statement.executeQuery()) {
                for (int i = 0; result.next(); i++) {
                    ids[i] = result.getLong(1);
                }
            }
        }
        return ids;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

package org.yiyong.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.internal.ImportWorkbooks;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.StaleRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of registers: an upload is read as a stream, every row checked by the register's rules (duplicates within
 * the file and records already on file found by their natural key), and kept with its check report; nothing is saved
 * until the user confirms, and then every valid row is saved or none. An import can be undone as a whole while
 * nothing refers to its records. An import is seen by the person who made it and by city staff.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
public class Imports {

    public static final String ENTITY = "ImportJob";
    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 200_000;
    private static final long MAX_BYTES = 60L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Map<String, ImportRegister> registers = new LinkedHashMap<>();
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ImportWorkbooks workbooks;
    private final FieldCipher cipher;

    Imports(JdbcClient jdbc, JdbcTemplate template, List<ImportRegister> registers, AuditTrail audit, Clock clock,
            JsonMapper json, MessageSource messages, ImportWorkbooks workbooks, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.template = template;
        registers.forEach(register -> this.registers.put(register.key(), register));
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
        this.workbooks = workbooks;
    }

    /** Where an import stands. Stored by name. */
    public enum Status {
        /** checked, nothing saved yet */
        CHECKED,
        /** its valid rows saved */
        SAVED,
        /** its records removed again */
        UNDONE,
        /** dropped without saving */
        DISCARDED
    }

    /** What became of a row. Stored by name. */
    public enum Outcome {
        VALID, REFUSED, EXISTS, SAVED
    }

    public record Job(long id, String register, String fileName, String sha256, Status status, int totalRows,
            int validRows, int refusedRows, int existingRows, int savedRows, List<String> headers, String createdBy,
            Instant createdAt, String confirmedBy, Instant confirmedAt, String undoneBy, Instant undoneAt,
            long version) {
    }

    /** A row of the check report: its number, its cells by header, its problems (header: reason), its outcome. */
    public record ReportRow(int number, Map<String, String> cells, List<CellProblem> problems, Outcome outcome) {
    }

    /** A problem of a row: the header of its column (null for the row as a whole) and the reason. */
    public record CellProblem(String header, String message) {
    }

    /** The registers the caller may import into. */
    public List<ImportRegister> registers(CurrentUser me) {
        return registers.values().stream().filter(register -> register.mayImport(me)).toList();
    }

    public ImportRegister register(CurrentUser me, String key) {
        ImportRegister register = registers.get(key);
        if (register == null || !register.mayImport(me)) {
            throw new RecordNotFound("ImportRegister", key);
        }
        return register;
    }

    /** The template of a register: headers, an example row, drop-downs for coded columns, a sheet of help. */
    public void template(CurrentUser me, String key, OutputStream out) {
        workbooks.template(register(me, key), out);
    }

    /**
     * Reads and checks an upload. The whole file is refused when it is not a workbook, has no header row with the
     * register's required columns, or holds no rows or too many; otherwise every row is kept with its outcome.
     */
    @Transactional
    public Job check(CurrentUser me, String key, String fileName, InputStream content) {
        ImportRegister register = register(me, key);
        String name = fileName == null || fileName.isBlank() ? "导入.xlsx"
                : fileName.replaceAll("^.*[/\\\\]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        Path file = null;
        try {
            file = Files.createTempFile("yiyong-import-", ".xlsx");
            String sha256 = copy(content, file);
            ImportWorkbooks.Sheet sheet = workbooks.read(register, file);
            Instant now = clock.instant();
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into import_job (register, file_name, file_sha256, status, headers, created_by, created_at)
                    values (:register, :name, :sha, 'CHECKED', :headers, :by, :at)""")
                    .param("register", key).param("name", name).param("sha", sha256)
                    .param("headers", json.writeValueAsString(sheet.headers())).param("by", me.username())
                    .param("at", Timestamp.from(now)).update(keys, "id");
            long id = keys.getKeyAs(Number.class).longValue();
            int[] counts = checkRows(me, register, id, sheet);
            jdbc.sql("""
                    update import_job set total_rows = :total, valid_rows = :valid, refused_rows = :refused,
                        existing_rows = :existing where id = :id""")
                    .param("total", counts[0]).param("valid", counts[1]).param("refused", counts[2])
                    .param("existing", counts[3]).param("id", id).update();
            audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(key + " " + name + ": "
                    + counts[0] + " rows, " + counts[1] + " valid, " + counts[2] + " refused, " + counts[3]
                    + " on file already"));
            return get(me, id);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    /** Checks each row; answers the counts: total, valid, refused, already on file. */
    private int[] checkRows(CurrentUser me, ImportRegister register, long jobId, ImportWorkbooks.Sheet sheet) {
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        List<Object[]> batch = new ArrayList<>();
        List<ImportWorkbooks.SheetRow> rows = sheet.rows();
        // the keys on file are asked for all the file's keys at once, after the rows are checked
        List<ImportRegister.Check> checks = new ArrayList<>(rows.size());
        for (ImportWorkbooks.SheetRow row : rows) {
            checks.add(register.check(me, row.cells()));
        }
        Set<String> existing = register.existing(checks.stream().filter(ImportRegister.Check::isValid)
                .map(ImportRegister.Check::naturalKey).toList());
        int valid = 0;
        int refused = 0;
        int onFile = 0;
        for (int i = 0; i < rows.size(); i++) {
            ImportWorkbooks.SheetRow row = rows.get(i);
            ImportRegister.Check check = checks.get(i);
            List<CellProblem> problems = new ArrayList<>(problems(register, check.problems()));
            Outcome outcome;
            if (!check.isValid()) {
                outcome = Outcome.REFUSED;
            } else if (firstRowOfKey.containsKey(check.naturalKey())) {
                problems.add(new CellProblem(null, message("import.duplicate-in-file",
                        firstRowOfKey.get(check.naturalKey()))));
                outcome = Outcome.REFUSED;
            } else if (existing.contains(check.naturalKey())) {
                firstRowOfKey.put(check.naturalKey(), row.number());
                problems.add(new CellProblem(null, message("import.on-file")));
                outcome = Outcome.EXISTS;
            } else {
                firstRowOfKey.put(check.naturalKey(), row.number());
                outcome = Outcome.VALID;
            }
            switch (outcome) {
                case VALID -> valid++;
                case EXISTS -> onFile++;
                default -> refused++;
            }
            // what the file said and what it became hold ID numbers and phones: kept encrypted, like the registry
            batch.add(new Object[] {jobId, row.number(), cipher.encrypt(json.writeValueAsString(row.byHeader())),
                    check.isValid() ? cipher.encrypt(json.writeValueAsString(check.values())) : null,
                    problems.isEmpty() ? null : json.writeValueAsString(problems), check.naturalKey(), outcome.name()});
            if (batch.size() == 1000) {
                insert(batch);
            }
        }
        insert(batch);
        return new int[] {rows.size(), valid, refused, onFile};
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into import_row (job_id, row_number, cells, normalised, problems, natural_key, outcome)
                values (?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    private List<CellProblem> problems(ImportRegister register, List<ImportRegister.Problem> problems) {
        Map<String, String> headers = new HashMap<>();
        register.columns().forEach(column -> headers.put(column.key(), column.header()));
        return problems.stream().map(problem -> new CellProblem(problem.column() == null ? null
                : headers.getOrDefault(problem.column(), problem.column()),
                message(problem.messageKey(), problem.arguments().toArray()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static String copy(InputStream content, Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(file)) {
                size = in.transferTo(out);
            }
            if (size == 0) {
                throw new InvalidField("file", "file.empty");
            }
            if (size > MAX_BYTES) {
                throw new InvalidField("file", "import.file.too-large", MAX_BYTES / 1024 / 1024);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public List<Job> list(CurrentUser me) {
        return jdbc.sql(SELECT + " where created_by = :me or :city = 1 order by created_at desc, id desc limit 200")
                .param("me", me.username()).param("city", me.has(Role.CITY_STAFF) ? 1 : 0)
                .query(this::job).list();
    }

    public Job get(CurrentUser me, long id) {
        Job job = jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::job).optional()
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
        if (!job.createdBy().equals(me.username()) && !me.has(Role.CITY_STAFF)) {
            throw new RecordNotFound(ENTITY, id);
        }
        return job;
    }

    /** The rows of the report: all of them, or only those not valid; at most {@code limit}, in file order. */
    public List<ReportRow> rows(CurrentUser me, long id, boolean problemsOnly, int limit) {
        get(me, id);
        return jdbc.sql("select row_number, cells, problems, outcome from import_row where job_id = :id"
                        + (problemsOnly ? " and outcome in ('REFUSED', 'EXISTS')" : "") + " order by row_number")
                .param("id", id).query(this::reportRow).list().stream().limit(limit).toList();
    }

    /** The check report as the uploaded workbook with an error column and the faulty cells highlighted. */
    public void report(CurrentUser me, long id, OutputStream out) {
        Job job = get(me, id);
        workbooks.report(job.headers(), rows(me, id, false, MAX_ROWS), out);
    }

    /**
     * Saves the valid rows, all of them in this transaction or none; the rows then say which record each became.
     */
    @Transactional
    public Job confirm(CurrentUser me, long id, long version) {
        Job job = get(me, id);
        ImportRegister register = register(me, job.register());
        if (job.status() != Status.CHECKED) {
            throw new ImportRuleBroken("import.not-checked");
        }
        if (job.validRows() == 0) {
            throw new InvalidField("rows", "import.nothing-valid");
        }
        moveTo(job, version, Status.CHECKED, Status.SAVED, "confirmed_by = :by, confirmed_at = :at", me);
        List<Object[]> valid = jdbc.sql("""
                select id, row_number, normalised from import_row where job_id = :id and outcome = 'VALID'
                order by row_number""").param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getInt("row_number"),
                        cipher.decrypt(rs.getString("normalised"))})
                .list();
        List<ImportRegister.Row> rows = valid.stream().map(row -> new ImportRegister.Row((int) row[1],
                json.readValue((String) row[2], new TypeReference<Map<String, String>>() { }))).toList();
        List<Long> records = register.save(me, new ImportRegister.Source(id, job.fileName()), rows);
        List<Object[]> saved = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            saved.add(new Object[] {records.get(i), valid.get(i)[0]});
        }
        template.batchUpdate("update import_row set outcome = 'SAVED', record_id = ? where id = ?", saved);
        jdbc.sql("update import_job set saved_rows = :saved where id = :id").param("saved", records.size())
                .param("id", id).update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("confirmed: " + records.size()
                + " records saved"));
        return get(me, id);
    }

    /** Removes the records an import saved, when nothing refers to them yet. */
    @Transactional
    public Job undo(CurrentUser me, long id, long version) {
        Job job = get(me, id);
        ImportRegister register = register(me, job.register());
        if (job.status() != Status.SAVED) {
            throw new ImportRuleBroken("import.not-saved");
        }
        int removed = register.undo(me, id);
        moveTo(job, version, Status.SAVED, Status.UNDONE, "undone_by = :by, undone_at = :at", me);
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id).withDetail("undone: " + removed
                + " records removed"));
        return get(me, id);
    }

    /** Drops a checked import without saving anything. */
    @Transactional
    public Job discard(CurrentUser me, long id, long version) {
        Job job = get(me, id);
        if (job.status() != Status.CHECKED) {
            throw new ImportRuleBroken("import.not-checked");
        }
        moveTo(job, version, Status.CHECKED, Status.DISCARDED, "undone_by = :by, undone_at = :at", me);
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id).withDetail("discarded"));
        return get(me, id);
    }

    private void moveTo(Job job, long version, Status from, Status to, String set, CurrentUser me) {
        int updated = jdbc.sql("update import_job set status = :to, " + set
                        + ", version = version + 1 where id = :id and version = :version and status = :from")
                .param("to", to.name()).param("by", me.username()).param("at", Timestamp.from(clock.instant()))
                .param("id", job.id()).param("version", version).param("from", from.name()).update();
        if (updated == 0) {
            throw new StaleRecord(ENTITY, job.id());
        }
    }

    /** The import and row a record came from, for its profile: file, row, who, when. */
    public Optional<Provenance> provenance(long importId, int row) {
        return jdbc.sql("select file_name, created_by, confirmed_by, confirmed_at from import_job where id = :id")
                .param("id", importId).query((rs, n) -> new Provenance(importId, rs.getString("file_name"), row,
                        rs.getString("confirmed_by"), instant(rs, "confirmed_at"))).optional();
    }

    /** Where an imported record came from. */
    public record Provenance(long importId, String fileName, int row, String by, Instant at) {
    }

    private static final String SELECT = """
            select id, register, file_name, file_sha256, status, total_rows, valid_rows, refused_rows, existing_rows,
                   saved_rows, headers, created_by, created_at, confirmed_by, confirmed_at, undone_by, undone_at, version
            from import_job""";

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("register"), rs.getString("file_name"),
                rs.getString("file_sha256"), Status.valueOf(rs.getString("status")), rs.getInt("total_rows"),
                rs.getInt("valid_rows"), rs.getInt("refused_rows"), rs.getInt("existing_rows"),
                rs.getInt("saved_rows"), json.readValue(rs.getString("headers"), new TypeReference<List<String>>() { }),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"), rs.getString("undone_by"), instant(rs, "undone_at"), rs.getLong("version"));
    }

    private ReportRow reportRow(ResultSet rs, int row) throws SQLException {
        String problems = rs.getString("problems");
        return new ReportRow(rs.getInt("row_number"),
                json.readValue(cipher.decrypt(rs.getString("cells")),
                        new TypeReference<LinkedHashMap<String, String>>() { }),
                problems == null ? List.of() : json.readValue(problems, new TypeReference<List<CellProblem>>() { }),
                Outcome.valueOf(rs.getString("outcome")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

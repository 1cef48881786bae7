package org.yiyong.imports;

import jakarta.annotation.PreDestroy;
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
import java.time.Duration;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.internal.ImportWorkbooks;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.StaleRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of registers: an upload is read as a stream, every row checked by the register's rules (duplicates within
 * the file and records already on file found by their natural key), and kept with its check report; nothing is saved
 * until the user confirms, and then every valid row is saved or none. Reading and saving run in the background a part
 * at a time, the job saying how far it has got; either may be cancelled, leaving nothing behind. An import can be
 * undone as a whole while nothing refers to its records. An import is seen by the person who made it and by city
 * staff.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
public class Imports {

    public static final String ENTITY = "ImportJob";
    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 200_000;
    private static final long MAX_BYTES = 60L * 1024 * 1024;
    /** A job running that has not said how far it got for this long has stopped (its node went down). */
    private static final Duration SILENT = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Map<String, ImportRegister> registers = new LinkedHashMap<>();
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ImportWorkbooks workbooks;
    private final FieldCipher cipher;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate apart;
    private final ThreadPoolTaskExecutor workers;
    /** Rows checked, or saved, in one part ({@code yiyong.imports.part-rows}). */
    private final int part;

    Imports(JdbcClient jdbc, JdbcTemplate template, List<ImportRegister> registers, AuditTrail audit, Clock clock,
            JsonMapper json, MessageSource messages, ImportWorkbooks workbooks, FieldCipher cipher,
            PlatformTransactionManager transactions, @Value("${yiyong.imports.part-rows:2000}") int part) {
        this.cipher = cipher;
        this.part = Math.max(1, part);
        this.jdbc = jdbc;
        this.template = template;
        registers.forEach(register -> this.registers.put(register.key(), register));
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
        this.workbooks = workbooks;
        this.inTransaction = new TransactionTemplate(transactions);
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = new ThreadPoolTaskExecutor();
        workers.setCorePoolSize(2);
        workers.setMaxPoolSize(2);
        workers.setQueueCapacity(50);
        workers.setThreadNamePrefix("import-");
        workers.setWaitForTasksToCompleteOnShutdown(false);
        workers.initialize();
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** Where an import stands. Stored by name. */
    public enum Status {
        /** being read and checked */
        CHECKING,
        /** checked, nothing saved yet */
        CHECKED,
        /** its valid rows being saved */
        SAVING,
        /** its valid rows saved */
        SAVED,
        /** its records removed again */
        UNDONE,
        /** dropped without saving */
        DISCARDED,
        /** stopped while checking or saving: nothing of it kept */
        CANCELLED,
        /** stopped by a fault while checking or saving: nothing of it kept */
        FAILED;

        public boolean isRunning() {
            return this == CHECKING || this == SAVING;
        }
    }

    /** What became of a row. Stored by name. */
    public enum Outcome {
        VALID, REFUSED, EXISTS, SAVED
    }

    /**
     * An import: its file, where it stands, its counts; while it runs, the rows done of those expected (read from
     * the sheet's own size while checking, the valid rows while saving), since when and when last heard of.
     */
    public record Job(long id, String register, String fileName, String sha256, Status status, int totalRows,
            int validRows, int refusedRows, int existingRows, int savedRows, List<String> headers, String createdBy,
            Instant createdAt, String confirmedBy, Instant confirmedAt, String undoneBy, Instant undoneAt,
            long version, int expectedRows, int rowsDone, Instant startedAt, Instant progressAt,
            boolean cancelRequested, String failure) {

        /** How far the running step is, 0–100; {@code null} when the size is not known. */
        public Integer percent() {
            if (!status.isRunning() || expectedRows <= 0) {
                return null;
            }
            return Math.min(99, (int) (100L * rowsDone / expectedRows));
        }

        /** Seconds the running step will still take at its pace so far; {@code null} before it is known. */
        public Long secondsLeft() {
            if (!status.isRunning() || expectedRows <= 0 || rowsDone <= 0 || startedAt == null || progressAt == null) {
                return null;
            }
            long millis = Duration.between(startedAt, progressAt).toMillis();
            if (millis <= 0) {
                return null;
            }
            return Math.max(0, (expectedRows - rowsDone) * millis / rowsDone / 1000);
        }
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
     * Reads and checks an upload in the caller's thread, answering when it is checked.
     *
     * @throws InvalidField on {@code file} when it is not a workbook, has no header row with the register's required
     *     columns, or holds no rows or too many (the import then stands as failed)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Job check(CurrentUser me, String key, String fileName, InputStream content) {
        Upload upload = begin(me, key, fileName, content);
        runCheck(me, upload, true);
        return get(me, upload.id());
    }

    /**
     * Takes an upload and checks it in the background: answers at once, the job {@link Status#CHECKING} with the rows
     * expected. A file that is not a workbook or lacks the register's required columns is refused here.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Job start(CurrentUser me, String key, String fileName, InputStream content) {
        Upload upload = begin(me, key, fileName, content);
        inBackground(upload.id(), () -> runCheck(me, upload, false), () -> delete(upload.file()));
        return get(me, upload.id());
    }

    /** An upload taken: its job, its register and the file kept until it is checked. */
    private record Upload(long id, ImportRegister register, String fileName, Path file) {
    }

    private Upload begin(CurrentUser me, String key, String fileName, InputStream content) {
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
            ImportWorkbooks.Header header = workbooks.header(register, file);
            String fileNameKept = name;
            long id = inTransaction.execute(status -> {
                Instant now = clock.instant();
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into import_job (register, file_name, file_sha256, status, headers, created_by,
                                                created_at, expected_rows, started_at)
                        values (:register, :name, :sha, 'CHECKING', :headers, :by, :at, :expected, :at)""")
                        .param("register", key).param("name", fileNameKept).param("sha", sha256)
                        .param("headers", json.writeValueAsString(header.headers())).param("by", me.username())
                        .param("at", Timestamp.from(now)).param("expected", header.expectedRows())
                        .update(keys, "id");
                long created = keys.getKeyAs(Number.class).longValue();
                jdbc.sql("insert into import_progress (job_id, progress_at) values (:id, :at)").param("id", created)
                        .param("at", Timestamp.from(now)).update();
                audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, created).withDetail(key + " " + fileNameKept
                        + ": uploaded, about " + header.expectedRows() + " rows"));
                return created;
            });
            return new Upload(id, register, name, file);
        } catch (IOException failed) {
            delete(file);
            throw new UncheckedIOException(failed);
        } catch (RuntimeException refused) {
            delete(file);
            throw refused;
        }
    }

    /**
     * Reads and checks the rows a part at a time, each part in a transaction of its own with the job's progress;
     * a cancel or a fault removes the rows kept so far. {@code rethrow}: a refusal of the file is thrown on as well.
     */
    private void runCheck(CurrentUser me, Upload upload, boolean rethrow) {
        long id = upload.id();
        ImportRegister register = upload.register();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        int[] counts = new int[4];
        List<ImportWorkbooks.SheetRow> rows = new ArrayList<>(part);
        try {
            workbooks.read(register, upload.file(), row -> {
                rows.add(row);
                if (rows.size() == part) {
                    checkPart(me, register, id, rows, firstRowOfKey, counts);
                    rows.clear();
                }
            });
            checkPart(me, register, id, rows, firstRowOfKey, counts);
            inTransaction.executeWithoutResult(status -> {
                int updated = jdbc.sql("""
                        update import_job set status = 'CHECKED', total_rows = :total, valid_rows = :valid,
                            refused_rows = :refused, existing_rows = :existing, expected_rows = :total,
                            version = version + 1
                        where id = :id and status = 'CHECKING'
                          and not exists (select 1 from import_progress where job_id = :id and cancel_requested)""")
                        .param("total", counts[0]).param("valid", counts[1]).param("refused", counts[2])
                        .param("existing", counts[3]).param("id", id).update();
                if (updated == 0) {
                    throw new Cancelled();
                }
                audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).byActor(me.username())
                        .withDetail(register.key() + " " + upload.fileName() + ": " + counts[0] + " rows, "
                                + counts[1] + " valid, " + counts[2] + " refused, " + counts[3] + " on file already"));
            });
        } catch (Cancelled cancelled) {
            end(me, id, Status.CHECKING, Status.CANCELLED, null, "cancelled while checking");
        } catch (InvalidField refused) {
            end(me, id, Status.CHECKING, Status.FAILED, message(refused.messageKey(), refused.arguments() == null
                    ? new Object[0] : refused.arguments()), "refused: " + refused.messageKey());
            if (rethrow) {
                throw refused;
            }
        } catch (RuntimeException fault) {
            LOG.error("import {} stopped while checking", id, fault);
            end(me, id, Status.CHECKING, Status.FAILED, message("import.failed.fault"), "failed while checking");
            if (rethrow) {
                throw fault;
            }
        } finally {
            delete(upload.file());
        }
    }

    /** Checks a part of the rows and keeps them with their outcome, in a transaction with the job's progress. */
    private void checkPart(CurrentUser me, ImportRegister register, long jobId, List<ImportWorkbooks.SheetRow> rows,
            Map<String, Integer> firstRowOfKey, int[] counts) {
        if (cancelRequested(jobId)) {
            throw new Cancelled();
        }
        if (rows.isEmpty()) {
            return;
        }
        List<ImportRegister.Check> checks = register.check(me, rows.stream().map(ImportWorkbooks.SheetRow::cells)
                .toList());
        Set<String> existing = register.existing(checks.stream().filter(ImportRegister.Check::isValid)
                .map(ImportRegister.Check::naturalKey).distinct().toList());
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportWorkbooks.SheetRow row = rows.get(i);
            ImportRegister.Check check = checks.get(i);
            List<CellProblem> problems = new ArrayList<>(problems(register, check.problems()));
            Outcome outcome;
            if (!check.isValid()) {
                outcome = Outcome.REFUSED;
            } else if (firstRowOfKey.containsKey(check.naturalKey())) {
                // a row number as written, never "1,234"
                problems.add(new CellProblem(null, message("import.duplicate-in-file",
                        String.valueOf(firstRowOfKey.get(check.naturalKey())))));
                outcome = Outcome.REFUSED;
            } else if (existing.contains(check.naturalKey())) {
                firstRowOfKey.put(check.naturalKey(), row.number());
                problems.add(new CellProblem(null, message("import.on-file")));
                outcome = Outcome.EXISTS;
            } else {
                firstRowOfKey.put(check.naturalKey(), row.number());
                outcome = Outcome.VALID;
            }
            counts[0]++;
            switch (outcome) {
                case VALID -> counts[1]++;
                case EXISTS -> counts[3]++;
                default -> counts[2]++;
            }
            // what the file said and what it became hold ID numbers and phones: kept encrypted, like the registry
            batch.add(new Object[] {jobId, row.number(), cipher.encrypt(json.writeValueAsString(row.byHeader())),
                    check.isValid() ? cipher.encrypt(json.writeValueAsString(check.values())) : null,
                    problems.isEmpty() ? null : json.writeValueAsString(problems), check.naturalKey(), outcome.name()});
        }
        inTransaction.executeWithoutResult(status -> {
            template.batchUpdate("""
                    insert into import_row (job_id, row_number, cells, normalised, problems, natural_key, outcome)
                    values (?, ?, ?, ?, ?, ?, ?)""", batch);
            progress(jobId, counts[0]);
        });
    }

    private void progress(long jobId, int done) {
        jdbc.sql("update import_progress set rows_done = :done, progress_at = :at where job_id = :id")
                .param("done", done).param("at", Timestamp.from(clock.instant())).param("id", jobId).update();
    }

    private boolean cancelRequested(long jobId) {
        return Boolean.TRUE.equals(apart.execute(status -> jdbc.sql(
                "select cancel_requested from import_progress where job_id = :id").param("id", jobId).query(Boolean.class)
                .single()));
    }

    /**
     * Ends a running step that did not finish: what it kept is removed (the rows checked; a save rolled back on its
     * own), the job stands as {@code to} with the reason shown to the user.
     */
    private void end(CurrentUser me, long id, Status from, Status to, String failure, String detail) {
        apart.executeWithoutResult(status -> {
            if (from == Status.CHECKING) {
                jdbc.sql("delete from import_row where job_id = :id").param("id", id).update();
            }
            jdbc.sql("""
                    update import_job set status = :to, failure = :failure, version = version + 1
                    where id = :id and status = :from""")
                    .param("to", to.name()).param("failure", failure).param("id", id).param("from", from.name())
                    .update();
            audit.record(AuditRecord.of(to == Status.CANCELLED ? AuditAction.DEACTIVATE : AuditAction.UPDATE, ENTITY,
                    id).byActor(me.username()).withDetail(detail));
        });
    }

    /** Runs a step in the background as the user who started it; when no worker is free, the job fails at once. */
    private void inBackground(long id, Runnable step, Runnable otherwise) {
        Runnable asUser = new DelegatingSecurityContextRunnable(step, SecurityContextHolder.getContext());
        try {
            workers.execute(asUser);
        } catch (TaskRejectedException busy) {
            otherwise.run();
            apart.executeWithoutResult(status -> jdbc.sql("""
                    update import_job set status = 'FAILED', failure = :failure, version = version + 1
                    where id = :id and status in ('CHECKING', 'SAVING')""")
                    .param("failure", message("import.failed.busy")).param("id", id).update());
        }
    }

    /** Asks a running import to stop; it stops at the end of the part it is on, keeping nothing. */
    @Transactional
    public Job cancel(CurrentUser me, long id) {
        Job job = get(me, id);
        // the progress row, not the job's: a save holds the job's row until it ends
        int updated = job.status().isRunning() ? jdbc.sql("""
                update import_progress set cancel_requested = true where job_id = :id""")
                .param("id", id).update() : 0;
        if (updated == 0) {
            throw new ImportRuleBroken("import.not-running");
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("cancel requested while "
                + job.status().name().toLowerCase(Locale.ROOT)));
        return get(me, id);
    }

    private List<CellProblem> problems(ImportRegister register, List<ImportRegister.Problem> problems) {
        if (problems.isEmpty()) {
            return List.of();
        }
        Map<String, String> headers = new HashMap<>();
        register.columns().forEach(column -> headers.put(column.key(), column.header()));
        return problems.stream().map(problem -> new CellProblem(problem.column() == null ? null
                : headers.getOrDefault(problem.column(), problem.column()),
                message(problem.messageKey(), problem.arguments().toArray()))).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up
            }
        }
    }

    /** A running step that was asked to stop. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
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
                .query(this::job).list().stream().map(this::heard).toList();
    }

    public Job get(CurrentUser me, long id) {
        Job job = jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::job).optional()
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
        if (!job.createdBy().equals(me.username()) && !me.has(Role.CITY_STAFF)) {
            throw new RecordNotFound(ENTITY, id);
        }
        return heard(job);
    }

    /**
     * A job that says it runs but has not been heard of for a while stopped with the node that ran it (a save rolled
     * back with the node's connection): it is shown, and kept, as failed.
     */
    private Job heard(Job job) {
        if (!job.status().isRunning() || job.progressAt() == null
                || job.progressAt().plus(SILENT).isAfter(clock.instant())) {
            return job;
        }
        apart.executeWithoutResult(status -> {
            if (job.status() == Status.CHECKING) {
                jdbc.sql("delete from import_row where job_id = :id").param("id", job.id()).update();
            }
            jdbc.sql("""
                    update import_job set status = 'FAILED', failure = :failure, version = version + 1
                    where id = :id and status = :status
                      and exists (select 1 from import_progress where job_id = :id and progress_at = :at)""")
                    .param("failure", message("import.failed.silent")).param("id", job.id())
                    .param("status", job.status().name()).param("at", Timestamp.from(job.progressAt())).update();
        });
        return jdbc.sql(SELECT + " where id = :id").param("id", job.id()).query(this::job).single();
    }

    /** The rows of the report: all of them, or only those not valid; at most {@code limit}, in file order. */
    public List<ReportRow> rows(CurrentUser me, long id, boolean problemsOnly, int limit) {
        get(me, id);
        return jdbc.sql("select row_number, cells, problems, outcome from import_row where job_id = :id"
                        + (problemsOnly ? " and outcome in ('REFUSED', 'EXISTS')" : "")
                        + " order by row_number fetch first " + Math.max(0, limit) + " rows only")
                .param("id", id).query(this::reportRow).list();
    }

    /**
     * The check report as the uploaded workbook with an error column and the faulty cells highlighted; the rows are
     * read and written as a stream.
     */
    public void report(CurrentUser me, long id, OutputStream out) {
        Job job = get(me, id);
        workbooks.report(job.headers(), each -> template.query(connection -> {
            var statement = connection.prepareStatement(
                    "select row_number, cells, problems, outcome from import_row where job_id = ? order by row_number");
            statement.setLong(1, id);
            statement.setFetchSize(500);
            return statement;
        }, (ResultSet rs) -> {
            each.accept(reportRow(rs, 0));
        }), out);
    }

    /**
     * Saves the valid rows in the caller's thread, all of them in one transaction or none; the rows then say which
     * record each became.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Job confirm(CurrentUser me, long id, long version) {
        ImportRegister register = beginSaving(me, id, version);
        runSave(me, id, register, true);
        return get(me, id);
    }

    /** Saves the valid rows in the background: answers at once, the job {@link Status#SAVING}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Job startSaving(CurrentUser me, long id, long version) {
        ImportRegister register = beginSaving(me, id, version);
        inBackground(id, () -> runSave(me, id, register, false), () -> { });
        return get(me, id);
    }

    private ImportRegister beginSaving(CurrentUser me, long id, long version) {
        Job job = get(me, id);
        ImportRegister register = register(me, job.register());
        if (job.status() != Status.CHECKED) {
            throw new ImportRuleBroken("import.not-checked");
        }
        if (job.validRows() == 0) {
            throw new InvalidField("rows", "import.nothing-valid");
        }
        inTransaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    update import_job set status = 'SAVING', confirmed_by = :by, confirmed_at = :at,
                        expected_rows = valid_rows, started_at = :at, failure = null,
                        version = version + 1
                    where id = :id and version = :version and status = 'CHECKED'""")
                    .param("by", me.username()).param("at", Timestamp.from(clock.instant())).param("id", id)
                    .param("version", version).update();
            if (updated == 0) {
                throw new StaleRecord(ENTITY, id);
            }
            jdbc.sql("""
                    update import_progress set rows_done = 0, progress_at = :at, cancel_requested = false
                    where job_id = :id""").param("at", Timestamp.from(clock.instant())).param("id", id).update();
            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("confirmed: saving "
                    + job.validRows() + " rows"));
        });
        return register;
    }

    /**
     * Saves the valid rows a part at a time, all parts in one transaction: a cancel or a fault rolls every part back.
     * The progress is written apart, so that it shows while the transaction runs.
     */
    private void runSave(CurrentUser me, long id, ImportRegister register, boolean rethrow) {
        Job job = get(me, id);
        try {
            inTransaction.executeWithoutResult(status -> {
                ImportRegister.Source source = new ImportRegister.Source(id, job.fileName());
                planForTheDataAsItIs();
                oneSaveOfTheRegisterAtATime(register);
                int done = 0;
                int after = 0;
                while (true) {
                    if (cancelRequested(id)) {
                        throw new Cancelled();
                    }
                    List<Object[]> valid = jdbc.sql("""
                            select id, row_number, normalised, natural_key from import_row
                            where job_id = :id and outcome = 'VALID' and row_number > :after
                            order by row_number fetch first %d rows only""".formatted(part))
                            .param("id", id).param("after", after)
                            .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getInt("row_number"),
                                    cipher.decrypt(rs.getString("normalised")), rs.getString("natural_key")})
                            .list();
                    if (valid.isEmpty()) {
                        break;
                    }
                    stillNew(register, valid);
                    List<ImportRegister.Row> rows = valid.stream().map(row -> new ImportRegister.Row((int) row[1],
                            json.readValue((String) row[2], new TypeReference<Map<String, String>>() { }))).toList();
                    List<Long> records = register.save(me, source, rows);
                    markSaved(valid, records);
                    done += valid.size();
                    after = (int) valid.get(valid.size() - 1)[1];
                    int shown = done;
                    apart.executeWithoutResult(progress -> progress(id, shown));
                    planForTheDataAsItIs();
                }
                int updated = jdbc.sql("""
                        update import_job set status = 'SAVED', saved_rows = :saved, version = version + 1
                        where id = :id and status = 'SAVING'
                          and not exists (select 1 from import_progress where job_id = :id and cancel_requested)""")
                        .param("saved", done).param("id", id).update();
                if (updated == 0) {
                    throw new Cancelled();
                }
                audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).byActor(me.username())
                        .withDetail("saved: " + done + " records"));
            });
        } catch (Cancelled cancelled) {
            end(me, id, Status.SAVING, Status.CANCELLED, null, "cancelled while saving: nothing saved");
        } catch (DomainException refused) {
            end(me, id, Status.SAVING, Status.FAILED, message(refused.messageKey(), refused.arguments() == null
                    ? new Object[0] : refused.arguments()), "failed while saving: " + refused.messageKey());
            if (rethrow) {
                throw refused;
            }
        } catch (RuntimeException fault) {
            LOG.error("import {} stopped while saving", id, fault);
            end(me, id, Status.SAVING, Status.FAILED, message("import.failed.fault"), "failed while saving");
            if (rethrow) {
                throw fault;
            }
        }
    }

    /**
     * Refuses the save when a row checked as new is on file now: another import of the same register (the same file
     * uploaded twice, say) was saved after this one was checked. Nothing of this import is kept.
     */
    private static void stillNew(ImportRegister register, List<Object[]> rows) {
        List<String> keys = rows.stream().map(row -> (String) row[3]).filter(java.util.Objects::nonNull).toList();
        Set<String> onFile = keys.isEmpty() ? Set.of() : register.existing(keys);
        if (!onFile.isEmpty()) {
            int first = rows.stream().filter(row -> onFile.contains((String) row[3])).mapToInt(row -> (int) row[1])
                    .min().orElse(0);
            throw new ImportRuleBroken("import.save.on-file-now", String.valueOf(onFile.size()),
                    String.valueOf(first));
        }
    }

    /**
     * On PostgreSQL, holds the register's lock until the save commits, so that two saves of one register run one
     * after the other and the second sees what the first saved ({@link #stillNew}).
     */
    private void oneSaveOfTheRegisterAtATime(ImportRegister register) {
        if (Boolean.TRUE.equals(postgres)) {
            template.queryForList("select pg_advisory_xact_lock(hashtext(?))", "yiyong-import-" + register.key());
        }
    }

    /** Notes each row of a part as saved, with the record it became: one statement on PostgreSQL. */
    private void markSaved(List<Object[]> rows, List<Long> records) {
        if (Boolean.TRUE.equals(postgres)) {
            Long[] ids = rows.stream().map(row -> (Long) row[0]).toArray(Long[]::new);
            template.execute((java.sql.Connection connection) -> {
                try (var update = connection.prepareStatement("""
                        update import_row r set outcome = 'SAVED', record_id = v.record
                        from (select unnest(?::bigint[]) as id, unnest(?::bigint[]) as record) v
                        where r.id = v.id""")) {
                    update.setArray(1, connection.createArrayOf("bigint", ids));
                    update.setArray(2, connection.createArrayOf("bigint", records.toArray(Long[]::new)));
                    return update.executeUpdate();
                }
            });
            return;
        }
        List<Object[]> saved = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            saved.add(new Object[] {records.get(i), rows.get(i)[0]});
        }
        template.batchUpdate("update import_row set outcome = 'SAVED', record_id = ? where id = ?", saved);
    }

    /**
     * On PostgreSQL, has the statements of the save planned again for the tables as they are now, at its start and
     * after each part: the save grows them by many rows in one transaction, and a plan cached while they were small
     * (a scan of the whole table to look a key up, as the check of a foreign key does thousands of times) would be
     * kept for a table now large. Planning once a part rather than once a statement (as {@code force_custom_plan}
     * would) leaves the key checks their cached plans in between.
     */
    private void planForTheDataAsItIs() {
        if (postgres == null) {
            postgres = template.execute((java.sql.Connection connection) ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
        }
        if (Boolean.TRUE.equals(postgres)) {
            template.execute("discard plans");
        }
    }

    private volatile Boolean postgres;

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
                   saved_rows, headers, created_by, created_at, confirmed_by, confirmed_at, undone_by, undone_at, version,
                   expected_rows, rows_done, started_at, progress_at, cancel_requested, failure
            from import_job left join import_progress on job_id = id""";

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("register"), rs.getString("file_name"),
                rs.getString("file_sha256"), Status.valueOf(rs.getString("status")), rs.getInt("total_rows"),
                rs.getInt("valid_rows"), rs.getInt("refused_rows"), rs.getInt("existing_rows"),
                rs.getInt("saved_rows"), json.readValue(rs.getString("headers"), new TypeReference<List<String>>() { }),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"), rs.getString("undone_by"), instant(rs, "undone_at"), rs.getLong("version"),
                rs.getInt("expected_rows"), rs.getInt("rows_done"), instant(rs, "started_at"),
                instant(rs, "progress_at"), rs.getBoolean("cancel_requested"), rs.getString("failure"));
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

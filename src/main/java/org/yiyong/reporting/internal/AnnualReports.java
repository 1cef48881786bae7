package org.yiyong.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.evaluation.Evaluations;
import org.yiyong.evaluation.Subject;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Region;
import org.yiyong.organization.Regions;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;
import org.yiyong.reporting.Statistics.StatisticsReport;
import org.yiyong.reporting.Statistics;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.RegionCode;
import org.yiyong.shared.StaleRecord;

/**
 * The annual work reports (年度工作报告) of a region: a draft per year, whose figures' sentences are generated
 * from the statistics of that year and region ({@link Statistics}, the same numbers as the statistics page)
 * and whose sections' narratives staff write; every save counts a draft. Issuing numbers the report, keeps the
 * sentences it was issued with and locks it. City and county staff write the reports of their scope, leaders
 * read them; a report outside the reader's scope does not exist for them. Every change is audited.
 */
@Service
@Transactional
public class AnnualReports {

    /** Who writes reports: the staff of the city and the counties. */
    public static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    /** Who reads reports: the staff and the leaders. */
    public static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    /** The longest narrative of a section, in characters. */
    public static final int NARRATIVE_MAX = 10_000;

    static final String ENTITY = "AnnualReport";
    static final String DRAFT = "DRAFT";
    static final String ISSUED = "ISSUED";

    private final JdbcClient jdbc;
    private final Statistics statistics;
    private final Regions regions;
    private final DocumentNumbers numbers;
    private final AnnualReportText text;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final Evaluations evaluations;

    AnnualReports(JdbcClient jdbc, Statistics statistics, Regions regions, DocumentNumbers numbers,
            AnnualReportText text, MessageSource messages, AuditTrail audit, Clock clock, Evaluations evaluations) {
        this.evaluations = evaluations;
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.regions = regions;
        this.numbers = numbers;
        this.text = text;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** An annual work report with its sections, their generated sentences and narratives. */
    public record AnnualReport(long id, int year, String regionCode, String regionName, String title,
            String status, long version, int draftNumber, String documentNumber, LocalDate issuedOn,
            String issuedBy, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            List<ReportSection> sections) {

        /** Whether the report is issued, and so numbered and locked. */
        public boolean issued() {
            return ISSUED.equals(status);
        }
    }

    /** A section of the report: its heading (一、表彰奖励), the generated sentences and the staff's narrative. */
    public record ReportSection(String key, int position, String heading, List<String> sentences,
            String narrative) {

        /** The narrative's paragraphs, one per line that is not blank. */
        public List<String> paragraphs() {
            return narrative == null ? List.of()
                    : narrative.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    /** A report in the list of a region's reports. */
    public record ReportSummary(long id, int year, String regionCode, String regionName, String status,
            int draftNumber, String documentNumber, LocalDate issuedOn) {

        /** Whether the report is issued. */
        public boolean issued() {
            return ISSUED.equals(status);
        }
    }

    /** The reports of a region (the user's own when not given), the latest year first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ReportSummary> list(CurrentUser me, RegionCode regionCode) {
        Region region = region(me, regionCode);
        return jdbc.sql("""
                select id, report_year, region_code, status, draft_number, document_number, issued_on
                from annual_report where region_code = :region order by report_year desc""")
                .param("region", region.code())
                .query((rs, row) -> new ReportSummary(rs.getLong("id"), rs.getInt("report_year"),
                        rs.getString("region_code"), region.name(), rs.getString("status"),
                        rs.getInt("draft_number"), rs.getString("document_number"),
                        rs.getObject("issued_on", LocalDate.class)))
                .list();
    }

    /** Begins the report of a year for a region (the user's own when not given): a draft with empty narratives. */
    @PreAuthorize(WRITE)
    public AnnualReport create(CurrentUser me, Integer year, RegionCode regionCode) {
        int reportYear = Inputs.year("year", Inputs.required("year", year));
        Region region = region(me, regionCode);
        Long existing = jdbc.sql("select id from annual_report where report_year = :year and region_code = :region")
                .param("year", reportYear).param("region", region.code()).query(Long.class).optional().orElse(null);
        if (existing != null) {
            throw new AnnualReportRuleBroken("annual-report.exists", String.valueOf(reportYear), region.name());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into annual_report (report_year, region_code, status, version, draft_number, created_by,
                                               created_at)
                    values (:year, :region, 'DRAFT', 0, 0, :by, :at)""")
                    .param("year", reportYear).param("region", region.code()).param("by", me.username())
                    .param("at", now())
                    .update(keys, "id");
        } catch (DuplicateKeyException taken) {
            throw new AnnualReportRuleBroken("annual-report.exists", String.valueOf(reportYear), region.name());
        }
        long id = keys.getKey().longValue();
        for (AnnualReportSection section : AnnualReportSection.values()) {
            jdbc.sql("""
                    insert into annual_report_section (report_id, section_key, position)
                    values (:report, :key, :position)""")
                    .param("report", id).param("key", section.name()).param("position", section.ordinal() + 1)
                    .update();
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withChanges(Changes.created(Changes.snapshot(
                "year", reportYear, "regionCode", region.code(), "status", DRAFT, "draftNumber", 0))));
        return load(me, id);
    }

    /** The report with its sections; the sentences of a draft are generated from today's statistics. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public AnnualReport get(CurrentUser me, long id) {
        return load(me, id);
    }

    /**
     * Saves the narratives of a draft's sections ({@code narratives} by section key; a section not given keeps
     * its narrative), counting one more draft.
     *
     * @throws StaleRecord when {@code version} is not the report's current one
     * @throws AnnualReportRuleBroken when the report is issued
     */
    @PreAuthorize(WRITE)
    public AnnualReport save(CurrentUser me, long id, Long version, Map<String, String> narratives) {
        Row row = row(me, id);
        editable(row, version);
        Map<String, String> before = narratives(id);
        Map<String, String> after = new LinkedHashMap<>(before);
        Map<String, String> given = narratives == null ? Map.of() : narratives;
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (AnnualReportSection.byKey(entry.getKey()) == null) {
                throw new InvalidField("narratives", "annual-report.unknown-section");
            }
            String field = "narratives." + entry.getKey();
            after.put(entry.getKey(), Inputs.text(field, entry.getValue(), NARRATIVE_MAX, false));
        }
        int updated = jdbc.sql("""
                update annual_report set version = version + 1, draft_number = draft_number + 1, updated_by = :by,
                       updated_at = :at
                where id = :id and version = :version""")
                .param("by", me.username()).param("at", now()).param("id", id).param("version", version)
                .update();
        if (updated != 1) {
            throw new StaleRecord(ENTITY, id);
        }
        for (Map.Entry<String, String> entry : after.entrySet()) {
            if (!Objects.equals(entry.getValue(), before.get(entry.getKey()))) {
                jdbc.sql("""
                        update annual_report_section set narrative = :text
                        where report_id = :id and section_key = :key""")
                        .param("text", entry.getValue()).param("id", id).param("key", entry.getKey()).update();
            }
        }
        Map<String, Object> was = Changes.snapshot("draftNumber", row.draftNumber());
        Map<String, Object> is = Changes.snapshot("draftNumber", row.draftNumber() + 1);
        before.forEach((key, value) -> was.put("narrative." + key, value));
        after.forEach((key, value) -> is.put("narrative." + key, value));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(was, is))
                .withDetail("draft " + (row.draftNumber() + 1) + " of the annual report " + row.year() + " of "
                        + row.regionCode()));
        return load(me, id);
    }

    /**
     * Issues a draft: it is numbered, keeps the sentences generated now, and can no longer be edited.
     *
     * @throws StaleRecord when {@code version} is not the report's current one
     * @throws AnnualReportRuleBroken when the report is already issued
     */
    @PreAuthorize(WRITE)
    public AnnualReport issue(CurrentUser me, long id, Long version) {
        Row row = row(me, id);
        editable(row, version);
        Region region = regions.find(row.regionCode()).orElseThrow(() -> new RecordNotFound(ENTITY, id));
        StatisticsReport figures = figures(me, row);
        for (AnnualReportSection section : AnnualReportSection.values()) {
            jdbc.sql("""
                    update annual_report_section set generated_text = :text
                    where report_id = :id and section_key = :key""")
                    .param("text", String.join("\n", sentences(section, figures, row)))
                    .param("id", id).param("key", section.name()).update();
        }
        int issueYear = numbers.currentYear();
        String number = numbers.next(DocumentKind.ANNUAL_REPORT,
                numbers.counter("annual_report_number_sequence",
                        Map.of("region_code", region.code(), "doc_year", issueYear)),
                Map.of("year", issueYear, "regionShort", numbers.regionShort(region.name())));
        LocalDate today = LocalDate.now(clock);
        int updated = jdbc.sql("""
                update annual_report set status = 'ISSUED', version = version + 1, document_number = :number,
                       issued_on = :today, issued_by = :by, updated_by = :by, updated_at = :at
                where id = :id and version = :version and status = 'DRAFT'""")
                .param("number", number).param("today", today).param("by", me.username()).param("at", now())
                .param("id", id).param("version", version)
                .update();
        if (updated != 1) {
            throw new StaleRecord(ENTITY, id);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(
                Changes.snapshot("status", DRAFT, "documentNumber", null, "issuedOn", null, "issuedBy", null),
                Changes.snapshot("status", ISSUED, "documentNumber", number, "issuedOn", today,
                        "issuedBy", me.username())))
                .withDetail("issued the annual report " + row.year() + " of " + row.regionCode()
                        + " after draft " + row.draftNumber()));
        return load(me, id);
    }

    /** Records that the report was downloaded as {@code format}, in a transaction of its own. */
    public void downloaded(AnnualReport report, String format) {
        audit.recordEvent(AuditRecord.of(AuditAction.FILE_DOWNLOADED, ENTITY, report.id())
                .withDetail(format + " annual report " + report.year() + " of " + report.regionCode()
                        + (report.issued() ? " " + report.documentNumber() : " draft " + report.draftNumber())));
    }

    private void editable(Row row, Long version) {
        if (ISSUED.equals(row.status())) {
            throw new AnnualReportRuleBroken("annual-report.locked", row.documentNumber());
        }
        if (version == null) {
            throw new InvalidField("version", "validation.required");
        }
        if (version != row.version()) {
            throw new StaleRecord(ENTITY, row.id());
        }
    }

    private AnnualReport load(CurrentUser me, long id) {
        Row row = row(me, id);
        String regionName = regions.nameOf(row.regionCode());
        List<SectionRow> sectionRows = jdbc.sql("""
                select section_key, position, narrative, generated_text from annual_report_section
                where report_id = :id order by position""")
                .param("id", id)
                .query((rs, n) -> new SectionRow(rs.getString("section_key"), rs.getInt("position"),
                        rs.getString("narrative"), rs.getString("generated_text")))
                .list();
        StatisticsReport figures = ISSUED.equals(row.status()) ? null : figures(me, row);
        List<ReportSection> sections = new ArrayList<>();
        int number = 0;
        for (SectionRow section : sectionRows) {
            AnnualReportSection kind = AnnualReportSection.byKey(section.key());
            if (kind == null) {
                continue;
            }
            number++;
            List<String> sentences;
            if (figures == null) {
                sentences = section.generated() == null || section.generated().isEmpty() ? List.of()
                        : section.generated().lines().toList();
            } else {
                sentences = sentences(kind, figures, row);
            }
            String heading = messages.getMessage("annual-report.heading." + kind.name(),
                    new Object[] {String.valueOf(row.year() + 1)}, AnnualReportText.CHINESE);
            sections.add(new ReportSection(kind.name(), section.position(),
                    PdfDocuments.chineseNumber(number) + "、" + heading, sentences,
                    section.narrative()));
        }
        String title = messages.getMessage("annual-report.document-title",
                new Object[] {regionName, String.valueOf(row.year())}, AnnualReportText.CHINESE);
        return new AnnualReport(row.id(), row.year(), row.regionCode(), regionName, title, row.status(),
                row.version(), row.draftNumber(), row.documentNumber(), row.issuedOn(), row.issuedBy(),
                row.createdBy(), row.createdAt(), row.updatedBy(), row.updatedAt(), List.copyOf(sections));
    }

    /** A section's sentences: the figures of the statistics, or for the evaluation the year's published rounds. */
    private List<String> sentences(AnnualReportSection section, StatisticsReport figures, Row row) {
        if (section != AnnualReportSection.EVALUATION) {
            return text.sentences(section, figures);
        }
        List<String> sentences = new ArrayList<>();
        for (Subject subject : Subject.values()) {
            evaluations.published(row.year(), subject)
                    .ifPresent(result -> text.evaluation(result, row.regionCode()).ifPresent(sentences::add));
        }
        return sentences.isEmpty() ? text.sentences(section, figures) : sentences;
    }

    /** The statistics of the report's year and region, labelled in Chinese as the report is written. */
    private StatisticsReport figures(CurrentUser me, Row row) {
        return inChinese(() -> statistics.of(me, row.year(), RegionCode.of(row.regionCode())));
    }

    private static <T> T inChinese(Supplier<T> work) {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        try {
            LocaleContextHolder.setLocale(AnnualReportText.CHINESE);
            return work.get();
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private Map<String, String> narratives(long id) {
        Map<String, String> narratives = new LinkedHashMap<>();
        jdbc.sql("select section_key, narrative from annual_report_section where report_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> Map.entry(rs.getString("section_key"),
                        Optional.ofNullable(rs.getString("narrative"))))
                .list()
                .forEach(entry -> narratives.put(entry.getKey(), entry.getValue().orElse(null)));
        return narratives;
    }

    private Row row(CurrentUser me, long id) {
        Row row = jdbc.sql("""
                select id, report_year, region_code, status, version, draft_number, document_number, issued_on,
                       issued_by, created_by, created_at, updated_by, updated_at
                from annual_report where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getInt("report_year"), rs.getString("region_code"),
                        rs.getString("status"), rs.getLong("version"), rs.getInt("draft_number"),
                        rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                        rs.getString("issued_by"), rs.getString("created_by"), instant(rs, "created_at"),
                        rs.getString("updated_by"), instant(rs, "updated_at")))
                .optional()
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
        if (!me.scope().covers(RegionCode.of(row.regionCode()))) {
            throw new RecordNotFound(ENTITY, id);
        }
        return row;
    }

    private Region region(CurrentUser me, RegionCode regionCode) {
        RegionCode code = regionCode == null ? RegionCode.of(me.regionCode()) : regionCode;
        if (!me.scope().covers(code)) {
            throw new RecordNotFound("Region", code);
        }
        return regions.find(code).orElseThrow(() -> new RecordNotFound("Region", code));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Row(long id, int year, String regionCode, String status, long version, int draftNumber,
            String documentNumber, LocalDate issuedOn, String issuedBy, String createdBy, Instant createdAt,
            String updatedBy, Instant updatedAt) {
    }

    private record SectionRow(String key, int position, String narrative, String generated) {
    }
}

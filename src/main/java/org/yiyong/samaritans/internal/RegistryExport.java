package org.yiyong.samaritans.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Masking;
import org.yiyong.shared.NotAllowed;
import org.yiyong.web.Downloads;

/**
 * The registry as a spreadsheet (XLSX) or CSV, for the records in the caller's scope that match the
 * filter. Numbers and phones are masked; an unmasked export takes a reason, bureau staff, and goes on
 * the audit trail with the number of people in it.
 */
@Service
public class RegistryExport {

    /** The file formats on offer. */
    public enum Format {
        XLSX,
        CSV
    }

    private static final List<String> HEADERS = List.of("档案号", "姓名", "性别", "出生日期", "公民身份号码", "所属地区",
            "状态", "失联", "联系电话", "现住址", "开户银行", "银行账号", "确认事迹数");

    /** reads the rows a thousand at a time, not all at once */
    private final NamedParameterJdbcTemplate streaming;
    private final FieldCipher cipher;
    private final SamaritanRegistry registry;
    private final AuditTrail audit;
    private final Regions regions;

    RegistryExport(DataSource dataSource, FieldCipher cipher, SamaritanRegistry registry, AuditTrail audit,
            Regions regions) {
        this.registry = registry;
        this.regions = regions;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.cipher = cipher;
        this.audit = audit;
    }

    /** A register written to a file of its own, to be sent and then removed; how many people it holds. */
    public record Written(Path file, int people) {
    }

    /**
     * The registry in the caller's scope that matches the filter, written to a temporary file as the rows come from
     * the database (a thousand at a time), so that a city's or a province's registry is never held in memory; the
     * caller sends the file and removes it.
     */
    @Transactional
    @PreAuthorize(SamaritanRegistry.READ)
    public Written export(CurrentUser me, SamaritanFilter filter, Format format, boolean unmasked, String reason) {
        if (unmasked) {
            if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
                throw new NotAllowed("samaritan.export.unmasked-not-allowed");
            }
            if (reason == null || reason.trim().length() < 4) {
                throw new InvalidField("reason", "samaritan.unmask.reason-short");
            }
        }
        // the file is removed again if anything below fails (the transaction rolls back)
        Path file = Downloads.temporaryFile("yiyong-registry-", format == Format.CSV ? ".csv" : ".xlsx");
        int people;
        try (Lines lines = format == Format.CSV ? new CsvLines(file) : new XlsxLines(file)) {
            people = rows(me, filter == null ? new SamaritanFilter(null, null, null, null) : filter, unmasked,
                    lines);
            lines.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditRecord.of(unmasked ? AuditAction.SENSITIVE_VIEWED : AuditAction.FILE_DOWNLOADED,
                SamaritanRegistry.ENTITY, "export")
                .withDetail((unmasked ? "unmasked registry export (" + reason.trim() + "): " : "registry export: ")
                        + people + " people"));
        return new Written(file, people);
    }

    private int rows(CurrentUser me, SamaritanFilter filter, boolean unmasked, Lines out) {
        Map<String, Object> params = new HashMap<>();
        String condition = registry.condition(me.scope(), filter, params);
        int[] people = {0};
        streaming.query("""
                select s.number, s.name, s.gender, s.birth_date, s.resident_id, s.resident_id_masked, s.region_code,
                       s.status, s.lost_contact, s.phone, s.address, s.bank_name, s.bank_account, s.bank_account_masked,
                       (select count(*) from samaritan_deed d where d.samaritan_id = s.id) as deeds
                from samaritan s""" + " where " + condition + " order by s.region_code, s.number", params, rs -> {
                    List<String> row = new ArrayList<>(HEADERS.size());
                    row.add(rs.getString("number"));
                    row.add(rs.getString("name"));
                    String gender = rs.getString("gender");
                    row.add(gender == null ? "" : "MALE".equals(gender) ? "男" : "女");
                    row.add(rs.getString("birth_date") == null ? "" : rs.getObject("birth_date",
                            java.time.LocalDate.class).toString());
                    String id = rs.getString("resident_id");
                    row.add(id == null ? "" : unmasked ? cipher.decrypt(id) : rs.getString("resident_id_masked"));
                    row.add(regions.nameOf(rs.getString("region_code")));
                    row.add(STATUS.get(rs.getString("status")));
                    row.add(rs.getBoolean("lost_contact") ? "是" : "");
                    String phone = rs.getString("phone");
                    row.add(phone == null ? "" : unmasked ? phone : Masking.phone(phone));
                    row.add(nullToEmpty(rs.getString("address")));
                    row.add(nullToEmpty(rs.getString("bank_name")));
                    String account = rs.getString("bank_account");
                    row.add(account == null ? "" : unmasked ? cipher.decrypt(account) : rs.getString("bank_account_masked"));
                    row.add(String.valueOf(rs.getInt("deeds")));
                    try {
                        out.line(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    people[0]++;
                });
        return people[0];
    }

    /** Where the rows go, one at a time. */
    private interface Lines extends AutoCloseable {

        void line(List<String> values) throws IOException;

        /** Everything written; the file complete. */
        void finish() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** CSV in UTF-8 with a byte order mark, so that Excel reads it right. */
    private static final class CsvLines implements Lines {

        private final Writer out;

        CsvLines(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            out.write(String.join(",", HEADERS));
            out.write("\r\n");
        }

        @Override
        public void line(List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(csvCell(values.get(i)));
            }
            out.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** A workbook written as it goes: a few hundred rows in memory, the rest in compressed temporary files. */
    private static final class XlsxLines implements Lines {

        private final Path file;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private int next = 1;

        XlsxLines(Path file) {
            this.file = file;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet("见义勇为人员");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 4 || i == 9 || i == 11 ? 24 * 256 : 14 * 256);
            }
        }

        @Override
        public void line(List<String> values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.size(); c++) {
                row.createCell(c).setCellValue(values.get(c)); // text cells: ID numbers keep every digit
            }
        }

        @Override
        public void finish() throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    private static final Map<String, String> STATUS = Map.of("ACTIVE", "健在", "INJURED", "负伤", "DISABLED", "伤残",
            "DECEASED", "已牺牲/去世");

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
    static String csvCell(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}

package org.yiyong.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;

/**
 * A register (台账) as a workbook to save: one sheet with its title, what it holds (scope, filters, when and
 * by whom it was taken), then a bold header that stays in view and a line per record. Written as it goes,
 * so a long register does not sit in memory as a whole; the longest are written as their lines are read from the
 * database, to a temporary file sent from disk ({@link Lines}). Text stays text (ID and account numbers keep every
 * digit), amounts are numbers with two decimals, dates are ISO dates. Every register taken goes on the
 * audit trail with the number of its lines.
 */
@Component
public class Registers {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The most lines one register file holds; a filter narrows a longer one. */
    public static final int MAX_LINES = 100_000;

    /** A column: its header and its width in characters. */
    public record Column(String header, int width) {
    }

    private final AuditTrail audit;
    private final MessageSource messages;

    Registers(AuditTrail audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** A coded value in the words of a register, which is written in Chinese: the message, or the key itself. */
    public String label(String key) {
        return messages.getMessage(key, null, key, Locale.CHINA);
    }

    /**
     * The register as a file to save, {@code <name>.xlsx}, its taking audited against {@code entity}.
     * Lines: text, numbers, dates or {@code null} (blank).
     */
    @Transactional
    public ResponseEntity<byte[]> download(String entity, String name, String title, String subtitle,
            List<Column> columns, List<List<?>> lines) {
        byte[] xlsx = xlsx(title, subtitle, columns, lines);
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, entity, "register")
                .withDetail(title + "：" + lines.size() + " lines"));
        return Downloads.attachment(XLSX, name + ".xlsx", xlsx);
    }

    /** The lines of a register handed over one at a time, in order, as they are read from the database. */
    @FunctionalInterface
    public interface Lines {

        /** Hands each line to {@code out}: text, numbers, dates or {@code null} (blank). */
        void writeTo(Consumer<List<?>> out);
    }

    /**
     * The register as a file to save, {@code <name>.xlsx}, written as its lines come (none of them kept) to a
     * temporary file that is sent from disk and removed; under the title, the filters and who took it when, and after
     * the last line how many it holds. Its taking is audited against {@code entity}.
     */
    @Transactional
    public ResponseEntity<Resource> download(String entity, String name, String title, List<String> filters,
            String takenBy, LocalDate takenOn, List<Column> columns, Lines lines) {
        // the file is removed again if anything below fails (the transaction rolls back)
        Path file = Downloads.temporaryFile("yiyong-register-", ".xlsx");
        int count;
        try (OutputStream out = Files.newOutputStream(file)) {
            count = write(out, title, heading(filters, takenBy, takenOn), columns, lines, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditRecord.of(AuditAction.FILE_DOWNLOADED, entity, "register")
                .withDetail(title + "：" + count + " lines"));
        return Downloads.temporary(XLSX, name + ".xlsx", file);
    }

    /** The register as the bytes of an XLSX file. Values: text, numbers, dates or {@code null} (blank). */
    public static byte[] xlsx(String title, String subtitle, List<Column> columns, Iterable<List<?>> lines) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            write(out, title, subtitle, columns, lines::forEach, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the workbook; answers the number of lines. With {@code footer}, a last row says how many. */
    private static int write(OutputStream target, String title, String subtitle, List<Column> columns, Lines lines,
            boolean footer) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet(safeSheetName(title));
            CellStyle heading = style(workbook, true, 14);
            CellStyle bold = style(workbook, true, 11);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(24);
            cell(titleRow, 0, title, heading);
            cell(sheet.createRow(1), 0, subtitle, null);
            if (columns.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
                sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
            }
            Row header = sheet.createRow(2);
            for (int c = 0; c < columns.size(); c++) {
                cell(header, c, columns.get(c).header(), bold);
                sheet.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
            }
            sheet.createFreezePane(0, 3);
            int[] r = {3};
            lines.writeTo(line -> {
                Row row = sheet.createRow(r[0]++);
                for (int c = 0; c < line.size(); c++) {
                    Object value = line.get(c);
                    if (value instanceof BigDecimal amount) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(money);
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date.toString());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            });
            int count = r[0] - 3;
            if (footer) {
                cell(sheet.createRow(r[0]), 0, "共 " + count + " 条"
                        + (count >= MAX_LINES ? "（已达上限，请缩小筛选范围）" : ""), bold);
            }
            workbook.write(target);
            return count;
        }
    }

    /** The line under the title of a register written as it goes: its filters (those given), who took it, when. */
    public static String heading(List<String> filters, String takenBy, LocalDate takenOn) {
        StringBuilder text = new StringBuilder();
        for (String filter : filters) {
            if (filter != null && !filter.isBlank()) {
                text.append(filter).append("；");
            }
        }
        return text.append("导出：").append(takenOn).append(' ').append(takenBy).toString();
    }

    /**
     * The line under the title: the filters that made the register (those given), when and by whom it was
     * taken, and how many records it holds.
     */
    public static String subtitle(List<String> filters, String takenBy, LocalDate takenOn, int lines) {
        StringBuilder text = new StringBuilder(heading(filters, takenBy, takenOn));
        text.append("；共 ").append(lines).append(" 条");
        if (lines >= MAX_LINES) {
            text.append("（已达上限，请缩小筛选范围）");
        }
        return text.toString();
    }

    /** "label：value", or {@code null} when there is no value. */
    public static String filter(String label, Object value) {
        return value == null || value.toString().isBlank() ? null : label + "：" + value;
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static CellStyle style(SXSSFWorkbook workbook, boolean bold, int points) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        style.setFont(font);
        return style;
    }

    /** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
    static String safeSheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.isEmpty() ? "台账" : name.length() > 31 ? name.substring(0, 31) : name;
    }
}

package org.yiyong.community.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Hours as a volunteer-hours platform imports them: the header in the first row and one line per volunteer and
 * activity, nothing above or beside — as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) or XLSX
 * (every cell text, so ID numbers keep their digits).
 */
final class HoursFiles {

    private HoursFiles() {
    }

    static byte[] csv(List<String> header, List<List<String>> lines) {
        StringBuilder text = new StringBuilder("\uFEFF");
        line(text, header);
        lines.forEach(line -> line(text, line));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                text.append(',');
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            // a cell a spreadsheet would take for a formula is written as text
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            text.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        text.append("\r\n");
    }

    static byte[] xlsx(List<String> header, List<List<String>> lines) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("服务时长");
            write(sheet.createRow(0), header);
            int r = 1;
            for (List<String> line : lines) {
                write(sheet.createRow(r++), line);
            }
            for (int c = 0; c < header.size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
        }
    }
}

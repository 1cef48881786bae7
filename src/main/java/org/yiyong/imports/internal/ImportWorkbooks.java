package org.yiyong.imports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.yiyong.imports.ImportRegister;
import org.yiyong.imports.Imports;
import org.yiyong.shared.InvalidField;

/**
 * The workbooks of an import: a register's template (headers marked when required, an example row, drop-downs for
 * coded columns, a sheet explaining each column), the reading of an upload (its header row found among the first
 * rows, below any merged title; empty rows skipped), and the check report (the rows as uploaded, an error column, the
 * faulty cells in red). Every cell written is text, never a formula.
 */
@Component
public class ImportWorkbooks {

    /** How many rows above the header a sheet may have (a title, a note, merged cells). */
    private static final int HEADER_SEARCH = 10;
    private static final int TEMPLATE_ROWS = 5000;

    /** The header row of an upload as found, and how many rows the sheet says it has below it (0 when unknown). */
    public record Header(List<String> headers, int expectedRows) {
    }

    /** A row: its number in the sheet, its cells by column key (for checking) and by header (for the report). */
    public record SheetRow(int number, Map<String, String> cells, Map<String, String> byHeader) {
    }

    /**
     * Finds the header row of an upload, reading no further.
     *
     * @throws InvalidField on {@code file} when it is not a workbook or lacks a required column
     */
    public Header header(ImportRegister register, Path file) {
        Reading reading = new Reading(register, row -> {
            throw new SheetRows.Stop();
        });
        reading.run(file, true);
        return new Header(reading.headers, Math.max(0, reading.lastRow - reading.headerRow));
    }

    /**
     * Reads an upload against a register's columns, handing each row that is not empty to {@code rows} as it is read.
     *
     * @throws InvalidField on {@code file} when it is not a workbook, lacks a required column, or has no rows or
     *     too many
     */
    public void read(ImportRegister register, Path file, Consumer<SheetRow> rows) {
        new Reading(register, rows).run(file, false);
    }

    /** One reading of a sheet: the header row found among the first rows, then the rows below it. */
    private static final class Reading {

        private final ImportRegister register;
        private final Consumer<SheetRow> consumer;
        private final Map<String, String> keyOfHeader = new HashMap<>();
        private final List<String> headers = new ArrayList<>();
        private final Map<Integer, String> columnKeys = new HashMap<>();
        private final java.util.TreeMap<Integer, String> columnHeaders = new java.util.TreeMap<>();
        private int headerRow = -1;
        private int rowsAbove;
        private int rows;
        private int lastRow;

        Reading(ImportRegister register, Consumer<SheetRow> consumer) {
            this.register = register;
            this.consumer = consumer;
            register.columns().forEach(column -> keyOfHeader.put(bare(column.header()), column.key()));
        }

        void run(Path file, boolean headerOnly) {
            try {
                SheetRows.read(file, new SheetRows.Handler() {
                    @Override
                    public void dimension(int last) {
                        lastRow = last;
                    }

                    @Override
                    public void row(int number, Map<Integer, String> cells) {
                        Reading.this.row(number, cells);
                    }
                });
            } catch (TooMany tooMany) {
                throw new InvalidField("file", "import.file.too-many-rows", Imports.MAX_ROWS);
            } catch (SheetRows.Unreadable unreadable) {
                throw new InvalidField("file", "import.file.unreadable");
            }
            if (headerRow < 0) {
                throw new InvalidField("file", "import.file.no-header", String.join("、", register.columns().stream()
                        .filter(ImportRegister.Column::required).map(ImportRegister.Column::header).toList()));
            }
            if (!headerOnly && rows == 0) {
                throw new InvalidField("file", "import.file.no-rows");
            }
        }

        private void row(int number, Map<Integer, String> cells) {
            if (headerRow < 0) {
                long known = cells.values().stream().filter(text -> keyOfHeader.containsKey(bare(text))).count();
                if (known > 0 && known * 2 >= Math.min(register.columns().size(),
                        register.columns().stream().filter(ImportRegister.Column::required).count() + 1)) {
                    headerRow = number;
                    cells.forEach((index, text) -> {
                        columnHeaders.put(index, text.strip());
                        String key = keyOfHeader.get(bare(text));
                        if (key != null) {
                            columnKeys.put(index, key);
                        }
                    });
                    headers.addAll(columnHeaders.values());
                    List<String> missing = register.columns().stream().filter(ImportRegister.Column::required)
                            .filter(column -> !columnKeys.containsValue(column.key()))
                            .map(ImportRegister.Column::header).toList();
                    if (!missing.isEmpty()) {
                        throw new InvalidField("file", "import.file.missing-columns", String.join("、", missing));
                    }
                } else if (++rowsAbove >= HEADER_SEARCH) {
                    throw new InvalidField("file", "import.file.no-header", String.join("、", register.columns()
                            .stream().filter(ImportRegister.Column::required).map(ImportRegister.Column::header)
                            .toList()));
                }
                return;
            }
            if (cells.isEmpty() || cells.values().stream().allMatch(String::isBlank)) {
                return;
            }
            if (rows >= Imports.MAX_ROWS) {
                throw new TooMany();
            }
            rows++;
            Map<String, String> byKey = new HashMap<>();
            Map<String, String> byHeader = new LinkedHashMap<>();
            // the report shows at most the first 1,000 characters of a cell; the check sees all of it
            columnHeaders.forEach((index, header) -> byHeader.put(header, shown(cells.get(index))));
            cells.forEach((index, text) -> {
                String key = columnKeys.get(index);
                if (key != null) {
                    byKey.put(key, text);
                }
            });
            consumer.accept(new SheetRow(number, byKey, byHeader));
        }
    }

    private static String shown(String cell) {
        return cell == null || cell.length() <= 1000 ? cell : cell.substring(0, 1000) + "…";
    }

    /** A header as compared: no blanks, no required mark, no note in brackets. */
    static String bare(String header) {
        return header == null ? "" : header.replaceAll("[\\s\\u3000*＊]", "").replaceAll("[（(].*?[)）]", "");
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    /** The template of a register. */
    public void template(ImportRegister register, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            org.apache.poi.xssf.usermodel.XSSFSheet entry = workbook.createSheet("填写");
            org.apache.poi.xssf.usermodel.XSSFSheet choices = workbook.createSheet("选项");
            org.apache.poi.xssf.usermodel.XSSFSheet help = workbook.createSheet("说明");
            CellStyle header = headerStyle(workbook);
            CellStyle textStyle = workbook.createCellStyle();
            textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row headers = entry.createRow(0);
            Row example = entry.createRow(1);
            DataValidationHelper validations = entry.getDataValidationHelper();
            List<ImportRegister.Column> columns = register.columns();
            for (int i = 0; i < columns.size(); i++) {
                ImportRegister.Column column = columns.get(i);
                var cell = headers.createCell(i);
                cell.setCellValue(column.required() ? column.header() + "*" : column.header());
                cell.setCellStyle(header);
                example.createCell(i).setCellValue(column.example() == null ? "" : column.example());
                entry.setDefaultColumnStyle(i, textStyle);
                entry.setColumnWidth(i, Math.max(12, column.header().length() * 2 + 6) * 256);
                if (!column.choices().isEmpty()) {
                    for (int c = 0; c < column.choices().size(); c++) {
                        Row row = choices.getRow(c) == null ? choices.createRow(c) : choices.getRow(c);
                        row.createCell(i).setCellValue(column.choices().get(c));
                    }
                    String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(i);
                    DataValidation validation = validations.createValidation(
                            validations.createFormulaListConstraint("选项!$" + letter + "$1:$" + letter + "$"
                                    + column.choices().size()),
                            new CellRangeAddressList(1, TEMPLATE_ROWS, i, i));
                    validation.setShowErrorBox(true);
                    validation.createErrorBox("请从列表中选择", "请从下拉列表中选择“" + column.header() + "”。");
                    entry.addValidationData(validation);
                }
            }
            entry.createFreezePane(0, 1);
            Row helpHeader = help.createRow(0);
            String[] titles = {"列", "必填", "说明", "示例"};
            for (int i = 0; i < titles.length; i++) {
                helpHeader.createCell(i).setCellValue(titles[i]);
                helpHeader.getCell(i).setCellStyle(header);
            }
            for (int i = 0; i < columns.size(); i++) {
                ImportRegister.Column column = columns.get(i);
                Row row = help.createRow(i + 1);
                row.createCell(0).setCellValue(column.header());
                row.createCell(1).setCellValue(column.required() ? "是" : "否");
                row.createCell(2).setCellValue(column.help() == null ? "" : column.help());
                row.createCell(3).setCellValue(column.example() == null ? "" : column.example());
            }
            help.setColumnWidth(0, 20 * 256);
            help.setColumnWidth(2, 80 * 256);
            help.setColumnWidth(3, 30 * 256);
            workbook.setSheetHidden(workbook.getSheetIndex(choices), true);
            workbook.write(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The check report: the rows as uploaded, then the outcome and the reasons; the faulty cells in red. */
    public void report(List<String> headers, Consumer<Consumer<Imports.ReportRow>> rows, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("检查结果");
            CellStyle header = headerStyle(workbook);
            CellStyle faulty = workbook.createCellStyle();
            faulty.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            faulty.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Row first = sheet.createRow(0);
            first.createCell(0).setCellValue("行号");
            for (int i = 0; i < headers.size(); i++) {
                first.createCell(i + 1).setCellValue(headers.get(i));
            }
            first.createCell(headers.size() + 1).setCellValue("结果");
            first.createCell(headers.size() + 2).setCellValue("错误说明");
            for (int i = 0; i <= headers.size() + 2; i++) {
                first.getCell(i).setCellStyle(header);
            }
            int[] next = {1};
            rows.accept(row -> {
                Row line = sheet.createRow(next[0]++);
                line.createCell(0).setCellValue(row.number());
                java.util.Set<String> bad = new java.util.HashSet<>();
                row.problems().forEach(problem -> bad.add(bare(problem.header())));
                for (int i = 0; i < headers.size(); i++) {
                    var cell = line.createCell(i + 1);
                    String value = row.cells().get(headers.get(i));
                    cell.setCellValue(org.yiyong.imports.Cells.defused(value == null ? "" : value));
                    if (bad.contains(bare(headers.get(i)))) {
                        cell.setCellStyle(faulty);
                    }
                }
                line.createCell(headers.size() + 1).setCellValue(switch (row.outcome()) {
                    case VALID -> "可导入";
                    case SAVED -> "已导入";
                    case EXISTS -> "已在系统中";
                    case REFUSED -> "有错误";
                });
                line.createCell(headers.size() + 2).setCellValue(String.join("；", row.problems().stream()
                        .map(problem -> problem.header() == null ? problem.message()
                                : problem.header() + "：" + problem.message()).toList()));
            });
            sheet.createFreezePane(1, 1);
            workbook.write(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } finally {
            workbook.dispose();
        }
    }

    private static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}

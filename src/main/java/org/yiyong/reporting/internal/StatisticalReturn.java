package org.yiyong.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiyong.reporting.Statistics.FigureValue;
import org.yiyong.reporting.Statistics.RegionValue;
import org.yiyong.reporting.Statistics.SectionValue;
import org.yiyong.reporting.Statistics.StatisticsReport;

/**
 * The statistical return for the province (统计报表): one workbook for a year, a sheet per section of the
 * statistics with a column per figure, a row per region directly below the asked one and the total, which
 * is the sum of the rows above it; and a sheet with each figure's definition. The numbers are those of
 * the statistics page.
 */
@Component
public class StatisticalReturn {

    private final MessageSource messages;

    StatisticalReturn(MessageSource messages) {
        this.messages = messages;
    }

    /** The workbook of the report, as XLSX bytes. */
    public byte[] workbook(StatisticsReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = Styles.of(workbook);
            int number = 1;
            for (SectionValue section : report.sections()) {
                section(workbook, styles, report, section, number++, locale);
            }
            definitions(workbook, styles, report, locale);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private void section(XSSFWorkbook workbook, Styles styles, StatisticsReport report, SectionValue section,
            int number, Locale locale) {
        Sheet sheet = workbook.createSheet(number + " " + section.label());
        Row title = sheet.createRow(0);
        text(title, 0, messages.getMessage("statistics.return.sheet-title",
                new Object[] {String.valueOf(report.year()), report.regionName(), section.label()}, locale),
                styles.bold);
        Row header = sheet.createRow(1);
        text(header, 0, messages.getMessage("statistics.region", null, locale), styles.bold);
        List<FigureValue> figures = section.figures();
        for (int i = 0; i < figures.size(); i++) {
            FigureValue figure = figures.get(i);
            text(header, i + 1, figure.label() + "（" + figure.unitLabel() + "）", styles.bold);
        }
        Map<String, String> rows = rows(figures);
        int rowIndex = 2;
        for (Map.Entry<String, String> region : rows.entrySet()) {
            Row row = sheet.createRow(rowIndex++);
            text(row, 0, region.getValue(), null);
            for (int i = 0; i < figures.size(); i++) {
                number(row, i + 1, valueIn(figures.get(i), region.getKey()), figures.get(i), styles, false);
            }
        }
        Row total = sheet.createRow(rowIndex);
        text(total, 0, messages.getMessage("statistics.return.total", new Object[] {report.regionName()}, locale),
                styles.bold);
        for (int i = 0; i < figures.size(); i++) {
            number(total, i + 1, figures.get(i).total(), figures.get(i), styles, true);
        }
        sheet.setColumnWidth(0, 24 * 256);
        for (int i = 0; i < figures.size(); i++) {
            sheet.setColumnWidth(i + 1, 18 * 256);
        }
        sheet.createFreezePane(1, 2);
    }

    /** The regions of the rows, in the order of the first figure that names each. */
    private static Map<String, String> rows(List<FigureValue> figures) {
        Map<String, String> rows = new LinkedHashMap<>();
        figures.forEach(figure -> figure.regions().forEach(region -> rows.putIfAbsent(region.code(), region.name())));
        return rows;
    }

    private static BigDecimal valueIn(FigureValue figure, String regionCode) {
        return figure.regions().stream().filter(region -> region.code().equals(regionCode))
                .map(RegionValue::value).findFirst().orElse(BigDecimal.ZERO);
    }

    private void definitions(XSSFWorkbook workbook, Styles styles, StatisticsReport report, Locale locale) {
        Sheet sheet = workbook.createSheet(messages.getMessage("statistics.definition", null, locale));
        Row header = sheet.createRow(0);
        text(header, 0, messages.getMessage("statistics.figure", null, locale), styles.bold);
        text(header, 1, messages.getMessage("statistics.return.unit", null, locale), styles.bold);
        text(header, 2, messages.getMessage("statistics.definition", null, locale), styles.bold);
        int rowIndex = 1;
        for (SectionValue section : report.sections()) {
            for (FigureValue figure : section.figures()) {
                Row row = sheet.createRow(rowIndex++);
                text(row, 0, figure.label(), null);
                text(row, 1, figure.unitLabel(), null);
                text(row, 2, figure.definition(), null);
            }
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value, FigureValue figure, Styles styles,
            boolean total) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        boolean money = figure.unit().isMoney();
        cell.setCellStyle(total ? (money ? styles.boldMoney : styles.bold) : (money ? styles.money : null));
    }

    private record Styles(CellStyle bold, CellStyle money, CellStyle boldMoney) {

        static Styles of(XSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(font);
            short format = workbook.createDataFormat().getFormat("#,##0.00");
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(format);
            CellStyle boldMoney = workbook.createCellStyle();
            boldMoney.setFont(font);
            boldMoney.setDataFormat(format);
            return new Styles(bold, money, boldMoney);
        }
    }
}

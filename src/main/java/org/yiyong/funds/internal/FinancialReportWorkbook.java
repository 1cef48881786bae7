package org.yiyong.funds.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yiyong.funds.internal.FinancialStatements.AccountAmount;
import org.yiyong.funds.internal.FinancialStatements.AnnualReport;
import org.yiyong.funds.internal.FinancialStatements.DonorKindLine;
import org.yiyong.funds.internal.FinancialStatements.FundLine;
import org.yiyong.funds.internal.FinancialStatements.TopDonor;

/** The annual financial report as a workbook: sheets 概况, 基金, 捐赠 and 支出, amounts as numbers. */
final class FinancialReportWorkbook {

    private FinancialReportWorkbook() {
    }

    static byte[] of(AnnualReport report) {
        ReportFigures names = new ReportFigures();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookStyles styles = WorkbookStyles.of(workbook);
            CellStyle bold = styles.bold();
            CellStyle money = styles.money();
            CellStyle boldMoney = workbook.createCellStyle();
            boldMoney.cloneStyleFrom(money);
            boldMoney.setFont(styles.boldFont());

            Sheet summary = workbook.createSheet("概况");
            styles.header(summary.createRow(0), List.of("项目", "金额（元）/数量"));
            Object[][] facts = {
                {"单位", report.association()},
                {"年度", report.year()},
                {"期初余额", report.opening()},
                {"本年收入（捐赠及财政拨款）", report.donations()},
                {"捐赠笔数", report.donationCount()},
                {"本年支出", report.expenses()},
                {"支付笔数", report.payments()},
                {"期末余额", report.closing()}};
            for (int i = 0; i < facts.length; i++) {
                Row row = summary.createRow(i + 1);
                row.createCell(0).setCellValue((String) facts[i][0]);
                cell(row, 1, facts[i][1], money);
            }
            summary.setColumnWidth(0, 16 * 256);
            summary.setColumnWidth(1, 28 * 256);

            Sheet funds = workbook.createSheet("基金");
            styles.header(funds.createRow(0), List.of("基金编号", "基金名称", "所属地区", "期初余额", "本年收入", "本年支出", "期末余额"));
            int r = 1;
            for (FundLine line : report.funds()) {
                Row row = funds.createRow(r++);
                row.createCell(0).setCellValue(line.code());
                row.createCell(1).setCellValue(line.name());
                row.createCell(2).setCellValue(line.regionName());
                cell(row, 3, line.opening(), money);
                cell(row, 4, line.income(), money);
                cell(row, 5, line.expense(), money);
                cell(row, 6, line.closing(), money);
            }
            Row fundTotal = total(funds.createRow(r), 0, bold);
            cell(fundTotal, 3, report.opening(), boldMoney);
            cell(fundTotal, 4, report.donations(), boldMoney);
            cell(fundTotal, 5, report.expenses(), boldMoney);
            cell(fundTotal, 6, report.closing(), boldMoney);
            funds.createFreezePane(0, 1);
            widths(funds, 7, 30);

            Sheet donations = workbook.createSheet("捐赠");
            styles.header(donations.createRow(0), List.of("捐赠人类别", "笔数", "金额"));
            r = 1;
            for (DonorKindLine line : report.donationsByDonorKind()) {
                Row row = donations.createRow(r++);
                row.createCell(0).setCellValue(names.donorKind(line.kind()));
                cell(row, 1, line.count(), money);
                cell(row, 2, line.amount(), money);
            }
            Row donationTotal = total(donations.createRow(r++), 0, bold);
            cell(donationTotal, 1, report.donationCount(), boldMoney);
            cell(donationTotal, 2, report.donations(), boldMoney);
            r++;
            styles.header(donations.createRow(r++), List.of("排名", "捐赠人", "类别", "笔数", "金额"));
            for (TopDonor donor : report.topDonors()) {
                Row row = donations.createRow(r++);
                cell(row, 0, donor.rank(), money);
                row.createCell(1).setCellValue(donor.name());
                row.createCell(2).setCellValue(names.donorKind(donor.kind()));
                cell(row, 3, donor.count(), money);
                cell(row, 4, donor.amount(), money);
            }
            widths(donations, 5, 30);

            Sheet expenses = workbook.createSheet("支出");
            styles.header(expenses.createRow(0), List.of("科目编码", "支出用途", "金额"));
            r = 1;
            for (AccountAmount line : report.expensesByPurpose()) {
                Row row = expenses.createRow(r++);
                row.createCell(0).setCellValue(line.code());
                row.createCell(1).setCellValue(names.account(line.account()));
                cell(row, 2, line.amount(), money);
            }
            Row expenseTotal = total(expenses.createRow(r++), 1, bold);
            cell(expenseTotal, 2, report.expenses(), boldMoney);
            Row count = expenses.createRow(r);
            count.createCell(1).setCellValue("支付笔数");
            cell(count, 2, report.payments(), money);
            widths(expenses, 3, 24);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A total row: 合计 in bold in the given column, before the totals. */
    private static Row total(Row row, int column, CellStyle bold) {
        Cell label = row.createCell(column);
        label.setCellValue("合计");
        label.setCellStyle(bold);
        return row;
    }

    /** Columns 16 characters wide, but the second, which holds names, {@code nameWidth} characters. */
    private static void widths(Sheet sheet, int columns, int nameWidth) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, (i == 1 ? nameWidth : 16) * 256);
        }
    }

    /** Amounts as numeric cells in #,##0.00; counts and years as plain numbers; anything else as text. */
    private static void cell(Row row, int column, Object value, CellStyle money) {
        Cell cell = row.createCell(column);
        if (value instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(money);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(value == null ? "" : value.toString());
        }
    }
}

package org.yiyong.funds.internal;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * What the funds' workbooks (the bank file, the annual financial report) look like: headings in bold,
 * and amounts as numbers shown {@code #,##0.00}, so that they still add up in the spreadsheet.
 */
record WorkbookStyles(Font boldFont, CellStyle bold, CellStyle money) {

    static WorkbookStyles of(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle bold = workbook.createCellStyle();
        bold.setFont(font);
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        return new WorkbookStyles(font, bold, money);
    }

    /** A row of column headings, in bold. */
    void header(Row row, List<String> titles) {
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(bold);
        }
    }
}

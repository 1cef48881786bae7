package org.yiyong.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.yiyong.reporting.internal.AnnualReports.AnnualReport;
import org.yiyong.reporting.internal.AnnualReports.ReportSection;

/**
 * The annual work report as a Word document in the shape of an official document (GB/T 9704-2012): A4 with
 * margins of 37 mm top, 35 mm bottom, 28 mm left and 26 mm right; the title in 方正小标宋简体 二号, the
 * document number (文号) below it, the body in 仿宋_GB2312 三号 with a first-line indent of two characters
 * and 22 lines a page, the headings (一、二、…) in 黑体 三号, and the page number "— 1 —" in the footer.
 */
public final class AnnualReportDocx {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String PAGE_NUMBER_FONT = "宋体";

    /** A4 in twentieths of a point. */
    static final int A4_WIDTH = 11906;
    static final int A4_HEIGHT = 16838;

    private static final int TITLE_POINTS = 22;
    private static final int BODY_POINTS = 16;
    private static final int PAGE_NUMBER_POINTS = 14;
    /** 28.95 pt: 22 lines on a page of 225 mm. */
    private static final int LINE_TWIPS = 579;

    private AnnualReportDocx() {
    }

    /** The report as a .docx file. */
    public static byte[] of(AnnualReport report) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(document);
            footer(document);
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            spacing(title, 0, LINE_TWIPS);
            run(title, report.title(), TITLE_FONT, TITLE_POINTS);
            XWPFParagraph number = document.createParagraph();
            number.setAlignment(ParagraphAlignment.CENTER);
            spacing(number, LINE_TWIPS, LINE_TWIPS);
            run(number, documentNumber(report), BODY_FONT, BODY_POINTS);
            for (ReportSection section : report.sections()) {
                XWPFParagraph heading = body(document);
                run(heading, section.heading(), HEADING_FONT, BODY_POINTS);
                if (!section.sentences().isEmpty()) {
                    run(body(document), String.join("", section.sentences()), BODY_FONT, BODY_POINTS);
                }
                for (String paragraph : section.paragraphs()) {
                    run(body(document), paragraph, BODY_FONT, BODY_POINTS);
                }
            }
            XWPFParagraph issuer = document.createParagraph();
            issuer.setAlignment(ParagraphAlignment.RIGHT);
            spacing(issuer, LINE_TWIPS * 2, LINE_TWIPS);
            indentRight(issuer);
            run(issuer, issuer(report), BODY_FONT, BODY_POINTS);
            XWPFParagraph date = document.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            spacing(date, 0, LINE_TWIPS);
            indentRight(date);
            run(date, date(report.issuedOn()), BODY_FONT, BODY_POINTS);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the annual report could not be written", e);
        }
    }

    /** 泉见协〔2027〕1号 when issued; the draft's number while it is a draft. */
    static String documentNumber(AnnualReport report) {
        return report.issued() ? report.documentNumber() : "（第" + report.draftNumber() + "稿，未印发）";
    }

    /** The issuing association. */
    static String issuer(AnnualReport report) {
        return report.regionName() + "见义勇为协会";
    }

    /** 2027年1月15日, as GB/T 9704-2012 dates a document; blank while a draft. */
    static String date(LocalDate issuedOn) {
        return issuedOn == null ? "　年　月　日"
                : issuedOn.getYear() + "年" + issuedOn.getMonthValue() + "月" + issuedOn.getDayOfMonth() + "日";
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setRight(BigInteger.valueOf(twips(26)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(twips(25)));
    }

    /** "— 1 —": the page number as a PAGE field between two dashes, centred. */
    private static void footer(XWPFDocument document) {
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_POINTS);
        fieldChar(paragraph, STFldCharType.BEGIN);
        XWPFRun instruction = run(paragraph, "", PAGE_NUMBER_FONT, PAGE_NUMBER_POINTS);
        instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
        fieldChar(paragraph, STFldCharType.SEPARATE);
        run(paragraph, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_POINTS);
        fieldChar(paragraph, STFldCharType.END);
        run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_POINTS);
    }

    private static void fieldChar(XWPFParagraph paragraph, STFldCharType.Enum type) {
        CTR run = run(paragraph, "", PAGE_NUMBER_FONT, PAGE_NUMBER_POINTS).getCTR();
        run.addNewFldChar().setFldCharType(type);
    }

    /** A body paragraph: justified, first line indented two characters, 22 lines a page. */
    private static XWPFParagraph body(XWPFDocument document) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        spacing(paragraph, 0, LINE_TWIPS);
        CTInd indent = paragraph.getCTP().isSetPPr() && paragraph.getCTP().getPPr().isSetInd()
                ? paragraph.getCTP().getPPr().getInd()
                : paragraph.getCTP().addNewPPr().addNewInd();
        indent.setFirstLineChars(BigInteger.valueOf(200));
        indent.setFirstLine(BigInteger.valueOf(BODY_POINTS * 20 * 2));
        return paragraph;
    }

    private static void indentRight(XWPFParagraph paragraph) {
        paragraph.setIndentationRight(BODY_POINTS * 20 * 4);
    }

    private static void spacing(XWPFParagraph paragraph, int before, int line) {
        CTSpacing spacing = (paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr()
                : paragraph.getCTP().addNewPPr()).addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(line));
        spacing.setLineRule(STLineSpacingRule.EXACT);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int points) {
        XWPFRun run = paragraph.createRun();
        if (!text.isEmpty()) {
            run.setText(text);
        }
        run.setFontSize(points);
        CTFonts fonts = run.getCTR().isSetRPr() && run.getCTR().getRPr().sizeOfRFontsArray() > 0
                ? run.getCTR().getRPr().getRFontsArray(0)
                : (run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr()).addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        return run;
    }

    private static long twips(int millimetres) {
        return Math.round(millimetres * 1440 / 25.4);
    }
}

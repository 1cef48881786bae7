package org.yiyong.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of a workbook's first sheet, read as a stream of XML from the file (never the whole sheet in memory):
 * each row's cells by column index as the sheet stores them — shared and inline strings as text, numbers (and
 * dates, which are day numbers) as the number's text, booleans as TRUE/FALSE.
 */
final class SheetRows {

    /** What is done with each row: its number (from 1, as Excel shows it) and its non-empty cells. */
    interface Handler {
        void row(int number, Map<Integer, String> cells);

        /** The last row the sheet says it uses ({@code <dimension ref="A1:P1001">}), when it says so. */
        default void dimension(int lastRow) {
        }
    }

    /** What a handler threw, carried out of the parser unchanged. */
    private static final class HandlerFault extends RuntimeException {
        HandlerFault(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Thrown by a handler that has read all it wants: the reading ends without a fault. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** A file that is not a workbook this can read. */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    private SheetRows() {
    }

    static void read(Path file, Handler handler) throws Unreadable {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, handler));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop enough) {
            return;
        } catch (HandlerFault fault) {
            // what the handler threw (a row refused, a cancel) is the handler's, not a fault of the file
            throw fault.getCause();
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException broken) {
            throw new Unreadable(broken);
        } catch (javax.xml.parsers.ParserConfigurationException broken) {
            throw new Unreadable(broken);
        }
    }

    /** The column index of a cell reference such as {@code AB12} (A is 0). */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final Handler handler;
        private final StringBuilder text = new StringBuilder();
        private Map<Integer, String> cells = new TreeMap<>();
        private int rowNumber;
        private int nextColumn;
        private int cellColumn;
        private String cellType;
        private boolean inValue;

        SheetHandler(ReadOnlySharedStringsTable strings, Handler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) {
            switch (localName) {
                case "dimension" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null && ref.indexOf(':') > 0) {
                        String last = ref.substring(ref.indexOf(':') + 1).replaceAll("[A-Z$]", "");
                        if (!last.isEmpty() && last.length() < 8) {
                            handler.dimension(Integer.parseInt(last));
                        }
                    }
                }
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new TreeMap<>();
                    nextColumn = 0;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    cellColumn = r == null ? nextColumn : column(r);
                    nextColumn = cellColumn + 1;
                    cellType = attributes.getValue("t");
                    text.setLength(0);
                }
                case "v", "t" -> {
                    inValue = true;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    String value = value();
                    if (value != null && !value.isBlank()) {
                        cells.put(cellColumn, value);
                    }
                }
                case "row" -> {
                    try {
                        handler.row(rowNumber, cells);
                    } catch (Stop enough) {
                        throw enough;
                    } catch (RuntimeException thrown) {
                        throw new HandlerFault(thrown);
                    }
                }
                default -> {
                }
            }
        }

        private String value() {
            String raw = text.toString();
            if (raw.isEmpty()) {
                return null;
            }
            if ("s".equals(cellType)) {
                return strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            }
            if ("b".equals(cellType)) {
                return "1".equals(raw.trim()) ? "TRUE" : "FALSE";
            }
            if (cellType == null || "n".equals(cellType)) {
                // a whole number as Excel keeps it (12.0 is 12); other numbers as written
                return raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw;
            }
            return decode(raw);
        }
    }

    private static final java.util.regex.Pattern ESCAPED = java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /**
     * Text as it was typed: Excel writes a character XML cannot hold (a control character) as {@code _xHHHH_}, and
     * an underscore sequence that looks like one with its first underscore escaped ({@code _x005F_}).
     */
    static String decode(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        java.util.regex.Matcher escaped = ESCAPED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (escaped.find()) {
            escaped.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escaped.group(1), 16))));
        }
        escaped.appendTail(out);
        return out.toString();
    }
}

package org.yiyong.benchmark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, written into the copy in chunks of about
 * a megabyte: fields are separated by tabs, {@code \N} is null, and backslash, tab, newline and carriage return
 * are escaped.
 */
final class CopyRows {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean first = true;
    private long rows;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    CopyRows add(Object value) {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof String text) {
            escape(text);
        } else if (value instanceof Boolean flag) {
            buffer.append(flag ? 't' : 'f');
        } else if (value instanceof BigDecimal amount) {
            buffer.append(amount.toPlainString());
        } else if (value instanceof LocalDate || value instanceof OffsetDateTime || value instanceof Number) {
            buffer.append(value);
        } else {
            throw new IllegalArgumentException("no COPY form for " + value.getClass());
        }
        return this;
    }

    /** Ends the row; sends the buffer once it holds a megabyte. */
    void end() throws SQLException {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}

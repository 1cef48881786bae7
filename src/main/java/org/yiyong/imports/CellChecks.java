package org.yiyong.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yiyong.imports.ImportRegister.Problem;

/**
 * The checks most registers make of a cell — a day, an amount, a year — each adding its problem to the row's and
 * answering the value when the cell passes, {@code null} when it is empty or refused.
 */
public final class CellChecks {

    private CellChecks() {
    }

    /** A day not after {@code today}; required or not. */
    public static LocalDate date(Map<String, String> cells, String key, boolean required, LocalDate today,
            List<Problem> problems) {
        String raw = Cells.text(cells.get(key));
        if (raw == null) {
            if (required) {
                problems.add(Problem.of(key, "validation.required"));
            }
            return null;
        }
        try {
            LocalDate date = Cells.date(raw);
            if (date.isAfter(today)) {
                problems.add(Problem.of(key, "import.date.future"));
                return null;
            }
            return date;
        } catch (IllegalArgumentException unreadable) {
            problems.add(Problem.of(key, "import.date.unreadable", raw));
            return null;
        }
    }

    /** A required amount of yuan above zero, at most {@code most}, with at most two decimals (scale 2). */
    public static BigDecimal amount(Map<String, String> cells, String key, BigDecimal most, List<Problem> problems) {
        String raw = Cells.text(cells.get(key));
        if (raw == null) {
            problems.add(Problem.of(key, "validation.required"));
            return null;
        }
        try {
            BigDecimal amount = Cells.amount(raw);
            if (amount.signum() <= 0 || amount.compareTo(most) > 0 || amount.scale() > 2) {
                problems.add(Problem.of(key, "import.amount.out-of-range"));
                return null;
            }
            return amount.setScale(2);
        } catch (IllegalArgumentException unreadable) {
            problems.add(Problem.of(key, "import.amount.unreadable", raw));
            return null;
        }
    }

    /**
     * A four-digit year from 2000 to {@code today}'s, written 2021, 2021年 or 2021年度; {@code refused} is the
     * message when it is not one.
     */
    public static Integer year(Map<String, String> cells, String key, boolean required, LocalDate today,
            String refused, List<Problem> problems) {
        String raw = Cells.text(cells.get(key));
        if (raw == null) {
            if (required) {
                problems.add(Problem.of(key, "validation.required"));
            }
            return null;
        }
        String digits = Cells.ascii(raw).replaceFirst("年(度)?$", "").trim();
        if (digits.matches("\\d{4}") && Integer.parseInt(digits) >= 2000 && Integer.parseInt(digits) <= today.getYear()) {
            return Integer.parseInt(digits);
        }
        problems.add(Problem.of(key, refused));
        return null;
    }
}

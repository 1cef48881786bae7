package org.yiyong.care.internal;

import java.time.LocalDate;
import java.time.Month;
import org.yiyong.shared.InvalidField;

/**
 * A school year, September 1 to August 31, named by its two calendar years ("2026-2027") and stored as
 * the year it starts in.
 */
public record StudentAidYear(int start) implements Comparable<StudentAidYear> {

    /** student aid at the provincial rates began with the 2015-2016 school year */
    public static final int FIRST = 2015;

    public static StudentAidYear of(LocalDate day) {
        return new StudentAidYear(day.getMonth().compareTo(Month.SEPTEMBER) >= 0 ? day.getYear() : day.getYear() - 1);
    }

    /** "2026-2027" or "2026"; anything else is a bad value of the given field. */
    public static StudentAidYear parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(field, "validation.required");
        }
        String value = text.strip();
        try {
            if (value.matches("\\d{4}-\\d{4}")) {
                int first = Integer.parseInt(value.substring(0, 4));
                if (Integer.parseInt(value.substring(5)) != first + 1) {
                    throw new InvalidField(field, "student-aid.year.invalid");
                }
                return new StudentAidYear(first);
            }
            if (value.matches("\\d{4}")) {
                return new StudentAidYear(Integer.parseInt(value));
            }
        } catch (NumberFormatException notANumber) {
            // falls through
        }
        throw new InvalidField(field, "student-aid.year.invalid");
    }

    public LocalDate startsOn() {
        return LocalDate.of(start, 9, 1);
    }

    public LocalDate endsOn() {
        return LocalDate.of(start + 1, 8, 31);
    }

    public String label() {
        return start + "-" + (start + 1);
    }

    public StudentAidYear previous() {
        return new StudentAidYear(start - 1);
    }

    public StudentAidYear next() {
        return new StudentAidYear(start + 1);
    }

    @Override
    public int compareTo(StudentAidYear other) {
        return Integer.compare(start, other.start);
    }

    @Override
    public String toString() {
        return label();
    }
}

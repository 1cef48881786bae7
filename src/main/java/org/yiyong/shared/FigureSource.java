package org.yiyong.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a module counts for the statistics, the leaders' dashboard and the annual work report. A module
 * whose records the yearly report speaks of publishes its figures by implementing this interface in its
 * API; reporting only assembles them and never reads the module's tables.
 *
 * <p>A figure's value is an SQL aggregate over the module's own records, grouped by the region each
 * record belongs to, by the figure's own part (a category, a title, a payer…) and by the month of the
 * date that counts. Every record belongs to one region, one part and one month, so the city's figure is
 * the sum of its counties' and a year's the sum of its months. {@link #records} reads a figure's records
 * with the same conditions as its value: a count always equals the length of its list, and an amount the
 * sum of its list's amounts.
 */
public interface FigureSource {

    /** The figures of the module, in the order the statistics show them. */
    List<Figure> figures();

    /**
     * The values of the figures whose keys are given, for each year from {@code first} to {@code last},
     * within the scope: one cell per non-zero group, each with its year.
     */
    List<Cell> cells(Year first, Year last, DataScope scope, Set<String> keys);

    /** The values of all the module's figures for one year. */
    default List<Cell> cells(Year year, DataScope scope) {
        return cells(year, year, scope, figures().stream().map(Figure::key).collect(Collectors.toSet()));
    }

    /**
     * The records a figure counts in the year, within the scope, limited to one part when {@code part} is
     * given; most recent first.
     *
     * @throws IllegalArgumentException when the key is not one of {@link #figures()}
     */
    List<Entry> records(String key, Year year, DataScope scope, String part);

    /** The kind of thing a figure counts, or money. */
    enum Unit {
        /** 件: cases, applications, certificates. */
        CASES,
        /** 人: people, each counted once. */
        PEOPLE,
        /** 人次: people counted once per occasion. */
        PERSON_TIMES,
        /** 户: households. */
        HOUSEHOLDS,
        /** 人(群体): honourees, a group counted as one. */
        HONOUREES,
        /** 元: money in yuan. */
        YUAN,
        /** 小时: hours of service. */
        HOURS;

        public boolean isMoney() {
            return this == YUAN;
        }

        /** Whether the figure sums an amount of each record (money, hours) rather than counting records. */
        public boolean isSum() {
            return this == YUAN || this == HOURS;
        }
    }

    /**
     * A figure: its key ({@code module.name}), the section of the report it belongs to, its unit, whether
     * it counts the whole record up to the end of the year (cumulative) rather than the year's, and the
     * prefix of the message keys that name its parts ({@code null} when it has none). Its label and its
     * definition (口径: which date counts, who is counted once) are the messages
     * {@code figure.<key>} and {@code figure.<key>.definition}.
     */
    record Figure(String key, Section section, Unit unit, boolean cumulative, String partMessagePrefix) {

        public Figure {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** The sections of the yearly report, in its order. */
    enum Section {
        /** 确认: deeds and the people confirmed. */
        CONFIRMATION,
        /** 表彰奖励: honours and rewards. */
        HONOURS,
        /** 权益保障: disability, death, benefits. */
        PROTECTION,
        /** 关爱帮扶: condolences, student aid, targeted aid, visits. */
        CARE,
        /** 基金: donations raised and money paid out. */
        FUNDS,
        /** 基层阵地: work stations, volunteers and their hours, trainings, theme parks. */
        COMMUNITY
    }

    /**
     * A figure's value in one year, region, part and month. {@code part} is empty when the figure has no
     * parts; {@code partLabel} names it when the part is data (a title, a fund) rather than a code with a
     * message; {@code month} is 1 to 12, or 0 for a cumulative figure (its value at the end of the year).
     */
    record Cell(String key, int year, String regionCode, String part, String partLabel, int month,
            BigDecimal value) {

        public Cell {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(regionCode, "regionCode");
            part = part == null ? "" : part;
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * One record a figure counts: its reference (a number or a name), what it is, the date that counts,
     * its region and part, its amount for a money figure, and the page where it is shown.
     */
    record Entry(String reference, String description, LocalDate date, String regionCode, String part,
            String partLabel, BigDecimal amount, String path) {

        public Entry {
            part = part == null ? "" : part;
        }
    }
}

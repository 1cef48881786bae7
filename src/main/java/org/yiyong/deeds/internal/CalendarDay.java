package org.yiyong.deeds.internal;

import java.time.LocalDate;

/** A day that differs from the ordinary week: a public holiday, or a weekend day worked in exchange. */
public record CalendarDay(LocalDate date, Kind kind, String name) {

    /** Stored by name. */
    public enum Kind {
        /** 法定节假日: no work, deadlines in working days skip it */
        HOLIDAY,
        /** 调休上班: a Saturday or Sunday that is worked */
        WORKDAY
    }
}

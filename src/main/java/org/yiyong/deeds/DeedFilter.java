package org.yiyong.deeds;

import java.time.LocalDate;

/**
 * Narrows the deed list; every criterion is optional. {@code q} matches the number, title, address
 * or a person's name; the dates bound the day of the act; {@code overdue} keeps the deeds whose
 * decision is past due.
 */
public record DeedFilter(String q, DeedStatus status, DeedCategory category, String regionCode,
        LocalDate occurredFrom, LocalDate occurredTo, boolean overdue) {

    public DeedFilter(String q, DeedStatus status, DeedCategory category, String regionCode) {
        this(q, status, category, regionCode, null, null, false);
    }

    public static DeedFilter none() {
        return new DeedFilter(null, null, null, null);
    }
}

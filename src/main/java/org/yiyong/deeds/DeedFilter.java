package org.yiyong.deeds;

/** Narrows the deed list; every criterion is optional. */
public record DeedFilter(String q, DeedStatus status, DeedCategory category, String regionCode) {

    public static DeedFilter none() {
        return new DeedFilter(null, null, null, null);
    }
}

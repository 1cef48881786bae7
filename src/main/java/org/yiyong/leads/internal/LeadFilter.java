package org.yiyong.leads.internal;

/** Narrows the lead list; every criterion is optional. {@code q} looks in the code, text and address. */
public record LeadFilter(String q, LeadStatus status, String regionCode) {

    public static LeadFilter none() {
        return new LeadFilter(null, null, null);
    }
}

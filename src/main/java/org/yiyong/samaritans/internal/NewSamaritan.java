package org.yiyong.samaritans.internal;

/**
 * A person entered by hand from the records kept before Yiyong: the county their record belongs to,
 * the resident ID number (checked, then stored encrypted) and the document the entry rests on.
 */
public record NewSamaritan(String regionCode, String name, String residentId, String sourceDocument, String phone,
        String address, String householdRegistration, String employer) {
}

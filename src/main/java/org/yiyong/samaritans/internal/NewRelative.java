package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import org.yiyong.samaritans.Relation;

/** A family member as staff type them in; the birth date comes from the ID number when there is one. */
public record NewRelative(Relation relation, String name, String residentId, LocalDate birthDate, String phone) {
}

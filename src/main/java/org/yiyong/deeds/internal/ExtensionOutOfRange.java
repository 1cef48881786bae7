package org.yiyong.deeds.internal;

import org.yiyong.shared.InvalidField;

/** An extension must add at least one day and no more than the rule allows. */
public class ExtensionOutOfRange extends InvalidField {

    public ExtensionOutOfRange(int days, int max) {
        super("days", "deed.deadline.extension-range", max, days);
    }
}

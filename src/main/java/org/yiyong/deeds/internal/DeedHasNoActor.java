package org.yiyong.deeds.internal;

import org.yiyong.shared.InvalidField;

/** A deed without anyone who acted cannot be accepted. */
public class DeedHasNoActor extends InvalidField {

    public DeedHasNoActor() {
        super("participants", "deed.actor.missing");
    }
}

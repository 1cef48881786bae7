package org.yiyong.deeds.internal;

import org.yiyong.shared.InvalidField;

/** The report must recommend an outcome for every actor, and give the reason of a refusal. */
public class ActorWithoutRecommendation extends InvalidField {

    public ActorWithoutRecommendation(String messageKey, String name) {
        super("recommendations", messageKey, name);
    }
}

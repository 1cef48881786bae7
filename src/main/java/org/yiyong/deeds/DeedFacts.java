package org.yiyong.deeds;

import java.time.LocalDateTime;
import org.yiyong.deeds.internal.NominatorKind;

/** What is known about an act when it is taken in. */
public record DeedFacts(DeedCategory category, DeedSource source, NominatorKind nominatorKind,
        LocalDateTime occurredAt, String address, String title, String narrative) {
}

package org.yiyong.leads.internal;

import java.time.LocalDateTime;
import java.util.List;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.NewDeed;

/**
 * What staff add to a lead to take it up as a deed: the deed's region is the lead's, its source is
 * 群众线索, and it counts as received on the day the lead arrived.
 *
 * @param notADuplicate staff checked the possible duplicates Yiyong showed and confirm this is another act
 */
public record LeadAcceptance(DeedCategory category, String title, LocalDateTime occurredAt, String address,
        String narrative, List<NewDeed.NewParticipant> participants, boolean notADuplicate) {

    public LeadAcceptance {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}

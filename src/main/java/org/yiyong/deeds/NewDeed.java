package org.yiyong.deeds;

import java.time.LocalDate;
import java.util.List;

/**
 * A case as staff take it in.
 *
 * @param notADuplicate staff checked the possible duplicates Yiyong showed and confirm this is another act
 */
public record NewDeed(String regionCode, DeedFacts facts, List<NewParticipant> participants, LocalDate receivedOn,
        boolean notADuplicate) {

    public NewDeed {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /**
     * A person as staff type them in; the ID number is checked and then stored encrypted.
     *
     * @param smsConsent the person agrees to be told by SMS when the deed is accepted and decided (needs a mobile)
     */
    public record NewParticipant(ParticipantRole role, String name, String residentId, String phone, Harm harm,
            boolean smsConsent) {

        public NewParticipant(ParticipantRole role, String name, String residentId, String phone, Harm harm) {
            this(role, name, residentId, phone, harm, false);
        }

        boolean isBlank() {
            return (name == null || name.isBlank()) && (residentId == null || residentId.isBlank());
        }
    }
}

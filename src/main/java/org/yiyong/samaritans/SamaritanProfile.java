package org.yiyong.samaritans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.yiyong.samaritans.internal.Samaritan;

/**
 * A person on the registry as other modules see them: who they are (masked numbers only), where, their
 * status, the confirmations their record rests on and their family. A copy: changing it changes nothing.
 */
public record SamaritanProfile(long id, String number, String name, String residentIdMasked, String regionCode,
        String address, SamaritanStatus status, DeathKind deathKind, LocalDate diedOn, List<Confirmation> deeds,
        List<FamilyMember> family) {

    public SamaritanProfile {
        deeds = List.copyOf(deeds);
        family = List.copyOf(family);
    }

    /** A confirmed deed of the person. */
    public record Confirmation(long deedId, long participantId, String deedNumber, String decisionNumber,
            String regionCode, String category, LocalDate occurredOn, LocalDate confirmedOn) {
    }

    /** A relative of the person. */
    public record FamilyMember(long id, Relation relation, String name, LocalDate birthDate, LocalDate diedOn) {
    }

    /** The confirmation of this deed, if the person was confirmed for it. */
    public Optional<Confirmation> deed(long deedId) {
        return deeds.stream().filter(deed -> deed.deedId() == deedId).findFirst();
    }

    /** The relative with this id, if they belong to the person's family. */
    public Optional<FamilyMember> relative(long relativeId) {
        return family.stream().filter(relative -> relative.id() == relativeId).findFirst();
    }

    static SamaritanProfile of(Samaritan samaritan) {
        return new SamaritanProfile(samaritan.getId(), samaritan.getNumber(), samaritan.getName(),
                samaritan.getResidentIdMasked(), samaritan.getRegionCode(), samaritan.getAddress(),
                samaritan.getStatus(), samaritan.getDeathKind(), samaritan.getDiedOn(),
                samaritan.getDeeds().stream().map(deed -> new Confirmation(deed.getDeedId(), deed.getParticipantId(),
                        deed.getDeedNumber(), deed.getDecisionNumber(), deed.getRegionCode(), deed.getCategory(),
                        deed.getOccurredOn(), deed.getConfirmedOn())).toList(),
                samaritan.getFamily().stream().map(relative -> new FamilyMember(relative.getId(),
                        relative.getRelation(), relative.getName(), relative.getBirthDate(), relative.getDiedOn()))
                        .toList());
    }
}

package org.yiyong.deeds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.ParticipantRole;

/**
 * A person in a deed's file. The resident ID number is kept encrypted, with a blind index for finding
 * the same person in other deeds and a masked form for display.
 */
@Entity
@Table(name = "deed_participant")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ParticipantRole role;

    private String name;

    private String residentId;

    private String residentIdIndex;

    private String residentIdMasked;

    private String phone;

    @Enumerated(EnumType.STRING)
    private Harm harm = Harm.NONE;

    private String note;

    @Enumerated(EnumType.STRING)
    private Recommendation recommendation;

    private String recommendationReason;

    @Enumerated(EnumType.STRING)
    private Recommendation proposedOutcome;

    private String proposedReason;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String outcomeReason;

    private boolean smsConsent;

    private boolean smsFollowed;

    protected Participant() {
    }

    public Participant(ParticipantRole role, String name, ProtectedId residentId, String phone, Harm harm,
            String note) {
        this.role = role;
        this.name = name;
        if (residentId != null) {
            this.residentId = residentId.encrypted();
            this.residentIdIndex = residentId.blindIndex();
            this.residentIdMasked = residentId.masked();
        }
        this.phone = phone;
        this.harm = harm == null ? Harm.NONE : harm;
        this.note = note;
    }

    /** The person agreed to be told by SMS when the deed is accepted and decided. */
    public void agreeToSms() {
        this.smsConsent = true;
        this.smsFollowed = true;
    }

    public boolean isSmsConsent() {
        return smsConsent;
    }

    /** A resident ID number as it is stored: encrypted, indexed and masked. */
    public record ProtectedId(String encrypted, String blindIndex, String masked) {
    }

    public Long getId() {
        return id;
    }

    public ParticipantRole getRole() {
        return role;
    }

    public String getName() {
        return name;
    }

    public String getResidentIdIndex() {
        return residentIdIndex;
    }

    public String getResidentIdMasked() {
        return residentIdMasked;
    }

    public String getResidentIdEncrypted() {
        return residentId;
    }

    public String getPhone() {
        return phone;
    }

    public Harm getHarm() {
        return harm;
    }

    public String getNote() {
        return note;
    }

    void recommend(Recommendation recommendation, String reason) {
        this.recommendation = recommendation;
        this.recommendationReason = reason;
    }

    void propose(Recommendation outcome, String reason) {
        this.proposedOutcome = outcome;
        this.proposedReason = reason;
    }

    public Recommendation getProposedOutcome() {
        return proposedOutcome;
    }

    public String getProposedReason() {
        return proposedReason;
    }

    public Recommendation getRecommendation() {
        return recommendation;
    }

    public String getRecommendationReason() {
        return recommendationReason;
    }

    void decide(Outcome outcome, String reason) {
        this.outcome = outcome;
        this.outcomeReason = reason;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    /** The same person as another participant: the same ID number, or the same name when either has none. */
    boolean isSamePersonAs(Participant other) {
        if (residentIdIndex != null && other.residentIdIndex != null) {
            return residentIdIndex.equals(other.residentIdIndex);
        }
        return name.equals(other.name);
    }
}

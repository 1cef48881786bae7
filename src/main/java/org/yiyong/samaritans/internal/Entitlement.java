package org.yiyong.samaritans.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Something a relative is owed (a survivor's pension, student aid, school priority…) from a day on,
 * until the condition that ends it — or the relative's death, which ends every entitlement.
 */
@Entity
@Table(name = "entitlement")
public class Entitlement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private EntitlementKind kind;

    private LocalDate startedOn;

    @Enumerated(EnumType.STRING)
    private EndCondition endCondition;

    private LocalDate endedOn;

    private String endReason;

    protected Entitlement() {
    }

    Entitlement(EntitlementKind kind, LocalDate startedOn, EndCondition endCondition) {
        this.kind = kind;
        this.startedOn = startedOn;
        this.endCondition = endCondition;
    }

    /**
     * The day the entitlement ends by its condition, with the cause, as far as the relative's record
     * tells: the earliest of the condition's day and the relative's death.
     */
    Optional<Ending> ending(Relative relative) {
        Ending byCondition = switch (endCondition) {
            case AGE_18 -> relative.getBirthDate() == null ? null
                    : new Ending(relative.getBirthDate().plusYears(18), EndCondition.AGE_18);
            case END_OF_SCHOOLING -> relative.getSchoolingEndsOn() == null ? null
                    : new Ending(relative.getSchoolingEndsOn(), EndCondition.END_OF_SCHOOLING);
            case REMARRIAGE -> relative.getRemarriedOn() == null ? null
                    : new Ending(relative.getRemarriedOn(), EndCondition.REMARRIAGE);
            case DEATH, NONE -> null;
        };
        Ending byDeath = relative.getDiedOn() == null ? null : new Ending(relative.getDiedOn(), EndCondition.DEATH);
        if (byCondition == null) {
            return Optional.ofNullable(byDeath);
        }
        if (byDeath == null || !byDeath.on().isBefore(byCondition.on())) {
            return Optional.of(byCondition);
        }
        return Optional.of(byDeath);
    }

    void end(LocalDate on, String reason) {
        this.endedOn = on;
        this.endReason = reason;
    }

    public boolean isActive() {
        return endedOn == null;
    }

    public Long getId() {
        return id;
    }

    public EntitlementKind getKind() {
        return kind;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public EndCondition getEndCondition() {
        return endCondition;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    /** The condition's name when Yiyong ended it ({@code AGE_18}…), or the reason staff gave. */
    public String getEndReason() {
        return endReason;
    }

    /** When and why an entitlement ends. */
    record Ending(LocalDate on, EndCondition cause) {
    }
}

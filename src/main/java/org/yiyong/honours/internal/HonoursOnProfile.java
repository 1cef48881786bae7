package org.yiyong.honours.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.samaritans.SamaritanProfile;

/**
 * The honours section of a samaritan's profile: the honours held with their rewards, the exam bonus their
 * children get and the household's transit cards, all from one read of the honours held.
 */
@Component
public class HonoursOnProfile {

    private final Honours honours;
    private final HeldHonours held;
    private final ExamBonus examBonus;
    private final TransitCards transitCards;

    HonoursOnProfile(Honours honours, HeldHonours held, ExamBonus examBonus, TransitCards transitCards) {
        this.honours = honours;
        this.held = held;
        this.examBonus = examBonus;
        this.transitCards = transitCards;
    }

    /** What the profile shows of a samaritan's honours. */
    public record Section(List<HeldHonours.HeldHonour> held, int examBonusPoints, TransitCards.OnProfile transitCards) {
    }

    /** The section for a record the caller has opened within their scope. */
    @Transactional(readOnly = true)
    public Section of(SamaritanProfile samaritan) {
        List<Honour> honoursHeld = honours.heldBy(samaritan.id());
        return new Section(held.lines(honoursHeld), examBonus.points(honoursHeld),
                transitCards.onProfile(samaritan, honoursHeld));
    }
}

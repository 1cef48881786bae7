package org.yiyong.honours;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.honours.internal.HonourRound;
import org.yiyong.honours.internal.RoundManagement;
import org.yiyong.identity.CurrentUser;

/**
 * Proposing work stations to an honour round from outside it — the best stations of the year's evaluation as
 * 先进工作站 candidates — through the same rules as nominating them on the round's page.
 */
@Service
@PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
public class RoundNominations {

    private final RoundManagement rounds;

    RoundNominations(RoundManagement rounds) {
        this.rounds = rounds;
    }

    /** An honour round still taking candidates. */
    public record OpenRound(long id, String name) {
    }

    /** The open rounds the caller runs (the city's staff: every round; a county's: the county's). */
    @Transactional(readOnly = true)
    public List<OpenRound> openRounds(CurrentUser me) {
        return rounds.list(me).stream()
                .filter(round -> round.getStatus() == HonourRound.Status.OPEN && RoundManagement.runs(me, round))
                .map(round -> new OpenRound(round.getId(), round.getName())).toList();
    }

    /**
     * Nominates a work station as a candidate of an open round; {@code false} when it stands there already or
     * may not stand in it (closed since, or of another county than a county's round).
     */
    @Transactional
    public boolean nominateStation(CurrentUser me, long roundId, long organizationId) {
        HonourRound round = rounds.get(me, roundId);
        boolean standing = round.getCandidates().stream()
                .anyMatch(candidate -> Long.valueOf(organizationId).equals(candidate.getOrganizationId()));
        boolean eligible = rounds.nominees(round).stream().anyMatch(nominee -> nominee.id() == organizationId);
        if (standing || !eligible) {
            return false;
        }
        rounds.nominate(me, roundId, organizationId);
        return true;
    }
}

package org.yiyong.honours.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.shared.Money;

/** The honours of a samaritan as their profile (and a recommendation form) lists them. */
@Component
public class HeldHonours {

    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final RewardLedger ledger;

    HeldHonours(Honours honours, TitleCatalogue catalogue, RewardLedger ledger) {
        this.honours = honours;
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    /**
     * The honours of a samaritan as their profile lists them; the caller has already opened the
     * profile within their scope.
     */
    @Transactional(readOnly = true)
    public List<HeldHonour> heldBy(long samaritanId) {
        return lines(honours.heldBy(samaritanId));
    }

    /** These honours as a profile lists them, where their rewards stand read at once. */
    List<HeldHonour> lines(List<Honour> held) {
        Map<Long, RewardRequest.Status> rewards = ledger.rewardsOf(held.stream().map(Honour::getId).toList());
        return held.stream().map(honour -> new HeldHonour(honour.getId(),
                catalogue.title(honour.getTitleId()).getName(), honour.getRecipientName(), honour.getDeedNumber(),
                honour.getStatus(), honour.getProposedBy(), honour.getRefusalReason(), honour.getRevocationReason(),
                honour.getRewardAmount(), rewards.get(honour.getId()), honour.getCertificateNumber(),
                honour.getDecidedOn())).toList();
    }

    /** One line of a samaritan's honours. */
    public record HeldHonour(long id, String titleName, String groupName, String deedNumber, HonourStatus status,
            String proposedBy,
            String refusalReason, String revocationReason, Money rewardAmount, RewardRequest.Status reward,
            String certificateNumber,
            LocalDate decidedOn) {
    }
}

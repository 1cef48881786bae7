package org.yiyong.honours.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rewards waiting to be paid, and clawbacks. */
public interface RewardRequests extends JpaRepository<RewardRequest, Long> {

    List<RewardRequest> findByHonourIdAndKind(long honourId, RewardRequest.Kind kind);

    List<RewardRequest> findByHonourId(long honourId);

    List<RewardRequest> findByHonourIdInAndKind(Collection<Long> honourIds, RewardRequest.Kind kind);
}

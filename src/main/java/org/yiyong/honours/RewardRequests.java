package org.yiyong.honours;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rewards waiting to be paid, and clawbacks. */
public interface RewardRequests extends JpaRepository<RewardRequest, Long> {

    Optional<RewardRequest> findByHonourIdAndKind(long honourId, RewardRequest.Kind kind);

    List<RewardRequest> findByHonourId(long honourId);
}

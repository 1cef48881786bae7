package org.yiyong.honours.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The reward standards of every title, by effective date. */
public interface RewardStandards extends JpaRepository<RewardStandard, Long> {

    List<RewardStandard> findByTitleIdOrderByEffectiveFromDesc(long titleId);

    /** The standard in force on a day: the latest that started on or before it. */
    Optional<RewardStandard> findFirstByTitleIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(long titleId,
            LocalDate day);

    boolean existsByTitleIdAndEffectiveFrom(long titleId, LocalDate effectiveFrom);
}

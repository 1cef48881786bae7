package org.yiyong.honours.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Recommendations upward; reads within a data scope take its region codes. */
public interface Recommendations extends JpaRepository<Recommendation, Long> {

    Optional<Recommendation> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    List<Recommendation> findBySamaritanIdOrderByIdDesc(long samaritanId);

    boolean existsByDeedIdAndTitleId(long deedId, long titleId);

    boolean existsBySamaritanIdAndDeedIdAndTitleId(long samaritanId, long deedId, long titleId);
}

package org.yiyong.care.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Visits, within a data scope. */
public interface Visits extends JpaRepository<Visit, Long> {

    Optional<Visit> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    List<Visit> findBySamaritanIdOrderByVisitedOnDescIdDesc(long samaritanId);

    boolean existsByIdAndRegionCodeIn(long id, Collection<String> regionCodes);
}

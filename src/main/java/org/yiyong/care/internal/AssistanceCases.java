package org.yiyong.care.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Assistance cases, within a data scope. */
public interface AssistanceCases extends JpaRepository<AssistanceCase, Long> {

    Optional<AssistanceCase> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    List<AssistanceCase> findBySamaritanIdOrderByIdDesc(long samaritanId);

    List<AssistanceCase> findByVisitIdOrderById(long visitId);
}

package org.yiyong.honours.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The transit cards issued, within a data scope for changes. */
interface TransitCardRecords extends JpaRepository<TransitCard, Long> {

    List<TransitCard> findBySamaritanIdOrderByIdDesc(long samaritanId);

    Optional<TransitCard> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);
}

package org.yiyong.funds.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Batches, within a data scope. */
public interface DisbursementBatches extends JpaRepository<DisbursementBatch, Long> {

    Optional<DisbursementBatch> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    List<DisbursementBatch> findTop50ByRegionCodeInOrderByIdDesc(Collection<String> regionCodes);

    org.springframework.data.domain.Page<DisbursementBatch> findByRegionCodeInOrderByIdDesc(
            Collection<String> regionCodes, org.springframework.data.domain.Pageable page);
}

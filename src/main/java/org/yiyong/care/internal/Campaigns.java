package org.yiyong.care.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Condolence campaigns, within a data scope. */
interface Campaigns extends JpaRepository<Campaign, Long> {

    Optional<Campaign> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    /** The campaign locked for its payment batch: two sends at once run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = :id")
    Optional<Campaign> lockById(@Param("id") long id);

    List<Campaign> findTop100ByRegionCodeInOrderByIdDesc(Collection<String> regionCodes);
}

package org.yiyong.funds.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Donations, within a data scope. */
public interface Donations extends JpaRepository<Donation, Long> {

    Optional<Donation> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Donation> findByIdempotencyKey(String key);

    Page<Donation> findByRegionCodeInOrderByReceivedOnDescIdDesc(Collection<String> regionCodes, Pageable page);
}

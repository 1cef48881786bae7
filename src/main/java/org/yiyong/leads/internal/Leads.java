package org.yiyong.leads.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Leads. Reads for staff always go through the data scope. */
public interface Leads extends JpaRepository<Lead, Long> {

    Optional<Lead> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    boolean existsByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Lead> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);
}

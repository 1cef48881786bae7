package org.yiyong.funds.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Donors, within a data scope. */
public interface Donors extends JpaRepository<Donor, Long> {

    Optional<Donor> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Donor> findFirstByNameAndKindAndRegionCode(String name, Donor.Kind kind, String regionCode);

    List<Donor> findByRegionCodeInOrderByName(Collection<String> regionCodes);
}

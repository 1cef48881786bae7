package org.yiyong.samaritans.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The registry's records; reads within a data scope take the scope's region codes. */
public interface Samaritans extends JpaRepository<Samaritan, Long> {

    Optional<Samaritan> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Samaritan> findByResidentIdIndex(String residentIdIndex);

    List<Samaritan> findByResidentIdIndexAndRegionCodeIn(String residentIdIndex, Collection<String> regionCodes);

    List<Samaritan> findByBankAccountIndexAndRegionCodeIn(String bankAccountIndex, Collection<String> regionCodes);
}

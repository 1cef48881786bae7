package org.yiyong.organization.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Organizations. Reads for people go through the data scope. */
public interface Organizations extends JpaRepository<Organization, Long> {

    Optional<Organization> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Organization> findByCode(String code);

    boolean existsByCode(String code);

    boolean existsByNameAndRegionCode(String name, String regionCode);

    java.util.List<Organization> findByRegionCodeInAndActiveTrueOrderByRegionCodeAscNameAsc(
            Collection<String> regionCodes);

    Optional<Organization> findFirstByRegionCodeAndActiveTrueOrderByIdAsc(String regionCode);

    long countByRegionCodeInAndActiveTrue(Collection<String> regionCodes);
}

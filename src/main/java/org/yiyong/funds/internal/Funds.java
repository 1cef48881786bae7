package org.yiyong.funds.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The funds; reads within a data scope take the scope's region codes. */
public interface Funds extends JpaRepository<Fund, Long> {

    Optional<Fund> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    List<Fund> findByRegionCodeInOrderByRegionCodeAscParentIdAscIdAsc(Collection<String> regionCodes);

    Optional<Fund> findByRegionCodeAndParentIdIsNull(String regionCode);

    boolean existsByCode(String code);
}

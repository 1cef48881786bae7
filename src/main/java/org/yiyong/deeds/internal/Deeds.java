package org.yiyong.deeds.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.yiyong.deeds.DeedStatus;

/** Deeds. Reads for people always go through the data scope. */
public interface Deeds extends JpaRepository<Deed, Long> {

    Optional<Deed> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    boolean existsByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Deed> findByNumber(String number);

    java.util.List<Deed> findByStatusOrderByNoticeStartDesc(DeedStatus status);
}

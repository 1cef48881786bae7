package org.yiyong.honours;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Honours; reads within a data scope take the scope's region codes. */
public interface Honours extends JpaRepository<Honour, Long> {

    Optional<Honour> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Honour> findByVerificationCode(String verificationCode);

    List<Honour> findBySamaritanIdOrderByIdDesc(long samaritanId);

    boolean existsBySamaritanIdAndTitleIdAndDeedId(long samaritanId, long titleId, Long deedId);
}

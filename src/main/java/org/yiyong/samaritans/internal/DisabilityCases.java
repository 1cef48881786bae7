package org.yiyong.samaritans.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Disability cases; always read through the samaritan they belong to, whose scope was checked. */
public interface DisabilityCases extends JpaRepository<DisabilityCase, Long> {

    List<DisabilityCase> findBySamaritanIdOrderByIdDesc(long samaritanId);

    Optional<DisabilityCase> findByIdAndSamaritanId(long id, long samaritanId);
}

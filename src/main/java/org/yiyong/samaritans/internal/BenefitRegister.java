package org.yiyong.samaritans.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The rows of the benefits register. */
public interface BenefitRegister extends JpaRepository<Benefit, Long> {

    List<Benefit> findBySamaritanIdOrderByRequestedOnDesc(long samaritanId);
}

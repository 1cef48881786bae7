package org.yiyong.samaritans;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The rows of the benefits register. */
public interface BenefitRegister extends JpaRepository<Benefit, Long> {

    List<Benefit> findBySamaritanIdOrderByRequestedOnDesc(long samaritanId);
}

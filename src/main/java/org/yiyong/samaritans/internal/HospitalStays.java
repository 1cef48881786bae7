package org.yiyong.samaritans.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Hospital stays of samaritans. */
public interface HospitalStays extends JpaRepository<HospitalStay, Long> {

    List<HospitalStay> findBySamaritanIdOrderByAdmittedOnDesc(long samaritanId);
}

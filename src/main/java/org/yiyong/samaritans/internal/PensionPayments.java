package org.yiyong.samaritans.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The yearly pension lines; always read through the samaritan they belong to, whose scope was checked. */
public interface PensionPayments extends JpaRepository<PensionPayment, Long> {

    List<PensionPayment> findBySamaritanIdOrderByPensionYearDesc(long samaritanId);

    Optional<PensionPayment> findBySamaritanIdAndPensionYear(long samaritanId, int pensionYear);
}

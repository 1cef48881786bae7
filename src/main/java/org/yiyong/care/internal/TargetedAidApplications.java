package org.yiyong.care.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetedAidApplications extends JpaRepository<TargetedAidApplication, Long> {

    List<TargetedAidApplication> findBySamaritanIdOrderByAppliedOnDescIdDesc(long samaritanId);

    boolean existsBySamaritanIdAndAppliedToAndStatus(long samaritanId, TargetedAidApplication.Body appliedTo,
            TargetedAidApplication.Status status);
}

package org.yiyong.care.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The lines of campaigns' rosters. */
interface CampaignLines extends JpaRepository<CampaignLine, Long> {

    List<CampaignLine> findByCampaignIdOrderByStatusAscNameAscIdAsc(long campaignId);

    Optional<CampaignLine> findByIdAndCampaignId(long id, long campaignId);

    Optional<CampaignLine> findByCampaignIdAndSamaritanId(long campaignId, long samaritanId);

    List<CampaignLine> findBySamaritanIdOrderByIdDesc(long samaritanId);
}

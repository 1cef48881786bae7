package org.yiyong.care.internal;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The lines of campaigns' rosters. */
interface CampaignLines extends JpaRepository<CampaignLine, Long> {

    List<CampaignLine> findByCampaignIdOrderByStatusAscNameAscIdAsc(long campaignId);

    /**
     * A page of a roster's lines of some statuses (only those awaiting a conduct check with {@code check}):
     * included, sent, paid, left out, taken off, then by county.
     */
    @Query(nativeQuery = true, value = """
            select * from campaign_line
            where campaign_id = :campaignId and status in (:statuses)
              and (:check = false or (conduct_check_required and conduct_good is null))
            order by case status when 'INCLUDED' then 0 when 'SENT' then 1 when 'PAID' then 2 when 'EXCLUDED' then 3
                     else 4 end, region_code, id""", countQuery = """
            select count(*) from campaign_line
            where campaign_id = :campaignId and status in (:statuses)
              and (:check = false or (conduct_check_required and conduct_good is null))""")
    Page<CampaignLine> page(long campaignId, Collection<String> statuses, boolean check, Pageable pageable);

    Optional<CampaignLine> findByIdAndCampaignId(long id, long campaignId);

    Optional<CampaignLine> findByCampaignIdAndSamaritanId(long campaignId, long samaritanId);

    List<CampaignLine> findBySamaritanIdOrderByIdDesc(long samaritanId);
}

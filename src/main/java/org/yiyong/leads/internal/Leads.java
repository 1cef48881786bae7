package org.yiyong.leads.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Leads. Reads for staff always go through the data scope. */
public interface Leads extends JpaRepository<Lead, Long> {

    Optional<Lead> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    boolean existsByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Lead> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    /** Leads whose reporter agreed to SMS and whose last step is still to come, oldest first. */
    java.util.List<Lead> findTop500BySmsFollowedTrueAndIdGreaterThanOrderByIdAsc(long after);

    /** The lead's last step was told, or it is too old to follow. */
    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update Lead l set l.smsFollowed = false where l.id = :id")
    int stopFollowing(@org.springframework.data.repository.query.Param("id") long id);
}

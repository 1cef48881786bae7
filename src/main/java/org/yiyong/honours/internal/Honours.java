package org.yiyong.honours.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Honours; reads within a data scope take the scope's region codes. */
public interface Honours extends JpaRepository<Honour, Long> {

    Optional<Honour> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Honour> findByVerificationCode(String verificationCode);

    List<Honour> findBySamaritanIdOrderByIdDesc(long samaritanId);

    /** A samaritan's own honours and those of the groups they belong to, newest first. */
    @Query("select distinct h from Honour h left join h.memberIds m where h.samaritanId = :id or m = :id order by h.id desc")
    List<Honour> heldBy(@Param("id") long samaritanId);

    boolean existsBySamaritanIdAndTitleIdAndDeedId(long samaritanId, long titleId, Long deedId);

    boolean existsByRecipientNameAndTitleIdAndDeedId(String recipientName, long titleId, Long deedId);
}

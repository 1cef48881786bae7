package org.yiyong.honours.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Honours; reads within a data scope take the scope's region codes. */
public interface Honours extends JpaRepository<Honour, Long> {

    Optional<Honour> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<Honour> findByVerificationCode(String verificationCode);

    List<Honour> findBySamaritanIdOrderByIdDesc(long samaritanId);

    /** The honours of the groups a samaritan belongs to. */
    @Query("select h from Honour h join h.memberIds m where m = :id")
    List<Honour> ofGroupsWith(@Param("id") long samaritanId);

    /**
     * A samaritan's own honours and those of the groups they belong to, newest first: two reads by index (one
     * query with "own or member" would read every honour).
     */
    default List<Honour> heldBy(long samaritanId) {
        Map<Long, Honour> held = new TreeMap<>(Comparator.reverseOrder());
        findBySamaritanIdOrderByIdDesc(samaritanId).forEach(honour -> held.put(honour.getId(), honour));
        ofGroupsWith(samaritanId).forEach(honour -> held.put(honour.getId(), honour));
        return List.copyOf(held.values());
    }

    boolean existsBySamaritanIdAndTitleIdAndDeedId(long samaritanId, long titleId, Long deedId);

    boolean existsByRecipientNameAndTitleIdAndDeedId(String recipientName, long titleId, Long deedId);
}

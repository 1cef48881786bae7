package org.yiyong.funds.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The journal; reads within a data scope take the scope's region codes. */
public interface JournalEntries extends JpaRepository<JournalEntry, Long> {

    Optional<JournalEntry> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<JournalEntry> findFirstBySourceKindAndSourceIdOrderByIdDesc(JournalEntry.SourceKind kind, long sourceId);

    Page<JournalEntry> findByRegionCodeInOrderByEntryDateDescIdDesc(Collection<String> regionCodes, Pageable page);

    boolean existsByReversesId(long reversesId);
}

package org.yiyong.samaritans.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Death determinations, one per samaritan. */
public interface DeathDeterminations extends JpaRepository<DeathDetermination, Long> {

    Optional<DeathDetermination> findBySamaritanId(long samaritanId);
}

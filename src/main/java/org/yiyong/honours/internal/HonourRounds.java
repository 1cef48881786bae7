package org.yiyong.honours.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Honour rounds, newest first. */
public interface HonourRounds extends JpaRepository<HonourRound, Long> {

    List<HonourRound> findAllByOrderByIdDesc();
}

package org.yiyong.honours.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The catalogue of titles. */
public interface Titles extends JpaRepository<Title, Long> {

    Optional<Title> findByCode(String code);

    List<Title> findAllByOrderBySortOrder();
}

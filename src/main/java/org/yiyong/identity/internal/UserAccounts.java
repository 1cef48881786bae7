package org.yiyong.identity.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.yiyong.identity.Role;

/** User accounts. Lookups for people are always filtered by the caller's regions. */
public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.username = :username")
    Optional<UserAccount> lockByUsername(@Param("username") String username);

    Optional<UserAccount> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    @Query("""
            select u from UserAccount u
            where u.regionCode in :regions
              and (:q is null or lower(u.username) like :q or lower(u.displayName) like :q)
            order by u.username""")
    Page<UserAccount> search(@Param("regions") Collection<String> regions, @Param("q") String q, Pageable pageable);

    long countByRegionCodeIn(Collection<String> regionCodes);

    @Query("select u.username from UserAccount u where u.enabled = true order by u.username")
    java.util.List<String> enabledUsernames();

    @Query("select u.username from UserAccount u where u.organizationId = :organizationId")
    java.util.List<String> usernamesIn(@Param("organizationId") long organizationId);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update UserAccount u set u.regionCode = :regionCode where u.organizationId = :organizationId")
    int moveOrganization(@Param("organizationId") long organizationId, @Param("regionCode") String regionCode);

    boolean existsByUsername(String username);

    @Query("select count(u) > 0 from UserAccount u join u.roles r where u.username = :username and r = :role")
    boolean holdsRole(@Param("username") String username, @Param("role") org.yiyong.identity.Role role);

    @Query("select u from UserAccount u join u.roles r where r = :role and u.enabled = true order by u.username")
    java.util.List<UserAccount> enabledWithRole(@Param("role") org.yiyong.identity.Role role);
}

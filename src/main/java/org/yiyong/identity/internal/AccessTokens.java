package org.yiyong.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** Personal access tokens. */
public interface AccessTokens extends ListCrudRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByUserIdOrderByCreatedAtDesc(long userId);

    Optional<AccessToken> findByIdAndUserId(long id, long userId);
}

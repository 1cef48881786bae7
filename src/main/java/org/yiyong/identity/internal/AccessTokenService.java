package org.yiyong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.RecordNotFound;

/** Issues, checks and revokes personal access tokens. */
@Service
public class AccessTokenService {

    static final String PREFIX = "yy_";

    private final AccessTokens tokens;
    private final AccountDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokenService(AccessTokens tokens, AccountDirectory directory, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token; the returned text is the only time anyone sees it. */
    @Transactional
    public IssuedToken issue(CurrentUser user, String name, Integer validDays) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
        AccessToken saved = tokens.save(new AccessToken(user.id(), name.trim(), sha256(token),
                token.substring(0, 8), now, expires));
        audit.record(AuditRecord.of(AuditAction.CREATE, "AccessToken", saved.getId())
                .withChanges(Changes.created(Changes.snapshot("name", saved.getName(), "prefix",
                        saved.getTokenPrefix(), "expiresAt", expires))));
        return new IssuedToken(saved.getId(), token);
    }

    @Transactional(readOnly = true)
    public List<AccessToken> tokensOf(CurrentUser user) {
        return tokens.findByUserIdOrderByCreatedAtDesc(user.id());
    }

    @Transactional
    public void revoke(CurrentUser user, long tokenId) {
        AccessToken token = tokens.findByIdAndUserId(tokenId, user.id())
                .orElseThrow(() -> new RecordNotFound("AccessToken", tokenId));
        if (token.getRevokedAt() != null) {
            return;
        }
        token.revoke(clock.instant());
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, "AccessToken", tokenId)
                .withChanges(Changes.between(Changes.snapshot("revokedAt", null),
                        Changes.snapshot("revokedAt", token.getRevokedAt()))));
    }

    /** The user a presented token stands for, if the token is known, not revoked and not expired. */
    @Transactional
    public Optional<SignedInUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(sha256(presented))
                .filter(token -> token.isUsable(now))
                .flatMap(token -> {
                    token.used(now);
                    return directory.byId(token.getUserId());
                })
                .filter(user -> user.isEnabled() && user.isAccountNonLocked());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A token just issued: its id and its text. */
    public record IssuedToken(long id, String token) {
    }
}

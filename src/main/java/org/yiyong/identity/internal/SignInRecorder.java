package org.yiyong.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.internal.IdentityProperties;

/** Counts failed sign-ins, locks accounts, and records every sign-in and sign-out in the audit trail. */
@Service
public class SignInRecorder {

    /** What a refused sign-in led to. */
    public enum Refusal {
        /** wrong user name or password */
        BAD_CREDENTIALS,
        /** this failure locked the account */
        LOCKED_NOW,
        /** the account was already locked */
        LOCKED,
        /** the account or its organization is disabled */
        DISABLED
    }

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final Clock clock;

    SignInRecorder(UserAccounts accounts, AuditTrail audit, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Refusal failed(String username, Refusal reason) {
        String name = username == null ? "" : username.trim();
        Refusal outcome = reason;
        Optional<UserAccount> found = name.isEmpty() ? Optional.empty() : accounts.lockByUsername(name);
        if (found.isPresent() && reason == Refusal.BAD_CREDENTIALS) {
            UserAccount account = found.get();
            Instant now = clock.instant();
            if (account.recordFailedLogin(now, properties.maxFailedLogins(), properties.lockDuration())) {
                outcome = Refusal.LOCKED_NOW;
                audit.record(AuditRecord.of(AuditAction.ACCOUNT_LOCKED, "UserAccount", account.getId())
                        .withDetail("locked until " + account.getLockedUntil())
                        .byActor(name));
            }
        }
        audit.record(AuditRecord.of(AuditAction.LOGIN_FAILED, "UserAccount",
                        found.map(UserAccount::getId).orElse(null))
                .withDetail(outcome.name())
                .byActor(name.isEmpty() ? "(empty)" : name));
        return outcome;
    }

    /**
     * Records a sign-in whose password was right. Under the row lock the account is checked again:
     * a burst of parallel guesses may have locked it after it was loaded, and then the sign-in is
     * refused after all. Returns whether the sign-in stands.
     */
    @Transactional
    public boolean succeeded(String username) {
        Optional<UserAccount> found = accounts.lockByUsername(username);
        if (found.isEmpty()) {
            return false;
        }
        UserAccount account = found.get();
        if (account.isLocked(clock.instant())) {
            audit.record(AuditRecord.of(AuditAction.LOGIN_FAILED, "UserAccount", account.getId())
                    .withDetail(Refusal.LOCKED.name()).byActor(username));
            return false;
        }
        account.recordSuccessfulLogin(clock.instant());
        audit.record(AuditRecord.of(AuditAction.LOGIN, "UserAccount", account.getId()).byActor(username));
        return true;
    }

    @Transactional
    public void signedOut(String username) {
        audit.record(AuditRecord.of(AuditAction.LOGOUT, "UserAccount", null).byActor(username));
    }
}

package org.yiyong.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.OrganizationDirectory;
import org.yiyong.identity.OrganizationDirectory.Placement;
import org.yiyong.identity.People;
import org.yiyong.identity.Role;
import org.yiyong.identity.internal.PasswordPolicy;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.StaleRecord;

/**
 * Managing accounts, with the three administrators kept apart: the system administrator creates
 * accounts and resets passwords, only the security administrator assigns roles and unlocks accounts.
 */
@Service
public class UserAdministration {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

    private final UserAccounts accounts;
    private final OrganizationDirectory organizations;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final SessionTermination sessions;
    private final AccessTokens tokens;
    private final Clock clock;
    private final People people;

    UserAdministration(UserAccounts accounts, OrganizationDirectory organizations, PasswordEncoder encoder,
            PasswordPolicy policy, AuditTrail audit, SessionTermination sessions, AccessTokens tokens,
            Clock clock, People people) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
        this.people = people;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    public Page<UserAccount> search(CurrentUser me, String query, org.springframework.data.domain.Pageable page) {
        String q = query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase(Locale.ROOT) + "%";
        return accounts.search(me.scope().regionCodes(), q, page);
    }

    /** An account in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    public UserAccount get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UserAccount create(CurrentUser me, NewAccount account) {
        String username = account.username() == null ? "" : account.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidField("username", "user.username.invalid");
        }
        if (accounts.existsByUsername(username)) {
            throw new InvalidField("username", "user.username.taken");
        }
        checkPassword("initialPassword", username, account.initialPassword());
        Placement place = organizationInScope(me, account.organizationId());
        UserAccount created = accounts.save(new UserAccount(username, account.displayName().trim(),
                encoder.encode(account.initialPassword()), place.organizationId(), place.regionCode(), true,
                clock.instant()));
        audit.record(AuditRecord.of(AuditAction.CREATE, "UserAccount", created.getId())
                .withChanges(Changes.created(created.snapshot())));
        return created;
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void update(CurrentUser me, long id, long expectedVersion, String displayName, long organizationId,
            boolean enabled) {
        UserAccount account = inScope(me, id);
        requireVersion(account, expectedVersion);
        if (account.isSecurityOrAuditAdministrator()) {
            throw new NotAllowed("user.other-administrator");
        }
        if (account.getId() == me.id() && !enabled) {
            throw new InvalidField("enabled", "user.cannot-disable-self");
        }
        Placement place = organizationId == account.getOrganizationId()
                ? organizations.placementOf(organizationId).orElseThrow(
                        () -> new InvalidField("organizationId", "user.organization.invalid"))
                : organizationInScope(me, organizationId);
        Map<String, Object> before = account.snapshot();
        account.update(displayName.trim(), place.organizationId(), place.regionCode());
        account.setEnabled(enabled);
        people.forget(account.getUsername());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "UserAccount", id)
                .withChanges(Changes.between(before, account.snapshot())));
        if (!account.isEnabled() || !before.get("organizationId").equals(account.getOrganizationId())) {
            sessions.endSessionsOf(java.util.List.of(account.getUsername()));
        }
    }

    /**
     * Sets a password the user must change at the next sign-in, revokes their access tokens and ends
     * their sessions. The system administrator resets ordinary accounts and other system
     * administrators; the accounts of the security and audit administrators are reset by a security
     * administrator, never by themselves, so that no administrator can take over another's job.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    public void resetPassword(CurrentUser me, long id, String newPassword) {
        UserAccount account = inScope(me, id);
        boolean allowed = account.isSecurityOrAuditAdministrator()
                ? me.has(Role.SECURITY_ADMIN) && account.getId() != me.id()
                : me.has(Role.SYSTEM_ADMIN);
        if (!allowed) {
            throw new NotAllowed("user.other-administrator");
        }
        checkPassword("newPassword", account.getUsername(), newPassword);
        account.resetPassword(encoder.encode(newPassword), clock.instant());
        tokens.findByUserIdOrderByCreatedAtDesc(id).forEach(token -> token.revoke(clock.instant()));
        audit.record(AuditRecord.of(AuditAction.PASSWORD_CHANGED, "UserAccount", id)
                .withDetail("reset by administrator; change required at next sign-in; access tokens revoked"));
        sessions.endSessionsOf(java.util.List.of(account.getUsername()));
    }

    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void assignRoles(CurrentUser me, long id, long expectedVersion, Set<Role> roles) {
        UserAccount account = inScope(me, id);
        requireVersion(account, expectedVersion);
        if (account.getId() == me.id()) {
            throw new NotAllowed("user.roles.not-own");
        }
        Map<String, Object> before = account.snapshot();
        account.assignRoles(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        audit.record(AuditRecord.of(AuditAction.ROLES_CHANGED, "UserAccount", id)
                .withChanges(Changes.between(before, account.snapshot())));
        sessions.endSessionsOf(java.util.List.of(account.getUsername()));
    }

    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void unlock(CurrentUser me, long id) {
        UserAccount account = inScope(me, id);
        account.unlock();
        audit.record(AuditRecord.of(AuditAction.ACCOUNT_UNLOCKED, "UserAccount", id));
    }

    /**
     * Any signed-in user changes their own password, proving they know the current one. Whoever else
     * might hold the old password loses what it opened: every other session of the user ends (the one
     * making the change goes on), and their access tokens are revoked unless they choose to keep them.
     */
    @Transactional
    public PasswordChanged changeOwnPassword(CurrentUser me, String currentPassword, String newPassword,
            String currentSessionId, boolean keepTokens) {
        UserAccount account = accounts.findById(me.id()).orElseThrow(() -> new RecordNotFound("UserAccount", me.id()));
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InvalidField("currentPassword", "password.current-wrong");
        }
        checkPassword("newPassword", account.getUsername(), newPassword);
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw new InvalidField("newPassword", "password.same-as-before");
        }
        Instant now = clock.instant();
        account.changePassword(encoder.encode(newPassword), now);
        int tokensRevoked = 0;
        if (!keepTokens) {
            for (AccessToken token : tokens.findByUserIdOrderByCreatedAtDesc(me.id())) {
                if (token.isUsable(now)) {
                    token.revoke(now);
                    tokensRevoked++;
                }
            }
        }
        int sessionsEnded = sessions.endOtherSessionsOf(account.getUsername(), currentSessionId);
        audit.record(AuditRecord.of(AuditAction.PASSWORD_CHANGED, "UserAccount", me.id())
                .withDetail("changed by the user; other sessions ended: " + sessionsEnded
                        + (keepTokens ? "; access tokens kept" : "; access tokens revoked: " + tokensRevoked)));
        return new PasswordChanged(sessionsEnded, tokensRevoked, keepTokens);
    }

    /** The signed-in user's own account. */
    @Transactional(readOnly = true)
    public UserAccount own(CurrentUser me) {
        return accounts.findById(me.id()).orElseThrow(() -> new RecordNotFound("UserAccount", me.id()));
    }

    /**
     * The user keeps their own mobile and e-mail, and chooses whether the morning digest of their to-do
     * list goes there too; a channel chosen needs its address.
     */
    @Transactional
    public UserAccount changeOwnContact(CurrentUser me, Contact contact) {
        UserAccount account = accounts.findById(me.id()).orElseThrow(() -> new RecordNotFound("UserAccount", me.id()));
        String mobile = blankToNull(contact.mobile());
        if (mobile != null) {
            PhoneNumber number;
            try {
                number = PhoneNumber.parse(mobile);
            } catch (InvalidField notAPhone) {
                throw new InvalidField("mobile", "user.mobile.invalid");
            }
            if (!number.isMobile()) {
                throw new InvalidField("mobile", "user.mobile.invalid");
            }
            mobile = number.value();
        }
        String email = blankToNull(contact.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw new InvalidField("email", "user.email.invalid");
        }
        if (contact.digestByEmail() && email == null) {
            throw new InvalidField("email", "user.email.needed");
        }
        if (contact.digestBySms() && mobile == null) {
            throw new InvalidField("mobile", "user.mobile.needed");
        }
        Map<String, Object> before = account.snapshot();
        account.changeContact(mobile, email, contact.digestByEmail(), contact.digestBySms());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "UserAccount", me.id())
                .withChanges(Changes.between(before, account.snapshot())));
        return account;
    }

    /** How a person is reached outside Yiyong. */
    public record Contact(String mobile, String email, boolean digestByEmail, boolean digestBySms) {
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What a password change ended besides the old password. */
    public record PasswordChanged(int sessionsEnded, int tokensRevoked, boolean tokensKept) {
    }

    @Transactional(readOnly = true)
    public List<Placement> organizationsFor(CurrentUser me) {
        return organizations.activeOrganizationsIn(me.scope());
    }

    private void checkPassword(String field, String username, String password) {
        List<String> violations = policy.violations(username, password);
        if (!violations.isEmpty()) {
            throw new InvalidField(field, violations.get(0), policy.messageArguments());
        }
    }

    private Placement organizationInScope(CurrentUser me, long organizationId) {
        return organizations.placementOf(organizationId)
                .filter(place -> me.scope().covers(place.regionCode()) && place.active())
                .orElseThrow(() -> new InvalidField("organizationId", "user.organization.invalid"));
    }

    private UserAccount inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, "UserAccount", id,
                accounts.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), accounts::existsById);
    }

    private static void requireVersion(UserAccount account, long expectedVersion) {
        if (account.getVersion() != expectedVersion) {
            throw new StaleRecord("UserAccount", account.getId());
        }
    }

    /** What the system administrator fills in for a new account. */
    public record NewAccount(String username, String displayName, long organizationId, String initialPassword) {
    }
}

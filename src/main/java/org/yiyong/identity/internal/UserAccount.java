package org.yiyong.identity.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yiyong.audit.Changes;
import org.yiyong.identity.Role;

/** A person's account: how they sign in, where they work, what they may do. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    private long organizationId;

    private String regionCode;

    private boolean enabled = true;

    private int failedAttempts;

    private Instant lockedUntil;

    private boolean passwordChangeRequired;

    private Instant passwordChangedAt;

    private Instant lastLoginAt;

    private String mobile;

    private String email;

    private boolean digestByEmail;

    private boolean digestBySms;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 50)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, long organizationId,
            String regionCode, boolean passwordChangeRequired, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.organizationId = organizationId;
        this.regionCode = regionCode;
        this.passwordChangeRequired = passwordChangeRequired;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a wrong password. Once the lock of an earlier run of failures has ended, counting starts
     * again. Returns whether this failure locked the account.
     */
    public boolean recordFailedLogin(Instant now, int maxFailures, Duration lockDuration) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            lockedUntil = null;
            failedAttempts = 0;
        }
        failedAttempts++;
        if (failedAttempts >= maxFailures && lockedUntil == null) {
            lockedUntil = now.plus(lockDuration);
            return true;
        }
        return false;
    }

    public void recordSuccessfulLogin(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    /** The user chose a new password themselves. */
    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
        this.passwordChangedAt = now;
    }

    /**
     * An administrator set a password the user must replace at the next sign-in. A lock stays: only
     * the security administrator unlocks.
     */
    public void resetPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = true;
        this.passwordChangedAt = now;
    }

    /** Whether the account holds the security or the audit administrator role. */
    public boolean isSecurityOrAuditAdministrator() {
        return roles.contains(Role.SECURITY_ADMIN) || roles.contains(Role.AUDIT_ADMIN);
    }

    public boolean isAdministrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }

    public void assignRoles(Set<Role> newRoles) {
        if (!Role.keepsAdministratorsApart(newRoles)) {
            throw new AdministratorRolesCombined();
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    public void update(String displayName, long organizationId, String regionCode) {
        this.displayName = displayName;
        this.organizationId = organizationId;
        this.regionCode = regionCode;
    }

    /** Where the person is reached outside Yiyong, as they keep it themselves. */
    public void changeContact(String mobile, String email, boolean digestByEmail, boolean digestBySms) {
        this.mobile = mobile;
        this.email = email;
        this.digestByEmail = digestByEmail;
        this.digestBySms = digestBySms;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("username", username, "displayName", displayName, "organizationId", organizationId,
                "regionCode", regionCode, "enabled", enabled, "roles",
                String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList())), "mobile", mobile, "email",
                email, "digestByEmail", digestByEmail, "digestBySms", digestBySms);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public long getOrganizationId() {
        return organizationId;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getMobile() {
        return mobile;
    }

    public String getEmail() {
        return email;
    }

    public boolean isDigestByEmail() {
        return digestByEmail;
    }

    public boolean isDigestBySms() {
        return digestBySms;
    }

    public long getVersion() {
        return version;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}

package org.yiyong.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.internal.SessionTermination;
import org.yiyong.identity.internal.UserAccounts;
import org.yiyong.shared.DataScope;

/** What other modules may ask about user accounts. */
@Service
@Transactional(readOnly = true)
public class Users {

    private final UserAccounts accounts;
    private final SessionTermination sessions;

    Users(UserAccounts accounts, SessionTermination sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** Whether the account with this login name (enabled or not) holds the role. */
    public boolean holds(String username, Role role) {
        return username != null && role != null && accounts.holdsRole(username, role);
    }

    /** The login names of the accounts that may sign in, in order. */
    public java.util.List<String> enabled() {
        return accounts.enabledUsernames();
    }

    /** How a person is reached outside Yiyong, and where they want the morning digest. */
    public record Contact(String mobile, String email, boolean digestByEmail, boolean digestBySms) {
    }

    /** The contact the account's owner keeps; empty for an unknown login name. */
    public java.util.Optional<Contact> contactOf(String username) {
        return accounts.findByUsername(username).map(account -> new Contact(account.getMobile(), account.getEmail(),
                account.isDigestByEmail(), account.isDigestBySms()));
    }

    public long countIn(DataScope scope) {
        return accounts.countByRegionCodeIn(scope.regionCodes());
    }

    /** Whether anyone has an account placed in one of these organizations. */
    @Transactional(readOnly = true)
    public boolean anyIn(java.util.Collection<Long> organizationIds) {
        return organizationIds.stream().anyMatch(id -> !accounts.usernamesIn(id).isEmpty());
    }

    /** An organization was deactivated: its people are signed out (and cannot sign in again). */
    @Transactional
    public void organizationDeactivated(long organizationId) {
        sessions.endSessionsOf(accounts.usernamesIn(organizationId));
    }

    /**
     * An organization moved to another region: its people's data scope moves with it, from their next
     * sign-in, so their open sessions end now.
     */
    @Transactional
    public void organizationMoved(long organizationId, String regionCode) {
        accounts.moveOrganization(organizationId, regionCode);
        sessions.endSessionsOf(accounts.usernamesIn(organizationId));
    }
}

package org.yiyong.audit;

/** What happened. Stored by name. */
public enum AuditAction {
    /** a user signed in */
    LOGIN,
    /** a sign-in was refused: wrong password, unknown user, locked or disabled account */
    LOGIN_FAILED,
    /** a user signed out */
    LOGOUT,
    /** a user was refused a page, an API call or a record outside their data scope */
    ACCESS_DENIED,
    /** a record was created */
    CREATE,
    /** a record was changed */
    UPDATE,
    /** a record was deactivated, revoked or otherwise taken out of use */
    DEACTIVATE,
    /** a record was removed for good, as an import's records are when the import is undone */
    DELETE,
    /** a record was put back in use */
    ACTIVATE,
    /** a person's roles were changed */
    ROLES_CHANGED,
    /** a password was changed or reset */
    PASSWORD_CHANGED,
    /** an account was locked after failed sign-ins */
    ACCOUNT_LOCKED,
    /** an account was unlocked by the security administrator */
    ACCOUNT_UNLOCKED,
    /** a file was uploaded */
    FILE_UPLOADED,
    /** a file was downloaded */
    FILE_DOWNLOADED,
    /** a protected number (resident ID, bank account) was shown unmasked, with the reason given */
    SENSITIVE_VIEWED
}

package org.yiyong.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.internal.UserAccounts;
import org.yiyong.shared.DataScope;

/** What other modules may ask about user accounts. */
@Service
@Transactional(readOnly = true)
public class Users {

    private final UserAccounts accounts;

    Users(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public long countIn(DataScope scope) {
        return accounts.countByRegionCodeIn(scope.regionCodes());
    }
}

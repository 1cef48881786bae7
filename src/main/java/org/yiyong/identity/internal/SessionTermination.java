package org.yiyong.identity.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the open sessions of people whose rights just changed (disabled, roles changed, password reset,
 * organization deactivated or moved), so that nobody keeps the rights they had at sign-in. Runs after
 * the change commits: a change that rolls back ends no session.
 */
@Component
public class SessionTermination {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    public void endSessionsOf(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        afterCommit(() -> usernames.forEach(username -> sessions.findByPrincipalName(username).keySet()
                .forEach(sessions::deleteById)));
    }

    /**
     * Ends every session of the user but the one given (the one they are using), and answers how many
     * there are to end. The count is taken now; the sessions end once the change commits.
     */
    public int endOtherSessionsOf(String username, String keptSessionId) {
        Set<String> others = new HashSet<>(sessions.findByPrincipalName(username).keySet());
        others.remove(keptSessionId);
        if (!others.isEmpty()) {
            afterCommit(() -> others.forEach(sessions::deleteById));
        }
        return others.size();
    }

    private static void afterCommit(Runnable end) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }
}

package org.yiyong.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.platform.Platform.DemoData;

/**
 * What the modules' demo seeders share: each seeds its part of the demo once — when the demo data is on
 * and the tables of its part are still empty — in one transaction, acting as the demo staff accounts who
 * would have entered the records, with their roles and data scope.
 */
@Component
public class DemoSeeding {

    private final JdbcClient jdbc;
    private final UserDetailsService accounts;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Clock clock;

    DemoSeeding(JdbcClient jdbc, UserDetailsService accounts, TransactionTemplate transactions, DemoData demoData,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.transactions = transactions;
        this.demoData = demoData;
        this.clock = clock;
    }

    /**
     * Seeds a part of the demo in one transaction, unless the demo data is off or one of the part's tables
     * holds a row already. When another node seeds at the same time and this one fails, the part is left
     * to the other: the failure is logged as "Demo {@code what} not seeded".
     */
    public void seedOnce(Logger log, String what, Runnable seed, String... tables) {
        if (!demoData.enabled() || Arrays.stream(tables).anyMatch(this::holdsRows)) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> seed.run());
        } catch (RuntimeException anotherNodeWasFaster) {
            log.warn("Demo " + what + " not seeded", anotherNodeWasFaster);
        }
    }

    private boolean holdsRows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single() > 0;
    }

    /** The steps done as the demo account of that name; their result. */
    public <T> T as(String username, Function<CurrentUser, T> steps) {
        return SignedIn.as(accounts.loadUserByUsername(username), steps);
    }

    /** The steps done as the demo account of that name, for steps that give nothing back. */
    public void act(String username, Consumer<CurrentUser> steps) {
        as(username, me -> {
            steps.accept(me);
            return null;
        });
    }

    /** The day the demo's dates count from. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}

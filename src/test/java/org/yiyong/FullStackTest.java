package org.yiyong;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole application on the configured database (in-memory H2 by default, PostgreSQL in CI's
 * second pass), with the demo data, driven through MockMvc. Tests share the database, so each one
 * makes its own records with unique names and asserts on those.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestClock.Config.class, Statements.class})
public abstract class FullStackTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Autowired
    private UserDetailsService accounts;

    /** Signs the request in as a user, with their real organization, roles and data scope. */
    protected RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    protected long organizationId(String code) {
        return jdbc.sql("select id from organization where code = :code").param("code", code).query(Long.class)
                .single();
    }

    /** The actions recorded in the audit trail for one entity, oldest first. */
    protected List<String> auditedActions(String actor, String entityType, Object entityId) {
        return jdbc.sql("""
                select action from audit_entry
                where actor = :actor and entity_type = :type and entity_id = :id order by id""")
                .param("actor", actor)
                .param("type", entityType)
                .param("id", String.valueOf(entityId))
                .query(String.class)
                .list();
    }

    /**
     * A staff account of its own for the organization with the given code, holding one role, for a test
     * that needs someone the demo data does not have (the police bureau of a county without a demo user).
     */
    protected String staffOf(String organizationCode, String role) {
        String username = unique("staff").toLowerCase(java.util.Locale.ROOT);
        var organization = jdbc.sql("select id, region_code from organization where code = :code")
                .param("code", organizationCode).query().singleRow();
        jdbc.sql("""
                insert into user_account (username, display_name, password_hash, organization_id, region_code, created_at)
                values (:username, :name, '-', :organization, :region, :now)""")
                .param("username", username)
                .param("name", "测试" + organizationCode)
                .param("organization", organization.get("id"))
                .param("region", organization.get("region_code"))
                .param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                insert into user_role (user_id, role)
                select id, :role from user_account where username = :username""")
                .param("role", role).param("username", username).update();
        return username;
    }

    /** Waits until every event published to another module has been handled. */
    protected void awaitEvents() throws InterruptedException {
        new ConfirmedDeeds(mvc, jdbc, clock, this::as).awaitEvents();
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    /** A valid resident ID number with the given first 14 digits that no other test of this run uses. */
    protected static String uniqueResidentId(String first14) {
        return org.yiyong.shared.ResidentId.withCheckDigit(first14 + String.format("%03d",
                SEQUENCE.incrementAndGet() % 1000));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}

package org.yiyong.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.OrganizationDirectory;
import org.yiyong.identity.OrganizationDirectory.Placement;
import org.yiyong.identity.Role;
import org.yiyong.identity.internal.PasswordPolicy;
import org.yiyong.platform.Platform.DemoData;

/**
 * The first accounts. With demo data: the demo users, all with {@link #DEMO_PASSWORD}. Without: one
 * {@code sysadmin} with a random one-time password, printed once to the log, to be changed at the
 * first sign-in.
 */
@Component
@Order(20)
class IdentityBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Yiyong@2024";

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** username, display name, organization code, role */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"sysadmin", "陈立新", "QZ-PSB", "SYSTEM_ADMIN"},
            new String[] {"secadmin", "林建国", "QZ-PSB", "SECURITY_ADMIN"},
            new String[] {"auditor", "黄秀英", "QZ-PSB", "AUDIT_ADMIN"},
            new String[] {"city-staff", "王丽华", "QZ-ASSOC", "CITY_STAFF"},
            new String[] {"city-police", "郭建华", "QZ-PSB", "CITY_STAFF"},
            new String[] {"jinjiang-police", "苏明辉", "JJ-PSB", "COUNTY_STAFF"},
            new String[] {"nanan-police", "傅国强", "NA-PSB", "COUNTY_STAFF"},
            new String[] {"shishi-police", "邱建明", "SS-PSB", "COUNTY_STAFF"},
            new String[] {"huian-police", "骆志坚", "HA-PSB", "COUNTY_STAFF"},
            new String[] {"jinjiang-staff", "许志强", "JJ-ASSOC", "COUNTY_STAFF"},
            new String[] {"nanan-staff", "洪美玲", "NA-ASSOC", "COUNTY_STAFF"},
            new String[] {"investigator-jinjiang", "施文辉", "JJ-PS-QY", "INVESTIGATOR"},
            new String[] {"anhai-station", "黄丽娜", "JJ-WS-AH", "STATION_STAFF"},
            new String[] {"committee-1", "吴振东", "QZ-COMMITTEE", "COMMITTEE_MEMBER"},
            new String[] {"committee-2", "陈淑贞", "QZ-COMMITTEE", "COMMITTEE_MEMBER"},
            new String[] {"finance-reviewer", "郑淑芬", "QZ-ASSOC", "FINANCE_REVIEWER"},
            new String[] {"cashier", "蔡雅琴", "QZ-ASSOC", "CASHIER"},
            new String[] {"jinjiang-finance", "施丽娟", "JJ-ASSOC", "FINANCE_REVIEWER"},
            new String[] {"jinjiang-cashier", "蔡志明", "JJ-ASSOC", "CASHIER"},
            new String[] {"leader", "李正明", "QZ-ASSOC", "LEADER"});

    private final UserAccounts accounts;
    private final OrganizationDirectory organizations;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Environment environment;
    private final Clock clock;

    IdentityBootstrap(UserAccounts accounts, OrganizationDirectory organizations, PasswordEncoder encoder,
            PasswordPolicy policy, AuditTrail audit, TransactionTemplate transactions, DemoData demoData,
            Environment environment, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
        this.demoData = demoData;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        try {
            if (demoData.enabled()) {
                transactions.executeWithoutResult(status -> createDemoUsers());
            } else {
                transactions.executeWithoutResult(status -> createFirstAdministrator());
            }
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            log.info("Another node created the first accounts at the same time; keeping theirs.");
        }
    }

    private void createDemoUsers() {
        String hash = encoder.encode(DEMO_PASSWORD);
        for (String[] demo : DEMO_USERS) {
            Placement place = organizations.placementOf(demo[2])
                    .orElseThrow(() -> new IllegalStateException("demo organization missing: " + demo[2]));
            UserAccount account = new UserAccount(demo[0], demo[1], hash, place.organizationId(),
                    place.regionCode(), false, clock.instant());
            account.assignRoles(EnumSet.of(Role.valueOf(demo[3])));
            accounts.save(account);
            audit.record(AuditRecord.of(AuditAction.CREATE, "UserAccount", account.getId())
                    .withDetail("demo account " + demo[0]));
        }
    }

    private void createFirstAdministrator() {
        Placement place = organizations.ensureCityOrganization();
        String password = oneTimePassword(policy);
        UserAccount admin = new UserAccount("sysadmin", "系统管理员", encoder.encode(password),
                place.organizationId(), place.regionCode(), true, clock.instant());
        admin.assignRoles(EnumSet.of(Role.SYSTEM_ADMIN));
        accounts.save(admin);
        audit.record(AuditRecord.of(AuditAction.CREATE, "UserAccount", admin.getId())
                .withDetail("first system administrator"));
        log.warn("""

                ================================================================
                 First start: created the system administrator
                   user name: sysadmin
                   one-time password: {}
                 It is shown only this once and must be changed at first sign-in.
                 Then have sysadmin create a security administrator account.
                ================================================================""", password);
    }

    /**
     * A random password that the policy accepts: at least 16 characters, or the configured minimum when
     * that is more (never beyond the policy's maximum), with lower case, upper case and digits.
     */
    static String oneTimePassword(PasswordPolicy policy) {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String all = lower + upper + digits + "@#%+=";
        int length = Math.min(Math.max(16, policy.minLength()), PasswordPolicy.MAX_BYTES);
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        password.append(lower.charAt(random.nextInt(lower.length())));
        password.append(upper.charAt(random.nextInt(upper.length())));
        password.append(digits.charAt(random.nextInt(digits.length())));
        while (password.length() < length) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        List<String> violations = policy.violations("sysadmin", password.toString());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the one-time password breaks the password policy: " + violations);
        }
        return password.toString();
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        StringBuilder message = new StringBuilder("\n\n  Yiyong 义勇 is running at http://localhost:" + port + "/\n");
        if (demoData.enabled()) {
            message.append("  Demo logins (password ").append(DEMO_PASSWORD).append("):\n");
            for (String[] demo : DEMO_USERS) {
                message.append(String.format("    %-22s %s, %s%n", demo[0], demo[3], demo[2]));
            }
        }
        log.info(message.toString());
    }
}

package org.yiyong.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAccounts;
import org.yiyong.shared.DataScope;

/**
 * How a person recorded by login name (a record's {@code createdBy}, {@code approvedBy}, a timeline's
 * actor) is shown on pages and documents: by the name they are known by (王丽华), with their
 * organization where that helps. Records keep the login name, which is what the audit trail needs.
 * <p>
 * Templates call it as {@code ${@people.name(order.requestedBy)}}; renderers of documents call it
 * before rendering. The platform's own actions ({@code system}) read 系统, the public's (a tip, an
 * objection) 公众; a name that is no account (typed by hand, or an account since removed) is shown as
 * it is. Names are remembered for a minute, so that a list of a hundred rows by the same few people
 * asks the database once per person.
 */
@Component("people")
public class People {

    /** The actor of what the platform does by itself (a scheduled job, an event). */
    public static final String SYSTEM = "system";
    /** The actor of what the public does (a tip, an objection). */
    public static final String PUBLIC = "public";

    private static final long REMEMBER_NANOS = 60_000_000_000L;
    private static final int MAX_REMEMBERED = 2_000;

    private final UserAccounts accounts;
    private final ObjectProvider<OrganizationDirectory> organizations;
    private final Map<String, Known> remembered = new ConcurrentHashMap<>();

    People(UserAccounts accounts, ObjectProvider<OrganizationDirectory> organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** The name a person is known by (王丽华); 系统 for the platform; the login name if no account has it; null for null. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        return known(username).name();
    }

    /** The name and the organization: 王丽华（泉州市见义勇为协会）; as {@link #name} when there is no account. */
    public String nameWithOrganization(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        Known known = known(username);
        return known.organization() == null ? known.name() : known.name() + "（" + known.organization() + "）";
    }

    /** The names of several people, joined by 、 in the given order. */
    public String names(Collection<String> usernames) {
        if (usernames == null) {
            return "";
        }
        return usernames.stream().filter(Objects::nonNull).map(this::name).collect(Collectors.joining("、"));
    }

    /**
     * The people with a role whose accounts are enabled, by login name, for choosing them by name in a
     * form (the committee members of a review panel).
     */
    public List<Person> holding(Role role) {
        return accounts.enabledWithRole(role).stream()
                .map(this::person).toList();
    }

    /** The people with a role whose accounts are enabled and who work within the scope, by name. */
    public List<Person> holding(Role role, DataScope scope) {
        return accounts.enabledWithRole(role).stream().filter(account -> scope.covers(account.getRegionCode()))
                .map(this::person).toList();
    }

    /** The enabled account with this login name, as a form offers it; empty when there is none. */
    public Optional<Person> enabled(String username) {
        return username == null ? Optional.empty()
                : accounts.findByUsername(username).filter(account -> account.isEnabled()).map(this::person);
    }

    private Person person(UserAccount account) {
        return new Person(account.getUsername(), displayName(account.getDisplayName(), account.getUsername()),
                organizationName(account.getOrganizationId()), account.getOrganizationId());
    }

    /**
     * A person as a form offers them: the login name to send, the name and organization to show, and the
     * organization's id to check them against.
     */
    public record Person(String username, String name, String organization, long organizationId) {
    }

    /** Forgets what is remembered of one person, after their name or organization changed. */
    public void forget(String username) {
        if (username != null) {
            remembered.remove(username);
        }
    }

    private Known known(String username) {
        long now = System.nanoTime();
        Known known = remembered.get(username);
        if (known != null && now - known.loadedAt() < REMEMBER_NANOS) {
            return known;
        }
        known = load(username, now);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(username, known);
        return known;
    }

    private Known load(String username, long now) {
        return accounts.findByUsername(username)
                .map(account -> new Known(displayName(account.getDisplayName(), username),
                        organizationName(account.getOrganizationId()), now))
                .orElseGet(() -> new Known(switch (username) {
                    case SYSTEM -> "系统";
                    case PUBLIC -> "公众";
                    default -> username;
                }, null, now));
    }

    private static String displayName(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    private String organizationName(long organizationId) {
        OrganizationDirectory directory = organizations.getIfAvailable();
        return directory == null ? null
                : directory.placementOf(organizationId).map(OrganizationDirectory.Placement::name).orElse(null);
    }

    private record Known(String name, String organization, long loadedAt) {
    }
}

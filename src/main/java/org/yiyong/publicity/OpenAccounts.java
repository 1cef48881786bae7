package org.yiyong.publicity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.funds.OpenAccountFigures;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.StaleRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open accounts of the money (善款公示): for a year and an association, the funds' figures are frozen when
 * staff prepare the account, checked, and published by an authorised person (a finance reviewer or a leader)
 * other than the one who prepared it. The portal shows only what was published, never live figures; a later
 * account of the same year replaces the earlier on publication, and an account can be withdrawn.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(OpenAccounts.READ)
public class OpenAccounts {

    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER', 'LEADER')";
    public static final String ENTITY = "OpenAccount";

    private final JdbcClient jdbc;
    private final OpenAccountFigures figures;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;

    OpenAccounts(JdbcClient jdbc, OpenAccountFigures figures, AuditTrail audit, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** Where an open account stands. Stored by name. */
    public enum Status {
        DRAFT, PUBLISHED, WITHDRAWN
    }

    public record OpenAccount(long id, String regionCode, int year, String association, Status status,
            BigDecimal donations, BigDecimal paidOut, String preparedBy, Instant preparedAt, String publishedBy,
            Instant publishedAt, long version, OpenAccountFigures.Account figures) {
    }

    public List<OpenAccount> list(CurrentUser me) {
        return jdbc.sql(SELECT + " where region_code in (:scope) order by account_year desc, id desc")
                .param("scope", me.scope().regionCodes()).query(this::account).list();
    }

    public OpenAccount get(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id, jdbc.sql(SELECT + " where id = :id and region_code in (:scope)")
                        .param("id", id).param("scope", me.scope().regionCodes()).query(this::account).optional(),
                missing -> jdbc.sql("select count(*) from open_account where id = :id").param("id", missing)
                        .query(Long.class).single() > 0);
    }

    /** Freezes the funds' figures of a finished year for one association of the caller's scope, as a draft. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public OpenAccount prepare(CurrentUser me, String regionCode, int year) {
        Inputs.requiredText("regionCode", regionCode);
        String region = regionCode.trim();
        if (!me.scope().covers(region)) {
            throw new InvalidField("regionCode", "open-account.region.invalid");
        }
        int thisYear = clock.instant().atZone(clock.getZone()).getYear();
        if (year < 2000 || year >= thisYear) {
            throw new InvalidField("year", "open-account.year.unfinished", thisYear);
        }
        OpenAccountFigures.Account account = figures.of(me, region, year);
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_account (region_code, account_year, association, figures, donations, expenses,
                    status, prepared_by, prepared_at)
                values (:region, :year, :association, :figures, :donations, :expenses, 'DRAFT', :by, :at)""")
                .param("region", region).param("year", year).param("association", account.association())
                .param("figures", json.writeValueAsString(account)).param("donations", account.donations())
                .param("expenses", account.paidOut()).param("by", me.username()).param("at", now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(region + " " + year + ": donations "
                + account.donations() + ", paid out " + account.paidOut()));
        return get(me, id);
    }

    /**
     * Publishes a prepared account: by a finance reviewer or a leader other than its preparer. The account of
     * the same association and year published before is withdrawn by it.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('FINANCE_REVIEWER', 'LEADER')")
    public OpenAccount publish(CurrentUser me, long id, long version) {
        OpenAccount account = get(me, id);
        if (account.status() != Status.DRAFT) {
            throw new PublicationRuleBroken("open-account.not-draft");
        }
        if (me.username().equals(account.preparedBy())) {
            throw new PublicationRuleBroken("open-account.second-person");
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> earlier = jdbc.sql("""
                select id from open_account where region_code = :region and account_year = :year and status = 'PUBLISHED'""")
                .param("region", account.regionCode()).param("year", account.year()).query(Long.class).list();
        for (long previous : earlier) {
            jdbc.sql("""
                    update open_account set status = 'WITHDRAWN', withdrawn_by = :by, withdrawn_at = :at,
                        published_key = null, version = version + 1 where id = :id""")
                    .param("by", me.username()).param("at", now).param("id", previous).update();
            audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, previous).withDetail("replaced by " + id));
        }
        int updated = jdbc.sql("""
                update open_account set status = 'PUBLISHED', published_by = :by, published_at = :at,
                    published_key = :key, version = version + 1 where id = :id and version = :version and status = 'DRAFT'""")
                .param("by", me.username()).param("at", now).param("key", account.regionCode() + ":" + account.year())
                .param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new StaleRecord(ENTITY, id);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("published"));
        return get(me, id);
    }

    /** Takes a published account (or a draft no longer wanted) off. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER', 'LEADER')")
    public OpenAccount withdraw(CurrentUser me, long id, long version) {
        OpenAccount account = get(me, id);
        if (account.status() == Status.WITHDRAWN) {
            throw new PublicationRuleBroken("open-account.already-withdrawn");
        }
        if (account.status() == Status.PUBLISHED && !me.hasAny(Role.FINANCE_REVIEWER, Role.LEADER)) {
            throw new PublicationRuleBroken("open-account.withdraw.authorised-only");
        }
        int updated = jdbc.sql("""
                update open_account set status = 'WITHDRAWN', withdrawn_by = :by, withdrawn_at = :at,
                    published_key = null, version = version + 1
                where id = :id and version = :version and status <> 'WITHDRAWN'""")
                .param("by", me.username()).param("at", Timestamp.from(clock.instant())).param("id", id)
                .param("version", version).update();
        if (updated == 0) {
            throw new StaleRecord(ENTITY, id);
        }
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id).withDetail("withdrawn"));
        return get(me, id);
    }

    /** The published accounts, the latest year first (the city's before the counties' within a year). */
    @PreAuthorize("permitAll()")
    public List<OpenAccount> published() {
        return jdbc.sql(SELECT + " where status = 'PUBLISHED' order by account_year desc, region_code, id")
                .query(this::account).list();
    }

    /** A published account. */
    @PreAuthorize("permitAll()")
    public Optional<OpenAccount> published(long id) {
        return jdbc.sql(SELECT + " where id = :id and status = 'PUBLISHED'").param("id", id).query(this::account)
                .optional();
    }

    private static final String SELECT = """
            select id, region_code, account_year, association, figures, donations, expenses, status, prepared_by,
                   prepared_at, published_by, published_at, version
            from open_account""";

    private OpenAccount account(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new OpenAccount(rs.getLong("id"), rs.getString("region_code"), rs.getInt("account_year"),
                rs.getString("association"), Status.valueOf(rs.getString("status")), rs.getBigDecimal("donations"),
                rs.getBigDecimal("expenses"), rs.getString("prepared_by"), rs.getTimestamp("prepared_at").toInstant(),
                rs.getString("published_by"), published == null ? null : published.toInstant(), rs.getLong("version"),
                json.readValue(rs.getString("figures"), OpenAccountFigures.Account.class));
    }
}

package org.yiyong.publicity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.StaleRecord;

/**
 * A person's consent to be published on the portal, per use: on the honour roll (with the citation approved for
 * it) or in stories about them. Given by the person, or by their family when the person died (a martyr's page);
 * recorded with the day it was given and who recorded it. Without a standing consent a person appears nowhere on
 * the portal; withdrawing it takes them off the roll and withdraws every published story about them at once.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Consents.READ)
public class Consents {

    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    public static final String ENTITY = "PublicationConsent";

    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Consents(JdbcClient jdbc, SamaritanDirectory people, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** What a person consented to have published. Stored by name. */
    public enum Purpose {
        /** 光荣榜: name, title, year, county, photo and the approved citation */
        HONOUR_ROLL,
        /** 事迹报道: stories about them */
        STORY
    }

    /** Who gave the consent. Stored by name. */
    public enum GivenBy {
        SELF, FAMILY
    }

    public record Consent(long id, long samaritanId, String name, String regionCode, Purpose purpose, GivenBy givenBy,
            String relativeName, LocalDate givenOn, String citation, String note, String recordedBy,
            Instant recordedAt, LocalDate withdrawnOn, String withdrawalReason, String withdrawnBy, long version) {

        public boolean standing() {
            return withdrawnOn == null;
        }
    }

    public record NewConsent(Long samaritanId, Purpose purpose, GivenBy givenBy, String relativeName,
            LocalDate givenOn, String citation, String note) {
    }

    /** Published when a consent is withdrawn, after the stories about the person were withdrawn with it. */
    public record ConsentWithdrawn(long consentId, long samaritanId, Purpose purpose) {
    }

    /** The consents recorded within the caller's scope (of one person when given), standing ones first. */
    public List<Consent> list(CurrentUser me, Long samaritanId) {
        return named(jdbc.sql(SELECT + " where region_code in (:scope)"
                        + (samaritanId == null ? "" : " and samaritan_id = :person")
                        + " order by case when withdrawn_on is null then 0 else 1 end, given_on desc, id desc")
                .param("scope", me.scope().regionCodes()).params(samaritanId == null ? Map.of() : Map.of("person", samaritanId))
                .query(Consents::consent).list());
    }

    public Consent get(CurrentUser me, long id) {
        Consent consent = ScopedLookup.inScope(audit, ENTITY, id, jdbc.sql(SELECT
                                + " where id = :id and region_code in (:scope)").param("id", id)
                        .param("scope", me.scope().regionCodes()).query(Consents::consent).optional(),
                missing -> jdbc.sql("select count(*) from publication_consent where id = :id").param("id", missing)
                        .query(Long.class).single() > 0);
        return named(List.of(consent)).get(0);
    }

    /**
     * Records a consent of a person on the registry within the caller's scope. A living person gives it
     * themselves; for a person who died, a member of the family gives it, named. The honour roll needs the
     * citation it will show. A person has one standing consent per use: a second is refused.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public Consent record(CurrentUser me, NewConsent consent) {
        Inputs.required("samaritanId", consent.samaritanId());
        SamaritanDirectory.Person person = people.findIn(me.scope(), consent.samaritanId())
                .orElseThrow(() -> new InvalidField("samaritanId", "consent.person.unknown"));
        Inputs.required("purpose", consent.purpose());
        Inputs.required("givenBy", consent.givenBy());
        boolean died = person.status() == SamaritanStatus.DECEASED;
        if (died && consent.givenBy() != GivenBy.FAMILY) {
            throw new InvalidField("givenBy", "consent.given-by.family-required");
        }
        if (!died && consent.givenBy() != GivenBy.SELF) {
            throw new InvalidField("givenBy", "consent.given-by.self-required");
        }
        String relative = Inputs.text("relativeName", consent.relativeName(), 60, consent.givenBy() == GivenBy.FAMILY);
        LocalDate givenOn = Inputs.date("givenOn", Inputs.required("givenOn", consent.givenOn()), Inputs.EARLIEST,
                LocalDate.now(clock));
        String citation = Inputs.text("citation", consent.citation(), 300, consent.purpose() == Purpose.HONOUR_ROLL);
        String note = Inputs.text("note", consent.note(), 300, false);
        if (standing(person.id(), consent.purpose())) {
            throw new PublicationRuleBroken("consent.already-given");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("person", person.id());
        values.put("region", person.regionCode());
        values.put("purpose", consent.purpose().name());
        values.put("givenBy", consent.givenBy().name());
        values.put("relative", consent.givenBy() == GivenBy.FAMILY ? relative : null);
        values.put("givenOn", givenOn);
        values.put("citation", consent.purpose() == Purpose.HONOUR_ROLL ? citation : null);
        values.put("note", note);
        values.put("by", me.username());
        values.put("at", Timestamp.from(clock.instant()));
        values.put("standingKey", person.id() + ":" + consent.purpose().name());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication_consent (samaritan_id, region_code, purpose, given_by, relative_name, given_on,
                    citation, note, recorded_by, recorded_at, standing_key)
                values (:person, :region, :purpose, :givenBy, :relative, :givenOn, :citation, :note, :by, :at,
                    :standingKey)""")
                .params(values).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(consent.purpose() + " of samaritan "
                + person.id() + " given by " + consent.givenBy() + " on " + givenOn));
        return get(me, id);
    }

    /**
     * Withdraws a standing consent: from this moment the person is off the roll (for {@link Purpose#HONOUR_ROLL})
     * or every published story about them is withdrawn (for {@link Purpose#STORY}).
     */
    @Transactional
    @PreAuthorize(WRITE)
    public Consent withdraw(CurrentUser me, long id, long version, LocalDate withdrawnOn, String reason) {
        Consent consent = get(me, id);
        if (!consent.standing()) {
            throw new PublicationRuleBroken("consent.already-withdrawn");
        }
        LocalDate on = Inputs.date("withdrawnOn", withdrawnOn == null ? LocalDate.now(clock) : withdrawnOn,
                consent.givenOn(), LocalDate.now(clock));
        String why = Inputs.text("reason", reason, 300, true);
        int updated = jdbc.sql("""
                update publication_consent set withdrawn_on = :on, withdrawal_reason = :reason, withdrawn_by = :by,
                    withdrawn_at = :at, standing_key = null, version = version + 1
                where id = :id and version = :version and withdrawn_on is null""")
                .param("on", on).param("reason", why).param("by", me.username())
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new StaleRecord(ENTITY, id);
        }
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id).withDetail(consent.purpose()
                + " of samaritan " + consent.samaritanId() + " withdrawn on " + on + ": " + why));
        events.publishEvent(new ConsentWithdrawn(id, consent.samaritanId(), consent.purpose()));
        return get(me, id);
    }

    /** Whether the person has a standing consent to this use. */
    public boolean standing(long samaritanId, Purpose purpose) {
        return !standingFor(Set.of(samaritanId), purpose).isEmpty();
    }

    /** The standing consents to this use of these people (or of everyone when {@code null}), by person. */
    @PreAuthorize("permitAll()")
    public Map<Long, Consent> standingFor(Collection<Long> samaritanIds, Purpose purpose) {
        if (samaritanIds != null && samaritanIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Consent> standing = new HashMap<>();
        jdbc.sql(SELECT + " where purpose = :purpose and withdrawn_on is null"
                        + (samaritanIds == null ? "" : " and samaritan_id in (:ids)"))
                .param("purpose", purpose.name())
                .params(samaritanIds == null ? Map.of() : Map.of("ids", List.copyOf(samaritanIds)))
                .query(Consents::consent).list()
                .forEach(consent -> standing.put(consent.samaritanId(), consent));
        return standing;
    }

    private static final String SELECT = """
            select id, samaritan_id, region_code, purpose, given_by, relative_name, given_on, citation, note,
                   recorded_by, recorded_at, withdrawn_on, withdrawal_reason, withdrawn_by, version
            from publication_consent""";

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        return new Consent(rs.getLong("id"), rs.getLong("samaritan_id"), null, rs.getString("region_code"),
                Purpose.valueOf(rs.getString("purpose")), GivenBy.valueOf(rs.getString("given_by")),
                rs.getString("relative_name"), rs.getObject("given_on", LocalDate.class), rs.getString("citation"),
                rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_reason"),
                rs.getString("withdrawn_by"), rs.getLong("version"));
    }

    private List<Consent> named(List<Consent> consents) {
        return consents.stream().map(c -> new Consent(c.id(), c.samaritanId(),
                people.find(c.samaritanId()).map(SamaritanDirectory.Person::name).orElse(""), c.regionCode(),
                c.purpose(), c.givenBy(), c.relativeName(), c.givenOn(), c.citation(), c.note(), c.recordedBy(),
                c.recordedAt(), c.withdrawnOn(), c.withdrawalReason(), c.withdrawnBy(), c.version())).toList();
    }
}

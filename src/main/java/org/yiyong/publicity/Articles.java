package org.yiyong.publicity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.deeds.DeedLookup;
import org.yiyong.deeds.DeedSummary;
import org.yiyong.honours.GrantedHonours;
import org.yiyong.identity.CurrentUser;
import org.yiyong.publicity.internal.ArticleHtml;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.StaleRecord;

/**
 * The portal's articles: heroes' stories (事迹), news (新闻) and law pages (法规). Staff write a draft, send it for
 * review, and someone other than its author and last editor publishes it — at once or from a set time — or
 * sends it back; a published article can be withdrawn. The body is HTML cleaned by an allow-list when saved.
 * An article about a person (directly or through the honour it is about) needs that person's standing consent
 * to stories when it is sent, when it is published and while it stays up.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Articles.READ)
public class Articles {

    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    public static final String ENTITY = "Article";

    private static final String SYSTEM = "system";

    /** The longest body kept, in characters of cleaned HTML. */
    static final int MAX_BODY = 100_000;

    private final JdbcClient jdbc;
    private final Consents consents;
    private final GrantedHonours honours;
    private final DeedLookup deeds;
    private final SamaritanDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    Articles(JdbcClient jdbc, Consents consents, GrantedHonours honours, DeedLookup deeds, SamaritanDirectory people,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.honours = honours;
        this.deeds = deeds;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an article is. Stored by name. */
    public enum Kind {
        /** 英雄事迹 */
        STORY,
        /** 新闻动态 */
        NEWS,
        /** 政策法规 */
        LAW
    }

    /** Where an article stands. Stored by name. */
    public enum Status {
        DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN
    }

    public record Article(long id, Kind kind, String regionCode, String title, String summary, String body,
            Long samaritanId, String personName, Long deedId, String deedNumber, Long honourId, Status status,
            Instant publishAt, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            String submittedBy, String reviewedBy, Instant reviewedAt, String reviewNote, String withdrawnBy,
            Instant withdrawnAt, String withdrawalReason, long version) {

        /** Published, with its time come. */
        public boolean live(Instant now) {
            return status == Status.PUBLISHED && publishAt != null && !publishAt.isAfter(now);
        }
    }

    /**
     * What staff write: the kind, the title, a summary (optional; the first words of the body otherwise), the
     * body as HTML, and what it is about — an honour (and so its person), a person on the registry, a deed by its
     * number — all optional.
     */
    public record Draft(Kind kind, String title, String summary, String body, Long honourId, Long samaritanId,
            String deedNumber) {
    }

    public List<Article> list(CurrentUser me, Status status) {
        return jdbc.sql(SELECT + " where region_code in (:scope)" + (status == null ? "" : " and status = :status")
                        + " order by updated_at desc, id desc")
                .param("scope", me.scope().regionCodes())
                .params(status == null ? Map.of() : Map.of("status", status.name()))
                .query(this::article).list();
    }

    public Article get(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id, jdbc.sql(SELECT + " where id = :id and region_code in (:scope)")
                        .param("id", id).param("scope", me.scope().regionCodes()).query(this::article).optional(),
                missing -> jdbc.sql("select count(*) from article where id = :id").param("id", missing)
                        .query(Long.class).single() > 0);
    }

    /** Writes a new draft, in the caller's own region. */
    @Transactional
    @PreAuthorize(WRITE)
    public Article create(CurrentUser me, Draft draft) {
        Map<String, Object> values = checked(me, draft);
        Timestamp now = Timestamp.from(clock.instant());
        values.put("region", me.regionCode());
        values.put("by", me.username());
        values.put("at", now);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into article (kind, region_code, title, summary, body, samaritan_id, deed_id, deed_number,
                    honour_id, status, created_by, created_at, updated_by, updated_at)
                values (:kind, :region, :title, :summary, :body, :person, :deed, :deedNumber, :honour, 'DRAFT',
                    :by, :at, :by, :at)""").params(values).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, id).withDetail(draft.kind() + "：" + values.get("title")));
        return get(me, id);
    }

    /** Changes a draft (an article sent for review, published or withdrawn is not changed in place). */
    @Transactional
    @PreAuthorize(WRITE)
    public Article update(CurrentUser me, long id, long version, Draft draft) {
        Article article = get(me, id);
        if (article.status() != Status.DRAFT) {
            throw new PublicationRuleBroken("article.not-draft");
        }
        Map<String, Object> values = checked(me, draft);
        values.put("id", id);
        values.put("version", version);
        values.put("by", me.username());
        values.put("at", Timestamp.from(clock.instant()));
        int updated = jdbc.sql("""
                update article set kind = :kind, title = :title, summary = :summary, body = :body,
                    samaritan_id = :person, deed_id = :deed, deed_number = :deedNumber, honour_id = :honour,
                    updated_by = :by, updated_at = :at, version = version + 1
                where id = :id and version = :version and status = 'DRAFT'""").params(values).update();
        requireUpdated(updated, id);
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("draft changed"));
        return get(me, id);
    }

    /** Sends a draft for review; an article about a person needs their standing consent to stories. */
    @Transactional
    @PreAuthorize(WRITE)
    public Article submit(CurrentUser me, long id, long version) {
        Article article = get(me, id);
        if (article.status() != Status.DRAFT) {
            throw new PublicationRuleBroken("article.not-draft");
        }
        requireConsent(article);
        move(me, id, version, Status.DRAFT, Status.IN_REVIEW,
                "submitted_by = :by, submitted_at = :at, review_note = null", Map.of());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("sent for review"));
        return get(me, id);
    }

    /**
     * Publishes an article sent for review, from {@code publishAt} (now when not given; never in the past). The
     * reviewer is a second person: neither its author nor the one who last changed it.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public Article publish(CurrentUser me, long id, long version, LocalDateTime publishAt) {
        Article article = get(me, id);
        if (article.status() != Status.IN_REVIEW) {
            throw new PublicationRuleBroken("article.not-in-review");
        }
        if (me.username().equals(article.createdBy()) || me.username().equals(article.updatedBy())
                || me.username().equals(article.submittedBy())) {
            throw new PublicationRuleBroken("article.review.second-person");
        }
        requireConsent(article);
        Instant now = clock.instant();
        Instant from = publishAt == null ? now : publishAt.atZone(zone()).toInstant();
        if (from.isBefore(now.minusSeconds(60))) {
            throw new InvalidField("publishAt", "article.publish-at.past");
        }
        if (from.isBefore(now)) {
            from = now;
        }
        move(me, id, version, Status.IN_REVIEW, Status.PUBLISHED,
                "reviewed_by = :by, reviewed_at = :at, publish_at = :publishFrom",
                Map.of("publishFrom", Timestamp.from(from)));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("published from " + from));
        return get(me, id);
    }

    /** Sends an article under review back to its author as a draft, saying why. */
    @Transactional
    @PreAuthorize(WRITE)
    public Article sendBack(CurrentUser me, long id, long version, String note) {
        Article article = get(me, id);
        if (article.status() != Status.IN_REVIEW) {
            throw new PublicationRuleBroken("article.not-in-review");
        }
        String why = Inputs.text("note", note, 300, true);
        move(me, id, version, Status.IN_REVIEW, Status.DRAFT, "reviewed_by = :by, reviewed_at = :at, review_note = :note",
                Map.of("note", why));
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("sent back: " + why));
        return get(me, id);
    }

    /** Takes a published article off the portal, saying why; it can be copied into a new draft, not put back. */
    @Transactional
    @PreAuthorize(WRITE)
    public Article withdraw(CurrentUser me, long id, long version, String reason) {
        Article article = get(me, id);
        if (article.status() != Status.PUBLISHED) {
            throw new PublicationRuleBroken("article.not-published");
        }
        String why = Inputs.text("reason", reason, 300, true);
        move(me, id, version, Status.PUBLISHED, Status.WITHDRAWN,
                "withdrawn_by = :by, withdrawn_at = :at, withdrawal_reason = :reason", Map.of("reason", why));
        audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id).withDetail("withdrawn: " + why));
        return get(me, id);
    }

    /**
     * A person withdrew their consent to stories: every article about them that is published, under review or
     * scheduled comes down with it, in the same transaction, on the audit trail as the system's doing.
     */
    @EventListener
    @Transactional
    @PreAuthorize("permitAll()")
    public void on(Consents.ConsentWithdrawn withdrawn) {
        if (withdrawn.purpose() != Consents.Purpose.STORY) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> ids = jdbc.sql("select id from article where samaritan_id = :person and status in ('PUBLISHED', 'IN_REVIEW')")
                .param("person", withdrawn.samaritanId()).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("""
                    update article set status = case when status = 'PUBLISHED' then 'WITHDRAWN' else 'DRAFT' end,
                        withdrawn_by = case when status = 'PUBLISHED' then :by else withdrawn_by end,
                        withdrawn_at = case when status = 'PUBLISHED' then :at else withdrawn_at end,
                        withdrawal_reason = case when status = 'PUBLISHED' then :reason else withdrawal_reason end,
                        review_note = case when status = 'IN_REVIEW' then :reason else review_note end,
                        version = version + 1
                    where id = :id""").param("by", SYSTEM).param("at", now)
                    .param("reason", "当事人撤回了同意公开报道的意见").param("id", id).update();
            audit.record(AuditRecord.of(AuditAction.DEACTIVATE, ENTITY, id).byActor(SYSTEM)
                    .withDetail("consent " + withdrawn.consentId() + " withdrawn"));
        }
    }

    /** The article if it is live on the portal now: published, its time come, its person still consenting. */
    @PreAuthorize("permitAll()")
    public Optional<Article> live(long id) {
        return jdbc.sql(SELECT + " where id = :id and " + LIVE).params(live()).param("id", id).query(this::article)
                .optional();
    }

    /** The articles live on the portal now, of one kind (or all), newest first, at most {@code limit}. */
    @PreAuthorize("permitAll()")
    public List<Article> live(Kind kind, int limit) {
        return jdbc.sql(SELECT + " where " + LIVE + (kind == null ? "" : " and kind = :kind")
                        + " order by publish_at desc, id desc limit :limit")
                .params(live()).params(kind == null ? Map.of() : Map.of("kind", kind.name())).param("limit", limit)
                .query(this::article).list();
    }

    /** The articles live on the portal now about a person, newest first. */
    @PreAuthorize("permitAll()")
    public List<Article> liveAbout(long samaritanId) {
        return jdbc.sql(SELECT + " where " + LIVE + " and samaritan_id = :person order by publish_at desc, id desc")
                .params(live()).param("person", samaritanId).query(this::article).list();
    }

    /** Whether the image {@code /public/images/<id>} appears in a live article (for the files module). */
    @PreAuthorize("permitAll()")
    public boolean isLive(long id) {
        return live(id).isPresent();
    }

    /** Live: published, its time come, and about nobody or about a person whose consent to stories stands. */
    private static final String LIVE = """
            status = 'PUBLISHED' and publish_at <= :now and (samaritan_id is null or exists (
                select 1 from publication_consent c where c.samaritan_id = article.samaritan_id
                and c.purpose = 'STORY' and c.withdrawn_on is null))""";

    private Map<String, Object> live() {
        return Map.of("now", Timestamp.from(clock.instant()));
    }

    private void move(CurrentUser me, long id, long version, Status from, Status to, String set,
            Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(more);
        values.put("id", id);
        values.put("version", version);
        values.put("from", from.name());
        values.put("to", to.name());
        values.put("by", me.username());
        values.put("at", Timestamp.from(clock.instant()));
        int updated = jdbc.sql("update article set status = :to, " + set
                        + ", version = version + 1 where id = :id and version = :version and status = :from")
                .params(values).update();
        requireUpdated(updated, id);
    }

    private static void requireUpdated(int updated, long id) {
        if (updated == 0) {
            throw new StaleRecord(ENTITY, id);
        }
    }

    private void requireConsent(Article article) {
        if (article.samaritanId() != null && !consents.standing(article.samaritanId(), Consents.Purpose.STORY)) {
            throw new PublicationRuleBroken("article.consent-missing", article.personName());
        }
    }

    /** The draft's fields checked and cleaned, as SQL parameters. */
    private Map<String, Object> checked(CurrentUser me, Draft draft) {
        Inputs.required("kind", draft.kind());
        String title = Inputs.text("title", draft.title(), 120, true);
        String body = ArticleHtml.clean(draft.body());
        if (ArticleHtml.text(body).isEmpty() && !body.contains("<img")) {
            throw new InvalidField("body", "article.body.required");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidField("body", "article.body.too-long", MAX_BODY);
        }
        String summary = Inputs.text("summary", draft.summary(), 300, false);
        if (summary == null) {
            String text = ArticleHtml.text(body);
            summary = text.length() <= 120 ? text : text.substring(0, 118) + "……";
        }
        Long person = draft.samaritanId();
        Long honourId = draft.honourId();
        if (honourId != null) {
            GrantedHonours.Granted honour = honours.find(honourId).filter(h -> me.scope().covers(h.regionCode()))
                    .orElseThrow(() -> new InvalidField("honourId", "article.honour.unknown"));
            if (person != null && person != honour.samaritanId()) {
                throw new InvalidField("samaritanId", "article.person.not-honoured");
            }
            person = honour.samaritanId();
        }
        if (person != null && people.findIn(me.scope(), person).isEmpty()) {
            throw new InvalidField("samaritanId", "consent.person.unknown");
        }
        DeedSummary deed = null;
        if (draft.deedNumber() != null && !draft.deedNumber().isBlank()) {
            deed = deeds.byNumber(me.scope(), draft.deedNumber())
                    .orElseThrow(() -> new InvalidField("deedNumber", "article.deed.unknown"));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("kind", draft.kind().name());
        values.put("title", title);
        values.put("summary", summary);
        values.put("body", body);
        values.put("person", person);
        values.put("honour", honourId);
        values.put("deed", deed == null ? null : deed.id());
        values.put("deedNumber", deed == null ? null : deed.number());
        return values;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static final String SELECT = """
            select id, kind, region_code, title, summary, body, samaritan_id, deed_id, deed_number, honour_id, status,
                   publish_at, created_by, created_at, updated_by, updated_at, submitted_by, reviewed_by, reviewed_at,
                   review_note, withdrawn_by, withdrawn_at, withdrawal_reason, version
            from article""";

    private Article article(ResultSet rs, int row) throws SQLException {
        Long person = rs.getObject("samaritan_id", Long.class);
        return new Article(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getString("title"), rs.getString("summary"), rs.getString("body"), person,
                person == null ? null : people.find(person).map(SamaritanDirectory.Person::name).orElse(null),
                rs.getObject("deed_id", Long.class), rs.getString("deed_number"), rs.getObject("honour_id", Long.class),
                Status.valueOf(rs.getString("status")), instant(rs, "publish_at"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("updated_by"), instant(rs, "updated_at"),
                rs.getString("submitted_by"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                rs.getString("review_note"), rs.getString("withdrawn_by"), instant(rs, "withdrawn_at"),
                rs.getString("withdrawal_reason"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

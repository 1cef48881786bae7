package org.yiyong.honours.internal;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.DeathKind;
import org.yiyong.samaritans.SamaritanProfile;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/**
 * 见义勇为卡 (Quanzhou, 2014): who may hold one — the holder of a national, provincial or city-government
 * honour in force, and the living family of a martyr — the cards issued, one in use per person, and
 * their return. Also the treatment that follows from 模范 and 英雄 titles: that of labour models of the
 * same level.
 */
@Service
public class TransitCards {

    static final String ENTITY = "TransitCard";
    /** the city's government grants these titles (the committee and the association grant the others) */
    private static final String CITY_GOVERNMENT = "泉州市人民政府";

    /** Someone who may hold a card, and why. */
    public record Eligible(long samaritanId, Long relativeId, String name, String basis) {
    }

    private final TransitCardRecords cards;
    private final Honours honours;
    private final TitleCatalogue catalogue;
    private final SamaritanRegistry samaritans;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final HonourNumbers numbers;

    TransitCards(TransitCardRecords cards, Honours honours, TitleCatalogue catalogue, SamaritanRegistry samaritans,
            JdbcClient jdbc, AuditTrail audit, Clock clock, HonourNumbers numbers) {
        this.cards = cards;
        this.honours = honours;
        this.catalogue = catalogue;
        this.samaritans = samaritans;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.numbers = numbers;
    }

    /** A household's cards as its profile shows them: those issued, who may hold one, those to take back. */
    public record OnProfile(List<TransitCard> cards, List<Eligible> eligible, List<TransitCard> takeBack,
            List<String> labourModelTreatment) {
    }

    /** The cards of a household, for a profile that has read the honours the household holds. */
    OnProfile onProfile(SamaritanProfile samaritan, List<Honour> held) {
        List<TransitCard> issued = of(samaritan.id());
        List<Eligible> eligible = eligible(samaritan, held);
        return new OnProfile(issued, eligible, toTakeBack(issued, eligible), labourModelTreatment(held));
    }

    /** Who in this samaritan's household may hold a card: the samaritan, living, for an honour; a martyr's family. */
    @Transactional(readOnly = true)
    public List<Eligible> eligible(long samaritanId, SamaritanProfile samaritan) {
        return eligible(samaritan, honours.heldBy(samaritanId));
    }

    private List<Eligible> eligible(SamaritanProfile samaritan, List<Honour> held) {
        List<Eligible> eligible = new ArrayList<>();
        if (samaritan.deathKind() == null && samaritan.diedOn() == null) {
            qualifyingTitle(held).ifPresent(title -> eligible.add(new Eligible(samaritan.id(), null,
                    samaritan.name(), title.getName())));
        }
        if (samaritan.deathKind() == DeathKind.MARTYR) {
            for (SamaritanProfile.FamilyMember relative : samaritan.family()) {
                if (relative.diedOn() == null) {
                    eligible.add(new Eligible(samaritan.id(), relative.id(), relative.name(), "烈士遗属"));
                }
            }
        }
        return eligible;
    }

    private Optional<Title> qualifyingTitle(List<Honour> held) {
        return held.stream().filter(h -> h.getStatus() == HonourStatus.GRANTED)
                .map(h -> catalogue.title(h.getTitleId()))
                .filter(t -> t.getLevel() == TitleLevel.NATIONAL || t.getLevel() == TitleLevel.PROVINCIAL
                        || (t.getLevel() == TitleLevel.CITY && CITY_GOVERNMENT.equals(t.getGrantingBody())))
                .min(Comparator.comparing(Title::getLevel).thenComparing(Title::getSortOrder));
    }

    /** The treatment of labour models that the 模范 and 英雄 titles in force carry, highest level first. */
    @Transactional(readOnly = true)
    public List<String> labourModelTreatment(long samaritanId) {
        return labourModelTreatment(honours.heldBy(samaritanId));
    }

    private List<String> labourModelTreatment(List<Honour> held) {
        return held.stream().filter(h -> h.getStatus() == HonourStatus.GRANTED)
                .map(h -> catalogue.title(h.getTitleId()))
                .filter(t -> t.getCode().contains("MODEL") || t.getCode().contains("HERO"))
                .sorted(Comparator.comparing(Title::getLevel)).map(Title::getLevel).distinct()
                .map(level -> switch (level) {
                    case NATIONAL -> "全国劳动模范";
                    case PROVINCIAL -> "省级劳动模范";
                    case CITY -> "市级劳动模范";
                    case COUNTY -> "县级劳动模范";
                }).toList();
    }

    @Transactional(readOnly = true)
    public List<TransitCard> of(long samaritanId) {
        return cards.findBySamaritanIdOrderByIdDesc(samaritanId);
    }

    /** Issues a card to an eligible person who holds none in use. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public TransitCard issue(CurrentUser me, long samaritanId, Long relativeId) {
        SamaritanProfile samaritan = samaritans.profile(me, samaritanId);
        Eligible who = eligible(samaritanId, samaritan).stream()
                .filter(e -> java.util.Objects.equals(e.relativeId(), relativeId)).findFirst()
                .orElseThrow(() -> new InvalidField(relativeId == null ? "samaritanId" : "relativeId",
                        "transit-card.not-eligible"));
        LocalDate today = LocalDate.now(clock);
        TransitCard card = new TransitCard(numbers.transitCard(today.getYear()), samaritanId, relativeId, who.name(),
                samaritan.regionCode(), who.basis(), today, me.username());
        try {
            cards.saveAndFlush(card);
        } catch (DataIntegrityViolationException holdsOne) {
            throw new HonourRuleBroken("transit-card.in-use", who.name());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, card.getId())
                .withDetail(card.getNumber() + " to " + who.name() + " (" + who.basis() + ")"));
        return card;
    }

    /** The card comes back (the honour revoked, the holder died or moved away…), with the reason. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public TransitCard returnCard(CurrentUser me, long id, LocalDate on, String reason) {
        Inputs.requiredText("reason", reason);
        if (reason.length() > 300) {
            throw new InvalidField("reason", "validation.too-long");
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("returnedOn", "honour.date.future");
        }
        TransitCard card = cards.findByIdAndRegionCodeIn(id, me.scope().regionCodes())
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
        card.returned(day, reason.trim());
        cards.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("returned: " + reason.trim()));
        return card;
    }

    /** Cards in use whose holder no longer qualifies (an honour revoked, a death): to be taken back. */
    private static List<TransitCard> toTakeBack(List<TransitCard> issued, List<Eligible> eligible) {
        return issued.stream().filter(TransitCard::isInUse)
                .filter(card -> eligible.stream().noneMatch(e -> java.util.Objects.equals(e.relativeId(),
                        card.getRelativeId())))
                .toList();
    }
}

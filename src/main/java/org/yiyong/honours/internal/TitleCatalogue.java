package org.yiyong.honours.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * The catalogue of titles and their reward standards by effective date. Authorized staff add a new
 * standard from a day on; earlier standards stay as they were, so a grant is always measured against
 * the standard in force on its decision date.
 */
@Service
public class TitleCatalogue {

    private final Titles titles;
    private final RewardStandards standards;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile List<Title> all;

    TitleCatalogue(Titles titles, RewardStandards standards, AuditTrail audit, Clock clock) {
        this.titles = titles;
        this.standards = standards;
        this.audit = audit;
        this.clock = clock;
    }

    /** The titles, in their order; read once, since only a schema migration adds or changes one. */
    public List<Title> titles() {
        List<Title> read = all;
        if (read == null) {
            read = List.copyOf(titles.findAllByOrderBySortOrder());
            all = read;
        }
        return read;
    }

    public Title title(long id) {
        return titles().stream().filter(title -> title.getId() == id).findFirst()
                .orElseThrow(() -> new RecordNotFound("Title", id));
    }

    public Title title(String code) {
        return titles().stream().filter(title -> title.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidField("titleCode", "honour.title.unknown"));
    }

    /** A title's standards, the newest first. */
    @Transactional(readOnly = true)
    public List<RewardStandard> standards(long titleId) {
        return standards.findByTitleIdOrderByEffectiveFromDesc(titleId);
    }

    /** The amount of the standard in force on a day; empty when there is none or its amount is not known. */
    @Transactional(readOnly = true)
    public java.util.Optional<Money> amountOn(Title title, LocalDate day) {
        return standards.findFirstByTitleIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(title.getId(), day)
                .map(RewardStandard::getAmount);
    }

    /** The reward of a title on a day, from the standard in force then. */
    @Transactional(readOnly = true)
    public Money rewardOn(Title title, LocalDate day) {
        RewardStandard standard = standards
                .findFirstByTitleIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(title.getId(), day)
                .orElseThrow(() -> new InvalidField("decidedOn", "honour.standard.missing", title.getName(),
                        day.toString()));
        if (standard.getAmount() == null) {
            throw new InvalidField("decidedOn", "honour.standard.unknown", title.getName(),
                    standard.getEffectiveFrom().toString());
        }
        return standard.getAmount();
    }

    /** A new standard from a day on; the earlier ones keep applying to their own periods. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public RewardStandard addStandard(CurrentUser me, long titleId, LocalDate effectiveFrom, BigDecimal amount,
            String note) {
        Title title = title(titleId);
        Inputs.required("effectiveFrom", effectiveFrom);
        Inputs.required("amount", amount);
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("100000000")) >= 0) {
            throw new InvalidField("amount", "honour.standard.amount-invalid");
        }
        if (note != null && note.length() > 300) {
            throw new InvalidField("note", "validation.too-long");
        }
        if (standards.existsByTitleIdAndEffectiveFrom(titleId, effectiveFrom)) {
            throw new HonourRuleBroken("honour.standard.exists", title.getName(), effectiveFrom.toString());
        }
        RewardStandard standard = standards.saveAndFlush(new RewardStandard(titleId, effectiveFrom,
                Money.of(amount), note == null || note.isBlank() ? null : note.trim(), me.username(), clock.instant()));
        audit.record(AuditRecord.of(AuditAction.CREATE, "RewardStandard", standard.getId())
                .withChanges(Changes.created(Changes.snapshot("title", title.getCode(), "effectiveFrom", effectiveFrom,
                        "amount", standard.getAmount()))));
        return standard;
    }
}

package org.yiyong.care.internal;

import org.yiyong.shared.Inputs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;

/**
 * The condolence standard (慰问标准): the amount of each roster category by effective date, kept as data so
 * the association changes it by adding a row, never by changing code. Campaigns use the row in force on
 * the festival day.
 */
@Service
public class CondolenceStandards {

    static final String ENTITY = "CondolenceStandard";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CondolenceStandards(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every row, by category and date. */
    @Transactional(readOnly = true)
    @PreAuthorize(CampaignAccess.READ)
    public List<CondolenceStandard> all() {
        return jdbc.sql("""
                select id, category, effective_from, amount, note, recorded_by, recorded_at
                from condolence_standard order by category, effective_from""")
                .query((rs, row) -> new CondolenceStandard(rs.getLong("id"),
                        CondolenceCategory.valueOf(rs.getString("category")), rs.getObject("effective_from",
                                LocalDate.class), rs.getBigDecimal("amount"), rs.getString("note"),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The amount of each category in force on a day; a category without a row then is missing. */
    @Transactional(readOnly = true)
    public Map<CondolenceCategory, BigDecimal> amountsOn(LocalDate day) {
        Map<CondolenceCategory, BigDecimal> amounts = new EnumMap<>(CondolenceCategory.class);
        jdbc.sql("""
                select s.category, s.amount from condolence_standard s
                where s.effective_from = (select max(t.effective_from) from condolence_standard t
                                          where t.category = s.category and t.effective_from <= :day)""")
                .param("day", day)
                .query((rs, row) -> amounts.put(CondolenceCategory.valueOf(rs.getString("category")),
                        rs.getBigDecimal("amount").setScale(2)))
                .list();
        return amounts;
    }

    /** A new amount for a category from a day on (city staff): the association's decision, audited. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public CondolenceStandard add(CurrentUser me, CondolenceCategory category, LocalDate effectiveFrom,
            BigDecimal amount, String note) {
        Inputs.required("category", category);
        Inputs.required("effectiveFrom", effectiveFrom);
        BigDecimal money = CampaignAccess.amount("amount", amount);
        String remark = CampaignAccess.text("note", note, 300, false);
        try {
            jdbc.sql("""
                    insert into condolence_standard (category, effective_from, amount, note, recorded_by, recorded_at)
                    values (:category, :from, :amount, :note, :by, :at)""")
                    .param("category", category.name()).param("from", effectiveFrom).param("amount", money)
                    .param("note", remark).param("by", me.username())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DataIntegrityViolationException sameDay) {
            throw new CareRuleBroken("condolence.standard.exists", category.name(), effectiveFrom.toString());
        }
        CondolenceStandard row = all().stream().filter(s -> s.category() == category
                && s.effectiveFrom().equals(effectiveFrom)).findFirst().orElseThrow();
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, row.id())
                .withDetail(category + " from " + effectiveFrom + ": " + money.toPlainString()));
        return row;
    }
}

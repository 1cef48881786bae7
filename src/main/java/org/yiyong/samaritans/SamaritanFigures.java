package org.yiyong.samaritans;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.SqlFigures;
import org.yiyong.platform.SqlFigures.Spec;
import org.yiyong.shared.FigureSource;

/**
 * The registry's figures for the statistics and the yearly report: the people confirmed in the year
 * (涌现见义勇为人员), people with a disability grade and the year's pensions, deaths and martyrs, and the
 * benefits obtained for them (employment, 低保, housing, school…). A person counts in the region of the
 * registry unless the figure says otherwise.
 */
@Service
@Transactional(readOnly = true)
public class SamaritanFigures extends SqlFigures {

    private static final String PERSON_PATH = "'/samaritans/' || cast(s.id as varchar(20))";

    /** A person's first confirmation of its year (a person counts once a year). */
    private static final String FIRST_OF_YEAR = "not exists (select 1 from samaritan_deed e"
            + " where e.samaritan_id = sd.samaritan_id"
            + " and extract(year from e.confirmed_on) = extract(year from sd.confirmed_on)"
            + " and (e.confirmed_on < sd.confirmed_on or (e.confirmed_on = sd.confirmed_on and e.id < sd.id)))";

    SamaritanFigures(JdbcClient jdbc) {
        super(jdbc, List.of(
                // once per person: the first confirmation of the year counts, in its deed's region and category
                new Spec(new Figure("samaritans.confirmed", Section.CONFIRMATION, Unit.PEOPLE, false,
                        "deed.category."), "samaritan_deed sd join samaritan s on s.id = sd.samaritan_id",
                        FIRST_OF_YEAR,
                        "sd.confirmed_on", "sd.region_code", "sd.category", null, "count(*)", null, "s.number",
                        "s.name || '　' || sd.deed_number", "sd.id", PERSON_PATH)
                        // counted from the confirmations alone, the people joined only to list them
                        .summedFrom("samaritan_deed sd", FIRST_OF_YEAR,
                                "sd.confirmed_on", "sd.region_code", "sd.category", null, "count(*)"),
                // the grade a person holds at the end of the year: approved by then and not reassessed by then
                new Spec(new Figure("samaritans.disabled", Section.PROTECTION, Unit.PEOPLE, true, "figure.grade."),
                        "disability_case c join samaritan s on s.id = c.samaritan_id",
                        "c.status in ('APPROVED', 'SUPERSEDED') and c.approved_on is not null and not exists "
                                + "(select 1 from disability_case n where n.previous_case_id = c.id"
                                + " and n.status in ('APPROVED', 'SUPERSEDED') and n.approved_on <= :last)",
                        "c.approved_on", "s.region_code", "cast(c.grade as varchar(2))", null, "count(*)", null,
                        "s.number", "s.name || '　' || coalesce(c.certificate_number, '')", "c.id", PERSON_PATH),
                new Spec(new Figure("samaritans.pensions", Section.PROTECTION, Unit.YUAN, false, "figure.grade."),
                        "pension_payment p join samaritan s on s.id = p.samaritan_id",
                        "p.status = 'PAID' and p.paid_on is not null", "p.paid_on", "s.region_code",
                        "cast(p.grade as varchar(2))", null, "sum(p.amount)", "p.amount", "s.number",
                        "s.name || '　' || cast(p.pension_year as varchar(4))", "p.id", PERSON_PATH),
                new Spec(new Figure("samaritans.deaths", Section.PROTECTION, Unit.PEOPLE, false, "death.kind."),
                        "death_determination d join samaritan s on s.id = d.samaritan_id", "1 = 1", "d.died_on",
                        "s.region_code", "d.kind", null, "count(*)", null, "s.number", "s.name", "d.id", PERSON_PATH),
                new Spec(new Figure("samaritans.martyrs", Section.PROTECTION, Unit.PEOPLE, false, null),
                        "death_determination d join samaritan s on s.id = d.samaritan_id",
                        "d.martyr_status = 'APPROVED' and d.martyr_decided_on is not null", "d.martyr_decided_on",
                        "s.region_code", null, null, "count(*)", null, "s.number",
                        "s.name || '　' || coalesce(d.document_number, '')", "d.id", PERSON_PATH),
                benefits("samaritans.benefits", false),
                benefits("samaritans.benefits-cumulative", true)));
    }

    private static Spec benefits(String key, boolean cumulative) {
        return new Spec(new Figure(key, Section.PROTECTION, Unit.CASES, cumulative, "benefit.kind."),
                "benefit b join samaritan s on s.id = b.samaritan_id",
                "b.status = 'GRANTED' and b.closed_on is not null", "b.closed_on", "s.region_code", "b.kind", null,
                "count(*)", null, "s.number", "s.name || '　' || b.responsible_body", "b.id", PERSON_PATH);
    }
}

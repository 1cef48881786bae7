package org.yiyong.care;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.SqlFigures;
import org.yiyong.platform.SqlFigures.Spec;
import org.yiyong.shared.FigureSource;

/**
 * Care's figures for the statistics and the yearly report: condolences of the festival campaigns (people
 * and money, by who gave them: province, city, county), student aid in the year and in all years (person-times and money, by payer), targeted aid
 * granted by the body that granted it, visits made, and assistance cases solved.
 */
@Service
@Transactional(readOnly = true)
public class CareFigures extends SqlFigures {

    private static final String PERSON_PATH = "'/samaritans/' || cast(s.id as varchar(20))";
    private static final String CONDOLENCE = "campaign_line l join campaign c on c.id = l.campaign_id";
    private static final String CONDOLED = "l.status in ('SENT', 'PAID')";
    /** Who gave it: the province's foundation, the city's association or a county's (county codes never end in 00). */
    private static final String CONDOLENCE_LEVEL = "case when c.province_amount is not null then 'PROVINCE'"
            + " when c.region_code like '%00' then 'CITY' else 'COUNTY' end";
    private static final String STUDENT_AID = "student_aid_application a join samaritans_person_view s "
            + "on s.id = a.samaritan_id";
    private static final String AID_GRANTED = "a.status in ('APPROVED', 'PAID') and a.decided_on is not null";

    CareFigures(JdbcClient jdbc) {
        super(jdbc, List.of(
                condolences("care.condolences", Unit.PERSON_TIMES, "count(*)", null),
                condolences("care.condolence-amount", Unit.YUAN, "sum(l.amount)", "l.amount"),
                studentAid("care.student-aid", false, Unit.PERSON_TIMES, "count(*)", null),
                studentAid("care.student-aid-amount", false, Unit.YUAN, "sum(a.amount)", "a.amount"),
                studentAid("care.student-aid-cumulative", true, Unit.PERSON_TIMES, "count(*)", null),
                studentAid("care.student-aid-amount-cumulative", true, Unit.YUAN, "sum(a.amount)", "a.amount"),
                // a household counts once a year for each body that granted it aid
                new Spec(new Figure("care.targeted-aid", Section.CARE, Unit.HOUSEHOLDS, false, "targeted-aid.body."),
                        "targeted_aid_application t join samaritans_person_view s on s.id = t.samaritan_id",
                        "t.status in ('GRANTED', 'RECEIVED') and t.decided_on is not null and not exists (select 1"
                                + " from targeted_aid_application e where e.samaritan_id = t.samaritan_id"
                                + " and e.applied_to = t.applied_to and e.status in ('GRANTED', 'RECEIVED')"
                                + " and extract(year from e.decided_on) = extract(year from t.decided_on)"
                                + " and (e.decided_on < t.decided_on"
                                + " or (e.decided_on = t.decided_on and e.id < t.id)))",
                        "t.decided_on", "s.region_code", "t.applied_to", null, "count(*)", null, "s.number",
                        "s.name || '　' || coalesce(t.decision_document, '')", "t.id", PERSON_PATH),
                new Spec(new Figure("care.visits", Section.CARE, Unit.CASES, false, null),
                        "visit v join samaritans_person_view s on s.id = v.samaritan_id", "1 = 1", "v.visited_on",
                        "v.region_code", null, null, "count(*)", null, "s.number", "s.name || '　' || v.visitors",
                        "v.id", "'/visits/' || cast(v.id as varchar(20))")
                        // counted from the visits alone (a city's year: 4 s with the people joined, 76 ms without)
                        .summedFrom("visit v", "1 = 1", "v.visited_on", "v.region_code", null, null, "count(*)"),
                new Spec(new Figure("care.assistance-solved", Section.CARE, Unit.CASES, false, "assistance.kind."),
                        "assistance_case a join samaritans_person_view s on s.id = a.samaritan_id",
                        "a.status in ('SOLVED', 'CLOSED') and a.closed_on is not null", "a.closed_on",
                        "a.region_code", "a.kind", null, "count(*)", null, "a.number", "s.name", "a.id",
                        "'/assistance-cases/' || cast(a.id as varchar(20))")
                        .summedFrom("assistance_case a", "a.status in ('SOLVED', 'CLOSED') and a.closed_on is not null",
                                "a.closed_on", "a.region_code", "a.kind", null, "count(*)")));
    }

    private static Spec condolences(String key, Unit unit, String value, String amount) {
        return new Spec(new Figure(key, Section.CARE, unit, false, "condolence.level."), CONDOLENCE, CONDOLED,
                "c.reference_date", "l.region_code", CONDOLENCE_LEVEL, null, value, amount, "c.name", "l.name", "l.id",
                "'/campaigns/' || cast(c.id as varchar(20))");
    }

    private static Spec studentAid(String key, boolean cumulative, Unit unit, String value, String amount) {
        return new Spec(new Figure(key, Section.CARE, unit, cumulative, "student-aid.payer."), STUDENT_AID,
                AID_GRANTED, "a.decided_on", "s.region_code", "a.payer", null, value, amount, "s.number",
                "a.student_name || '　' || cast(a.school_year as varchar(4))", "a.id", PERSON_PATH);
    }
}

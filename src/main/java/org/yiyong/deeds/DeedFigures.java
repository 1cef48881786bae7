package org.yiyong.deeds;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.SqlFigures;
import org.yiyong.platform.SqlFigures.Spec;
import org.yiyong.shared.FigureSource;

/**
 * The deeds' figures for the statistics and the yearly report: deeds received, accepted and decided, and
 * the actors confirmed and refused, each by category and month. A deed counts in the region it was filed
 * in; an actor counts once per deed (人次), in the year of the decision.
 */
@Service
@Transactional(readOnly = true)
public class DeedFigures extends SqlFigures {

    private static final String DEED = "deed d";
    private static final String ACTOR = "deed_participant p join deed d on d.id = p.deed_id";
    private static final String CATEGORY = "deed.category.";
    private static final String PATH = "'/deeds/' || cast(d.id as varchar(20))";

    DeedFigures(JdbcClient jdbc) {
        super(jdbc, List.of(
                deeds("deeds.received", "1 = 1", "d.received_on"),
                deeds("deeds.accepted", "d.accepted_on is not null", "d.accepted_on"),
                deeds("deeds.decided", "d.decided_on is not null", "d.decided_on"),
                deeds("deeds.decided-on-time", "d.decided_on is not null and d.decided_on <= d.decision_due_on",
                        "d.decided_on"),
                deeds("deeds.decided-late", "d.decided_on is not null and d.decided_on > d.decision_due_on",
                        "d.decided_on"),
                actors("deeds.confirmations", "CONFIRMED"),
                actors("deeds.refusals", "REFUSED")));
    }

    private static Spec deeds(String key, String where, String date) {
        return new Spec(new Figure(key, Section.CONFIRMATION, Unit.CASES, false, CATEGORY), DEED, where, date,
                "d.region_code", "d.category", null, "count(*)", null, "d.number", "d.title", "d.id", PATH);
    }

    private static Spec actors(String key, String outcome) {
        return new Spec(new Figure(key, Section.CONFIRMATION, Unit.PERSON_TIMES, false, CATEGORY), ACTOR,
                "p.role = 'ACTOR' and p.outcome = '" + outcome + "' and d.decided_on is not null", "d.decided_on",
                "d.region_code", "d.category", null, "count(*)", null, "d.number", "p.name || '　' || d.title", "d.id",
                PATH);
    }
}

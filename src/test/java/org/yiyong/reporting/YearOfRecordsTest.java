package org.yiyong.reporting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/**
 * Statistics tests that enter records through the API and compare every figure with the figures read
 * before: the years around today's (and 2026, the year the deed walkthroughs accept in) are read first.
 */
abstract class YearOfRecordsTest extends FullStackTest {

    static final String CITY = FigureChanges.CITY;
    static final String JINJIANG = "350582";

    protected ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    protected static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /** The statistics of the city and the counties, read once every event of earlier tests was handled. */
    protected FigureChanges before(String... counties) throws Exception {
        awaitEvents();
        int year = clock.today().getYear();
        Set<Integer> years = new TreeSet<>(List.of(year - 1, year, year + 1, 2026));
        return new FigureChanges(mvc, this::as, years, counties);
    }

    /** One stored row, read by the test to know the date, region and part that count. */
    protected Map<String, Object> row(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query().singleRow();
    }

    protected static LocalDate date(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate();
        }
        return (LocalDate) value;
    }

    protected static BigDecimal money(Object value) {
        return new BigDecimal(value.toString());
    }

    protected static String text(Object value) {
        return value == null ? null : value.toString();
    }

    protected long lastPosting() {
        return jdbc.sql("select coalesce(max(id), 0) from posting").query(Long.class).single();
    }

    /**
     * Every bank posting made since the given one changes its fund's balance from its date on: the change
     * expected of the cumulative balance figure. Returns the sum per fund code, for the test to check.
     */
    protected Map<String, BigDecimal> bankPostingsSince(long posting, FigureChanges changes) {
        Map<String, BigDecimal> byFund = new java.util.TreeMap<>();
        jdbc.sql("""
                select e.entry_date, f.region_code, f.code, p.debit - p.credit as amount
                from posting p join journal_entry e on e.id = p.entry_id join fund f on f.id = p.fund_id
                where p.account = 'BANK' and p.id > :id order by p.id""").param("id", posting).query()
                .listOfRows().forEach(bank -> {
                    changes.expect("funds.balance", date(bank.get("entry_date")), text(bank.get("region_code")),
                            text(bank.get("code")), bank.get("amount"), null);
                    byFund.merge(text(bank.get("code")), money(bank.get("amount")), BigDecimal::add);
                });
        return byFund;
    }

    /**
     * A deed counts as received, accepted and decided, each on its date, in its region and category; each
     * actor confirmed or refused once, on the decision's date; each person confirmed once in the registry.
     */
    protected void expectDeed(FigureChanges changes, long deed) {
        expectDeed(changes, deed, true);
    }

    /** A deed's figures, and the people it confirmed unless they were confirmed earlier in the year. */
    protected void expectDeed(FigureChanges changes, long deed, boolean newPeople) {
        Map<String, Object> d = row("select received_on, accepted_on, decided_on, decision_due_on, region_code, "
                + "category from deed where id = :id", deed);
        String region = text(d.get("region_code"));
        String category = text(d.get("category"));
        String path = "/deeds/" + deed;
        changes.expect("deeds.received", date(d.get("received_on")), region, category, path)
                .expect("deeds.accepted", date(d.get("accepted_on")), region, category, path)
                .expect("deeds.decided", date(d.get("decided_on")), region, category, path);
        org.assertj.core.api.Assertions.assertThat(d.get("decision_due_on")).as("the due date kept at the decision")
                .isNotNull();
        changes.expect(date(d.get("decided_on")).isAfter(date(d.get("decision_due_on"))) ? "deeds.decided-late"
                : "deeds.decided-on-time", date(d.get("decided_on")), region, category, path);
        jdbc.sql("select outcome from deed_participant where deed_id = :id and role = 'ACTOR'").param("id", deed)
                .query(String.class).list().forEach(outcome -> changes.expect(
                        "CONFIRMED".equals(outcome) ? "deeds.confirmations" : "deeds.refusals",
                        date(d.get("decided_on")), region, category, path));
        if (!newPeople) {
            return;
        }
        jdbc.sql("""
                select sd.samaritan_id, sd.confirmed_on, sd.region_code, sd.category from samaritan_deed sd
                join deed_participant p on p.id = sd.participant_id where p.deed_id = :id""").param("id", deed)
                .query().listOfRows().forEach(person -> changes.expect("samaritans.confirmed",
                        date(person.get("confirmed_on")), text(person.get("region_code")), text(person.get("category")),
                        "/samaritans/" + person.get("samaritan_id")));
    }
}

package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyong.ConfirmedDeeds;

/**
 * A year of deeds and honours entered through the API changes every statistic by exactly what was entered:
 * deeds received, accepted and decided, actors confirmed and refused (after a hearing), people confirmed (a
 * person confirmed twice in the year once), honours of a county, a city and a provincial title with their
 * reward money, and a reward paid by the county's fund — in the city, in Jinjiang's row and part, in
 * Jinjiang's own statistics, and in each figure's list. A revoked honour and a reward the bank returned do
 * not count, and every other figure stays as it was.
 */
class StatisticsYearTests extends YearOfRecordsTest {

    @Test
    void a_deed_with_one_actor_confirmed_and_one_refused_after_a_hearing_counts_in_each_deed_figure()
            throws Exception {
        FigureChanges changes = before(JINJIANG);

        long[] confirmed = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG,
                "JJ-PS-QY", 2);
        long refused = refusedBesideAConfirmed(uniqueResidentId("35058219850312"), "2026-03-12");
        long onTime = refusedBesideAConfirmed(uniqueResidentId("35058219850312"), clock.today().toString());

        expectDeed(changes, confirmed[2]);
        expectDeed(changes, refused);
        expectDeed(changes, onTime);
        assertThat(jdbc.sql("select count(*) from deed_participant where deed_id = :id and outcome = 'REFUSED'")
                .param("id", refused).query(Long.class).single()).isEqualTo(1);
        // accepted on 12 March: 30 days end on Saturday 11 April, so the decision was due on Monday 13 April
        assertThat(row("select decision_due_on from deed where id = :id", refused).get("decision_due_on").toString())
                .isEqualTo("2026-04-13");
        assertThat(row("select decided_on, decision_due_on from deed where id = :id", refused))
                .satisfies(d -> assertThat(date(d.get("decided_on"))).isAfter(date(d.get("decision_due_on"))));
        // accepted today and decided after the week of notice: on time
        assertThat(row("select decided_on, decision_due_on from deed where id = :id", onTime))
                .satisfies(d -> assertThat(date(d.get("decided_on"))).isBeforeOrEqualTo(date(d.get("decision_due_on"))));
        changes.verify();
    }

    /** A deed of two actors: the review proposes to refuse one, who is heard, waives an answer and is refused. */
    private long refusedBesideAConfirmed(String residentId, String acceptedOn) throws Exception {
        String body = body(call("jinjiang-staff", "/api/v1/deeds", """
                {"regionCode": "%s", "category": "OFFENCE_AGAINST_PERSONS", "source": "POLICE_REFERRAL",
                 "occurredAt": "2026-03-10T21:00:00", "address": "晋江市青阳街道万达广场北门", "title": "%s",
                 "narrative": "两人合力制止持刀伤人者。", "participants": [
                  {"role": "ACTOR", "name": "%s", "residentId": "%s"},
                  {"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                .formatted(JINJIANG, unique("制止持刀伤人"), unique("吴"), residentId, unique("蔡"))).andExpect(status().isCreated()));
        long deed = id(body);
        List<Integer> actors = JsonPath.read(body, "$.participants[?(@.role == 'ACTOR')].id");
        String steps = "/api/v1/deeds/" + deed + "/";
        call("jinjiang-police", steps + "accept", "{\"acceptedOn\": \"" + acceptedOn + "\"}").andExpect(status().isOk());
        call("jinjiang-police", steps + "investigation", "{\"organizationId\": %d, \"investigators\": \"民警 林\"}"
                .formatted(organizationId("JJ-PS-QY"))).andExpect(status().isOk());
        call("jinjiang-police", steps + "investigation/report", """
                {"summary": "查实", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(actors.get(0), actors.get(1)))
                .andExpect(status().isOk());
        call("jinjiang-police", steps + "review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "REFUSE", "reason": "事发时仅在旁围观"}]}"""
                .formatted(actors.get(0), actors.get(1))).andExpect(status().isOk());
        call("jinjiang-police", steps + "notice", "{}").andExpect(status().isOk());
        clock.advance(Duration.ofDays(7));
        call("jinjiang-police", steps + "notice/close", "{}").andExpect(status().isOk());
        call("jinjiang-police", steps + "hearing", """
                {"grounds": "经调查，事发时在旁围观，未参与制止。", "legalBasis": "《福建省见义勇为人员奖励和保护条例》第三条"}""")
                .andExpect(status().isOk());
        call("jinjiang-police", steps + "hearing/answer", "{\"waived\": true}").andExpect(status().isOk());
        call("jinjiang-police", steps + "decision", """
                {"outcomes": [{"participantId": %d, "outcome": "CONFIRMED"},
                 {"participantId": %d, "outcome": "REFUSED", "reason": "事发时仅在旁围观，未参与制止"}]}"""
                .formatted(actors.get(0), actors.get(1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECIDED"));
        awaitEvents();
        return deed;
    }

    @Test
    void honours_of_a_county_a_city_and_a_provincial_title_and_a_reward_paid_count_in_the_honours_and_funds()
            throws Exception {
        FigureChanges changes = before(JINJIANG);
        long postings = lastPosting();

        long[] people = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG,
                "JJ-PS-QY", 3);
        long deed = people[3];
        long county = instant(people[0], deed, "COUNTY_COMMENDATION", "晋见协〔2026〕71号");
        long city = instant(people[1], deed, "CITY_ACTIVIST", "泉见协〔2026〕72号");
        long provincial = provincial(people[2], deed);
        // the recommendation upward that brought the provincial title counts once, as granted
        Map<String, Object> recommended = row("select recommended_on, region_code, status from recommendation "
                + "where honour_id = :id", provincial);
        changes.expect("honours.recommended", date(recommended.get("recommended_on")),
                text(recommended.get("region_code")), text(recommended.get("status")), "/samaritans/" + people[2]);
        assertThat(recommended.get("status")).isEqualTo("GRANTED");

        // the county commendation's reward, paid by Jinjiang's fund
        long order = paidByJinjiang(county);
        long request = jdbc.sql("select id from reward_payment_request where honour_id = :h and kind = 'PAYMENT'")
                .param("h", county).query(Long.class).single();

        expectDeed(changes, deed);
        for (long honour : new long[] {county, city, provincial}) {
            expectHonour(changes, honour);
        }
        Map<String, Object> paid = row("""
                select r.settled_on, r.amount, h.region_code, t.code, h.samaritan_id, h.decided_on
                from reward_payment_request r
                join honour h on h.id = r.honour_id join title t on t.id = h.title_id where r.id = :id""", request);
        changes.expect("honours.rewards-paid", date(paid.get("settled_on")), text(paid.get("region_code")),
                text(paid.get("code")), paid.get("amount"), "/samaritans/" + paid.get("samaritan_id"));
        // paid within the 30 days after the decision: on time
        assertThat(date(paid.get("settled_on"))).isBeforeOrEqualTo(date(paid.get("decided_on")).plusDays(30));
        changes.expect("honours.rewards-paid-on-time", date(paid.get("settled_on")), text(paid.get("region_code")),
                text(paid.get("code")), "/samaritans/" + paid.get("samaritan_id"));
        Map<String, Object> payment = row("select paid_on, region_code, purpose, amount from payment_order "
                + "where id = :id", order);
        changes.expect("funds.paid-out", date(payment.get("paid_on")), text(payment.get("region_code")),
                text(payment.get("purpose")), payment.get("amount"), "/payment-orders/" + order);
        assertThat(text(payment.get("region_code"))).isEqualTo(JINJIANG);
        assertThat(money(payment.get("amount"))).isPositive();
        assertThat(bankPostingsSince(postings, changes)).as("only the reward left a bank account")
                .isEqualTo(Map.of("FUND-350582", money(payment.get("amount")).negate()));
        changes.verify();
    }

    @Test
    void a_person_confirmed_twice_counts_once_and_a_revoked_honour_and_a_returned_reward_do_not_count()
            throws Exception {
        FigureChanges changes = before(JINJIANG);
        long postings = lastPosting();

        // the same person confirmed by two deeds of the year: two confirmations, one person confirmed
        String residentId = uniqueResidentId("35058219850312");
        long first = refusedBesideAConfirmed(residentId, "2026-03-12");
        long second = refusedBesideAConfirmed(residentId, "2026-03-12");
        expectDeed(changes, first);
        expectDeed(changes, second, false);
        List<Long> people = jdbc.sql("select samaritan_id from samaritan_deed where deed_id in (:deeds)")
                .param("deeds", List.of(first, second)).query(Long.class).list();
        assertThat(people).hasSize(2).containsOnly(people.get(0));

        // two honours of one deed: one revoked, the other's reward paid and returned by the bank
        long[] honoured = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG,
                "JJ-PS-QY", 2);
        expectDeed(changes, honoured[2]);
        long revoked = instant(honoured[0], honoured[2], "CITY_ACTIVIST", "泉见协〔2026〕74号");
        call("city-staff", "/api/v1/honours/" + revoked + "/revocation",
                "{\"reason\": \"经查举荐材料系伪造\", \"document\": \"泉见协〔2026〕75号\"}")
                .andExpect(status().isOk());
        long returned = instant(honoured[1], honoured[2], "COUNTY_COMMENDATION", "晋见协〔2026〕76号");
        expectHonour(changes, returned);
        long order = paidByJinjiang(returned);
        call("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/return",
                "{\"reason\": \"账户已销户，银行退回\"}").andExpect(status().isOk());
        awaitEvents();
        assertThat(bankPostingsSince(postings, changes)).as("the returned reward is back in the bank")
                .containsOnlyKeys("FUND-350582")
                .allSatisfy((fund, amount) -> assertThat(amount).isEqualByComparingTo("0"));
        changes.verify();
    }

    /** The reward of an honour, paid by Jinjiang's fund: the order's id. */
    private long paidByJinjiang(long honour) throws Exception {
        long request = jdbc.sql("select id from reward_payment_request where honour_id = :h and kind = 'PAYMENT'")
                .param("h", honour).query(Long.class).single();
        long order = jdbc.sql("select id from payment_order where source = 'HONOURS' and source_ref = :ref")
                .param("ref", "reward-" + request).query(Long.class).single();
        String orders = "/api/v1/payment-orders/" + order;
        call("jinjiang-staff", orders + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "晋江农商银行",
                 "payeeAccountNumber": "6231234500007100"}""")
                .andExpect(status().isOk());
        call("jinjiang-finance", orders + "/approval", "{}").andExpect(status().isOk());
        call("jinjiang-cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("jinjiang-cashier", orders + "/payment", "{\"bankReference\": \"JJ-YEAR-" + order + "\"}")
                .andExpect(status().isOk());
        awaitEvents();
        return order;
    }

    /** An honour proposed by Jinjiang, approved and granted by the city at once. */
    private long instant(long samaritan, long deed, String title, String document) throws Exception {
        long honour = id(body(call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "%s", "reason": "跳入深水救起落水儿童"}"""
                .formatted(samaritan, deed, title)).andExpect(status().isCreated())));
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"" + document + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("GRANTED"));
        awaitEvents();
        return honour;
    }

    /** An honour recommended to the province and granted there. */
    private long provincial(long samaritan, long deed) throws Exception {
        long recommendation = id(body(call("jinjiang-staff", "/api/v1/recommendations", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "PROVINCIAL_ADVANCED", "recommendedTo": "福建省见义勇为基金会",
                 "reason": "只身跳入深水救起落水儿童，事迹突出"}""".formatted(samaritan, deed))
                .andExpect(status().isCreated())));
        String concluded = body(call("jinjiang-staff", "/api/v1/recommendations/" + recommendation + "/outcome",
                "{\"granted\": true, \"documentNumber\": \"闽见工委〔2026〕73号\"}").andExpect(status().isOk()));
        awaitEvents();
        return ((Number) JsonPath.read(concluded, "$.honourId")).longValue();
    }

    /** An honour counts by title, by level, above the city when it is, and with its reward money if any. */
    private void expectHonour(FigureChanges changes, long honour) {
        Map<String, Object> h = row("""
                select h.decided_on, h.region_code, h.reward_amount, h.samaritan_id, t.code, t.level from honour h
                join title t on t.id = h.title_id where h.id = :id""", honour);
        var on = date(h.get("decided_on"));
        String region = text(h.get("region_code"));
        String path = "/samaritans/" + h.get("samaritan_id");
        String level = text(h.get("level"));
        assertThat(region).isEqualTo(JINJIANG);
        changes.expect("honours.granted", on, region, text(h.get("code")), path)
                .expect("honours.by-level", on, region, level, path);
        if (level.equals("PROVINCIAL") || level.equals("NATIONAL")) {
            changes.expect("honours.granted-above", on, region, level, path);
        }
        BigDecimal reward = h.get("reward_amount") == null ? BigDecimal.ZERO : money(h.get("reward_amount"));
        if (reward.signum() > 0) {
            changes.expect("honours.rewards-granted", on, region, text(h.get("code")), reward, path);
        }
    }
}

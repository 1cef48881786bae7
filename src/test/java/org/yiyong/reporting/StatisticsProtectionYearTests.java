package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A year of protection and donations entered through the API changes every statistic by exactly what was
 * entered: a disability grade approved and the year's pension paid, a death on duty, a martyr approved by
 * the province, a benefit granted, and a donation received by Jinjiang's fund. Every other figure stays as
 * it was.
 */
class StatisticsProtectionYearTests extends YearOfRecordsTest {

    private long registered() throws Exception {
        return id(body(call("jinjiang-staff", "/api/v1/samaritans", """
                {"regionCode": "%s", "name": "%s", "residentId": "%s", "sourceDocument": "2010 年表彰名册"}"""
                .formatted(JINJIANG, unique("陈"), uniqueResidentId("35058219650505")))
                .andExpect(status().isCreated())));
    }

    @Test
    void a_grade_a_pension_a_death_a_martyr_a_benefit_and_a_donation_count_in_protection_and_funds()
            throws Exception {
        FigureChanges changes = before(JINJIANG);
        long postings = lastPosting();
        LocalDate today = clock.today();
        String samaritans = "/api/v1/samaritans/";

        // grade 7, posted and approved a month ago; this year's pension paid today
        long disabled = registered();
        long disability = id(body(call("jinjiang-staff", samaritans + disabled + "/disability-cases", """
                {"injuredOn": "%s", "appliedOn": "%s"}""".formatted(today.minusDays(120), today.minusDays(100)))
                .andExpect(status().isCreated())));
        LocalDate posted = today.minusDays(75).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String grade = samaritans + disabled + "/disability-cases/" + disability;
        call("jinjiang-staff", grade + "/posting", "{\"grade\": 7, \"postingStart\": \"" + posted + "\"}")
                .andExpect(status().isOk());
        call("jinjiang-staff", grade + "/approval", """
                {"approvedOn": "%s", "approvedBy": "福建省退役军人事务厅", "certificateNumber": "闽因公残证字第 %s 号"}"""
                .formatted(today.minusDays(35), unique(""))).andExpect(status().isOk());
        call("jinjiang-staff", samaritans + disabled + "/pensions", "{\"year\": " + today.getYear() + "}")
                .andExpect(status().isCreated());
        call("jinjiang-staff", samaritans + disabled + "/pensions/" + today.getYear() + "/payment", """
                {"paidOn": "%s", "paidBy": "晋江市退役军人事务局", "reference": "晋退役军人抚字 %s 号"}"""
                .formatted(today, unique(""))).andExpect(status().isOk());
        Map<String, Object> approved = row("select approved_on, grade from disability_case where id = :id",
                disability);
        String person = "/samaritans/" + disabled;
        changes.expect("samaritans.disabled", date(approved.get("approved_on")), JINJIANG, "7", person);
        Map<String, Object> pension = row("select paid_on, amount, grade from pension_payment where samaritan_id = :id",
                disabled);
        assertThat(money(pension.get("amount"))).isPositive();
        changes.expect("samaritans.pensions", date(pension.get("paid_on")), JINJIANG, text(pension.get("grade")),
                pension.get("amount"), person);

        // a benefit obtained for the same person: housing granted
        long benefit = id(body(call("jinjiang-staff", samaritans + disabled + "/benefits", """
                {"kind": "HOUSING", "request": "申请公共租赁住房", "responsibleBody": "晋江市住建局"}""")
                .andExpect(status().isCreated())));
        String move = samaritans + disabled + "/benefits/" + benefit + "/status";
        call("jinjiang-staff", move, "{\"status\": \"IN_PROGRESS\"}").andExpect(status().isOk());
        call("jinjiang-staff", move, "{\"status\": \"GRANTED\", \"outcome\": \"已分配青阳街道公租房一套\"}")
                .andExpect(status().isOk());
        LocalDate closed = date(row("select closed_on from benefit where id = :id", benefit).get("closed_on"));
        changes.expect("samaritans.benefits", closed, JINJIANG, "HOUSING", person)
                .expect("samaritans.benefits-cumulative", closed, JINJIANG, "HOUSING", person);

        // a death on duty, and a martyr the province approved
        long onDuty = registered();
        call("jinjiang-staff", samaritans + onDuty + "/death", """
                {"diedOn": "%s", "determination": "DEATH_ON_DUTY", "documentNumber": "晋政〔2026〕8号"}"""
                .formatted(today.minusDays(10))).andExpect(status().isCreated());
        changes.expect("samaritans.deaths", today.minusDays(10), JINJIANG, "DEATH_ON_DUTY", "/samaritans/" + onDuty);
        long martyr = registered();
        call("jinjiang-staff", samaritans + martyr + "/death", """
                {"diedOn": "%s", "determination": "MARTYR_APPLICATION"}""".formatted(today.minusDays(20)))
                .andExpect(status().isCreated());
        call("jinjiang-staff", samaritans + martyr + "/death/martyr-decision",
                "{\"approved\": true, \"documentNumber\": \"闽政文〔2026〕120号\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("MARTYR"));
        Map<String, Object> death = row("select died_on, kind, martyr_decided_on from death_determination "
                + "where samaritan_id = :id", martyr);
        changes.expect("samaritans.deaths", date(death.get("died_on")), JINJIANG, text(death.get("kind")),
                        "/samaritans/" + martyr)
                .expect("samaritans.martyrs", date(death.get("martyr_decided_on")), JINJIANG, null,
                        "/samaritans/" + martyr);

        // a donation received by Jinjiang's fund
        long fund = jdbc.sql("select id from fund where code = 'FUND-350582'").query(Long.class).single();
        long donation = id(body(call("city-staff", "/api/v1/donations", """
                {"donorKind": "INDIVIDUAL", "donorName": "%s", "fundId": %d, "amount": 12345.67,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(unique("王"), fund, today))
                .andExpect(status().isCreated())));
        Map<String, Object> received = row("select received_on, region_code, donor_kind, amount from donation "
                + "where id = :id", donation);
        changes.expect("funds.donations", date(received.get("received_on")), text(received.get("region_code")),
                text(received.get("donor_kind")), received.get("amount"), "/donations/" + donation + "/receipt");

        // government money (财政拨款) from the county government: income of the fund, not a donation
        long grant = id(body(call("city-staff", "/api/v1/donations", """
                {"donorKind": "GOVERNMENT", "donorName": "晋江市人民政府", "fundId": %d, "amount": 50000,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER", "note": "2026年见义勇为模范奖励资金"}"""
                .formatted(fund, today)).andExpect(status().isCreated())));
        changes.expect("funds.government-money", today, JINJIANG, null, new BigDecimal("50000.00"),
                "/donations/" + grant + "/receipt");
        assertThat(jdbc.sql("""
                select p.account from posting p join journal_entry e on e.id = p.entry_id
                where e.source_kind = 'DONATION' and e.source_id = :id and p.credit > 0""")
                .param("id", grant).query(String.class).list())
                .as("credited to government grants, not donation income").containsExactly("GOVERNMENT_GRANT_INCOME");

        awaitEvents();
        assertThat(bankPostingsSince(postings, changes)).as("only the donation and the grant reached a bank account")
                .isEqualTo(Map.of("FUND-350582", new BigDecimal("62345.67")));
        changes.verify();
    }
}

package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yiyong.care.internal.StudentAidYear;

/**
 * A year of care entered through the API changes every statistic by exactly what was entered: a condolence
 * campaign sent and one of its lines paid (from a donation received for it), student aid approved by the city
 * and paid, targeted aid granted twice by one body to one household, a visit whose problem is solved — and
 * the funds' payments and balances that go with them. Every other figure stays as it was.
 */
class StatisticsCareYearTests extends YearOfRecordsTest {

    /** 永春, where only campaign tests build campaigns (and they use other festivals). */
    private static final String YONGCHUN = "350525";

    private long registered(String region, String name) throws Exception {
        return id(body(call("city-staff", "/api/v1/samaritans", """
                {"regionCode": "%s", "name": "%s", "residentId": "%s", "sourceDocument": "2014 年泉州市表彰决定"}"""
                .formatted(region, name, uniqueResidentId(region + "19760315"))).andExpect(status().isCreated())));
    }

    /** Approved by the finance reviewer, batched and paid by the cashier of the city's fund. */
    private void paidByTheCity(long order) throws Exception {
        String orders = "/api/v1/payment-orders/" + order;
        call("city-staff", orders + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "中国工商银行泉州分行",
                 "payeeAccountNumber": "6222021408007654321"}""")
                .andExpect(status().isOk());
        call("finance-reviewer", orders + "/approval", "{}").andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("cashier", orders + "/payment", "{\"bankReference\": \"CARE-YEAR-" + order + "\"}")
                .andExpect(status().isOk());
        awaitEvents();
    }

    private void expectPaid(FigureChanges changes, long order) {
        Map<String, Object> payment = row("select paid_on, region_code, purpose, amount, status from payment_order "
                + "where id = :id", order);
        assertThat(payment.get("status")).isEqualTo("PAID");
        changes.expect("funds.paid-out", date(payment.get("paid_on")), text(payment.get("region_code")),
                text(payment.get("purpose")), payment.get("amount"), "/payment-orders/" + order);
    }

    private long careOrder(String reference) {
        return jdbc.sql("select id from payment_order where source = 'CARE' and source_ref = :ref")
                .param("ref", reference).query(Long.class).single();
    }

    /** Submitted, approved, and every line waiting for a check of recent good conduct given one; the lines in. */
    private List<Map<String, Object>> approvedAndChecked(String base, String document) throws Exception {
        call("city-staff", base + "/submission", "{}").andExpect(status().isOk());
        call("city-police", base + "/approval", "{\"documentNumber\": \"" + document + "\"}")
                .andExpect(status().isOk());
        // other people of the county are on the roster too
        List<Map<String, Object>> included = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            String waiting = body(mvc.perform(get(base + "/lines").param("status", "INCLUDED")
                    .param("page", String.valueOf(page)).param("size", "200").with(as("city-staff"))));
            included.addAll(JsonPath.read(waiting, "$.items"));
            if ((page + 1) * 200 >= JsonPath.<Integer>read(waiting, "$.total")) {
                break;
            }
        }
        for (Map<String, Object> line : included) {
            if (Boolean.TRUE.equals(line.get("conductCheckRequired"))
                    && !Boolean.TRUE.equals(line.get("conductGood"))) {
                call("city-staff", base + "/lines/" + line.get("id") + "/conduct-check",
                        "{\"note\": \"村委会证明近期表现良好\", \"good\": true}").andExpect(status().isOk());
            }
        }
        return included;
    }

    @Test
    void a_campaign_sent_counts_each_line_of_the_festival_and_a_paid_line_counts_in_the_funds() throws Exception {
        FigureChanges changes = before(YONGCHUN);
        long postings = lastPosting();

        long person = registered(YONGCHUN, unique("林永安"));
        LocalDate festival = clock.today().plusDays(10);
        long campaign = id(body(call("city-staff", "/api/v1/campaigns", """
                {"festival": "AWARENESS_DAY", "regionCode": "%s", "festivalDate": "%s"}"""
                .formatted(YONGCHUN, festival))
                .andExpect(status().isCreated())));
        String base = "/api/v1/campaigns/" + campaign;
        List<Map<String, Object>> included = approvedAndChecked(base, "永见协〔2026〕77号");
        call("city-staff", base + "/payment-batch", "{}").andExpect(status().isOk());
        awaitEvents();
        long line = jdbc.sql("select id from campaign_line where campaign_id = :c and samaritan_id = :s")
                .param("c", campaign).param("s", person).query(Long.class).single();
        long order = careOrder("campaign-" + campaign + "-" + line);
        // the fund that pays the county's condolences receives a donation for them first
        Map<String, Object> due = row("select fund_id, amount from payment_order where id = :id", order);
        long donation = id(body(call("city-staff", "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "永春县测试茶业有限公司", "fundId": %s, "amount": %s,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(due.get("fund_id"), due.get("amount"),
                clock.today())).andExpect(status().isCreated())));
        Map<String, Object> received = row("select received_on, region_code, donor_kind, amount from donation "
                + "where id = :id", donation);
        changes.expect("funds.donations", date(received.get("received_on")), text(received.get("region_code")),
                text(received.get("donor_kind")), received.get("amount"), "/donations/" + donation + "/receipt");
        paidByTheCity(order);
        assertThat(row("select status from campaign_line where id = :id", line).get("status")).isEqualTo("PAID");

        List<Map<String, Object>> sent = jdbc.sql("""
                select l.region_code, l.amount, c.reference_date, c.festival from campaign_line l
                join campaign c on c.id = l.campaign_id where c.id = :c and l.status in ('SENT', 'PAID')""")
                .param("c", campaign).query().listOfRows();
        assertThat(sent).as("every line included was sent").hasSize(included.size());
        for (Map<String, Object> each : sent) {
            LocalDate on = date(each.get("reference_date"));
            assertThat(on).isEqualTo(festival);
            String path = "/campaigns/" + campaign;
            changes.expect("care.condolences", on, text(each.get("region_code")), "COUNTY", path)
                    .expect("care.condolence-amount", on, text(each.get("region_code")), "COUNTY",
                            each.get("amount"), path);
        }
        expectPaid(changes, order);
        bankPostingsSince(postings, changes);
        changes.verify();
    }

    @Test
    void student_aid_approved_and_paid_targeted_aid_granted_and_a_visit_with_its_problem_solved_count_in_care()
            throws Exception {
        FigureChanges changes = before(JINJIANG);
        long postings = lastPosting();

        // student aid for a university student of a Jinjiang household, approved by the city and paid
        long household = registered(JINJIANG, unique("苏"));
        String child = unique("苏明远");
        StudentAidYear year = StudentAidYear.of(clock.today());
        String family = body(call("jinjiang-staff", "/api/v1/samaritans/" + household + "/family",
                "{\"relation\": \"CHILD\", \"name\": \"" + child + "\"}").andExpect(status().isCreated()));
        List<Number> relatives = JsonPath.read(family, "$.family[?(@.name == '%s')].id".formatted(child));
        long relative = relatives.get(0).longValue();
        mvc.perform(put("/api/v1/samaritans/{id}/family/{r}/schooling", household, relative).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"school": "华侨大学", "stage": "UNIVERSITY", "schoolingEndsOn": "%s"}"""
                                .formatted(year.startsOn().plusYears(3))))
                .andExpect(status().isOk());
        long application = id(body(call("jinjiang-staff", "/api/v1/student-aid/applications", """
                {"relativeId": %d, "schoolYear": "%s", "hardship": "父亲见义勇为受伤后失业，家庭无稳定收入",
                 "results": "上学年期末成绩年段前 10%%"}""".formatted(relative, year.label()))
                .andExpect(status().isCreated())));
        call("city-staff", "/api/v1/student-aid/applications/" + application + "/approval",
                "{\"decisionDocument\": \"泉见协〔2026〕78号\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        awaitEvents();
        long order = careOrder("student-aid-" + application);
        paidByTheCity(order);
        Map<String, Object> aid = row("""
                select a.decided_on, a.payer, a.amount, a.status, s.region_code from student_aid_application a
                join samaritan s on s.id = a.samaritan_id where a.id = :id""", application);
        assertThat(aid.get("status")).isEqualTo("PAID");
        for (String key : List.of("care.student-aid", "care.student-aid-cumulative")) {
            changes.expect(key, date(aid.get("decided_on")), text(aid.get("region_code")), text(aid.get("payer")),
                    "/samaritans/" + household);
        }
        for (String key : List.of("care.student-aid-amount", "care.student-aid-amount-cumulative")) {
            changes.expect(key, date(aid.get("decided_on")), text(aid.get("region_code")), text(aid.get("payer")),
                    aid.get("amount"), "/samaritans/" + household);
        }
        expectPaid(changes, order);

        // targeted aid granted to the household twice in the year by the provincial foundation: once a year
        for (String document : new String[] {"闽见基金〔2026〕81号", "闽见基金〔2026〕82号"}) {
            long targeted = id(body(call("jinjiang-staff", "/api/v1/targeted-aid", """
                    {"samaritanId": %d, "appliedTo": "PROVINCIAL_FOUNDATION", "reason": "SERIOUS_ILLNESS",
                     "amountAsked": 20000, "narrative": "入户走访发现本人患尿毒症需长期透析，家庭负担沉重"}"""
                    .formatted(household)).andExpect(status().isCreated())));
            call("jinjiang-staff", "/api/v1/targeted-aid/" + targeted + "/grant", """
                    {"amountGranted": 20000, "decidedOn": "%s", "decisionDocument": "%s"}"""
                    .formatted(clock.today(), document)).andExpect(status().isOk());
        }
        Map<String, Object> targeted = jdbc.sql("""
                select min(t.decided_on) as decided_on, min(s.region_code) as region_code, count(*) as granted
                from targeted_aid_application t join samaritan s on s.id = t.samaritan_id
                where t.samaritan_id = :s and t.status = 'GRANTED'""").param("s", household).query().singleRow();
        assertThat(((Number) targeted.get("granted")).intValue()).isEqualTo(2);
        changes.expect("care.targeted-aid", date(targeted.get("decided_on")), text(targeted.get("region_code")),
                "PROVINCIAL_FOUNDATION", "/samaritans/" + household);

        // a visit that finds a problem, followed to its solution
        long visit = id(body(call("jinjiang-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强、庄文彬", "met": "本人及妻子",
                 "livingConditions": "住房老旧，妻子务农", "hardship": true,
                 "problems": [{"kind": "EMPLOYMENT", "description": "本人伤愈后希望再就业"}]}"""
                .formatted(household, clock.today())).andExpect(status().isCreated())));
        long assistance = jdbc.sql("select id from assistance_case where visit_id = :v").param("v", visit)
                .query(Long.class).single();
        call("jinjiang-staff", "/api/v1/assistance-cases/" + assistance + "/solution", "{\"outcome\": \"已在本地鞋企就业\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SOLVED"));
        Map<String, Object> visited = row("select visited_on, region_code from visit where id = :id", visit);
        changes.expect("care.visits", date(visited.get("visited_on")), text(visited.get("region_code")), null,
                "/visits/" + visit);
        Map<String, Object> solved = row("select closed_on, region_code, kind from assistance_case where id = :id",
                assistance);
        changes.expect("care.assistance-solved", date(solved.get("closed_on")), text(solved.get("region_code")),
                text(solved.get("kind")), "/assistance-cases/" + assistance);

        awaitEvents();
        bankPostingsSince(postings, changes);
        changes.verify();
    }

    @Test
    void condolences_and_student_aid_the_province_paid_count_at_the_province_level_and_order_nothing_from_our_funds()
            throws Exception {
        FigureChanges changes = before(YONGCHUN);
        long orders = jdbc.sql("select count(*) from payment_order").query(Long.class).single();

        // the provincial foundation's Spring Festival condolences to the county's people, recorded here
        long person = registered(YONGCHUN, unique("郑永福"));
        LocalDate festival = clock.today().plusDays(20);
        String created = body(call("city-staff", "/api/v1/campaigns", """
                {"festival": "SPRING_FESTIVAL", "regionCode": "%s", "festivalDate": "%s", "provinceAmount": 1500}"""
                .formatted(YONGCHUN, festival)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.provinceAmount").value(1500)));
        long campaign = id(created);
        String base = "/api/v1/campaigns/" + campaign;
        assertThat(body(mvc.perform(get("/campaigns/" + campaign).with(as("city-staff")))))
                .contains("id=\"provincial-campaign\"", "¥1,500.00");
        List<Map<String, Object>> included = approvedAndChecked(base, "闽见基金〔2026〕90号");
        assertThat(included).extracting(line -> ((Number) line.get("samaritanId")).longValue()).contains(person);
        assertThat(included).allSatisfy(line -> assertThat(new BigDecimal(line.get("amount").toString()))
                .isEqualByComparingTo("1500"));
        assertThat(body(mvc.perform(get("/campaigns/" + campaign).with(as("city-staff"))))).contains("登记省级已发放");
        call("city-staff", base + "/payment-batch", "{}").andExpect(status().isOk());
        awaitEvents();
        List<Map<String, Object>> paid = jdbc.sql("""
                select l.region_code, l.amount, l.status, l.order_number, c.reference_date from campaign_line l
                join campaign c on c.id = l.campaign_id where c.id = :c and l.status in ('SENT', 'PAID')""")
                .param("c", campaign).query().listOfRows();
        assertThat(paid).as("every line included was recorded as paid").hasSize(included.size())
                .allSatisfy(line -> {
                    assertThat(line.get("status")).isEqualTo("PAID");
                    assertThat(line.get("order_number")).isNull();
                });
        for (Map<String, Object> each : paid) {
            String path = "/campaigns/" + campaign;
            changes.expect("care.condolences", festival, text(each.get("region_code")), "PROVINCE", path)
                    .expect("care.condolence-amount", festival, text(each.get("region_code")), "PROVINCE",
                            each.get("amount"), path);
        }

        // student aid the province granted to a child of the household: approved here, received on a day
        StudentAidYear year = StudentAidYear.of(clock.today());
        String child = unique("郑晓雯");
        String family = body(call("city-staff", "/api/v1/samaritans/" + person + "/family",
                "{\"relation\": \"CHILD\", \"name\": \"" + child + "\"}").andExpect(status().isCreated()));
        List<Number> relatives = JsonPath.read(family, "$.family[?(@.name == '%s')].id".formatted(child));
        long relative = relatives.get(0).longValue();
        mvc.perform(put("/api/v1/samaritans/{id}/family/{r}/schooling", person, relative).with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"school": "永春第一中学", "stage": "SENIOR", "schoolingEndsOn": "%s"}"""
                                .formatted(year.startsOn().plusYears(2))))
                .andExpect(status().isOk());
        long application = id(body(call("city-staff", "/api/v1/student-aid/applications", """
                {"relativeId": %d, "schoolYear": "%s", "hardship": "父亲见义勇为牺牲，母亲务农",
                 "results": "高一年段前 20%%", "payer": "PROVINCE"}""".formatted(relative, year.label()))
                .andExpect(status().isCreated())));
        String aid = "/api/v1/student-aid/applications/" + application;
        call("city-police", aid + "/receipt", "{\"receivedOn\": \"%s\"}".formatted(clock.today()))
                .andExpect(status().isConflict());
        call("city-police", aid + "/approval", "{\"decisionDocument\": \"闽见基金〔2026〕91号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        String approvedPage = body(mvc.perform(get("/student-aid/applications/" + application).with(as("city-staff"))));
        assertThat(approvedPage).contains("id=\"receipt-form\"", "省见义勇为基金会");
        call("city-staff", aid + "/receipt", "{\"receivedOn\": \"%s\"}".formatted(clock.today().plusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        call("city-staff", aid + "/receipt", "{\"receivedOn\": \"%s\", \"amount\": 2500}".formatted(clock.today()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.amount").value(2500));
        assertThat(body(mvc.perform(get("/student-aid/applications/" + application).with(as("city-staff")))))
                .doesNotContain("id=\"receipt-form\"").contains("省级发放");
        awaitEvents();
        for (String key : List.of("care.student-aid", "care.student-aid-cumulative")) {
            changes.expect(key, clock.today(), YONGCHUN, "PROVINCE", "/samaritans/" + person);
        }
        for (String key : List.of("care.student-aid-amount", "care.student-aid-amount-cumulative")) {
            changes.expect(key, clock.today(), YONGCHUN, "PROVINCE", new BigDecimal("2500.00"), "/samaritans/" + person);
        }
        assertThat(jdbc.sql("select count(*) from payment_order").query(Long.class).single())
                .as("the province paid: nothing was ordered from our funds").isEqualTo(orders);
        changes.verify();
    }
}

package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.shared.ResidentId;

/**
 * The end of a case: the hearing before a refusal, the decision per actor with its PDF letter,
 * delivery, the review (复核) and closing.
 */
@RecordApplicationEvents
class DeedDecisionTests extends FullStackTest {

    private long deedId;
    private String number;
    private String confirmedName;
    private String refusedName;
    private long confirmedId;
    private long refusedId;

    private ResultActions step(String user, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/deeds/{id}/" + path, deedId).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions step(String path, String body) throws Exception {
        return step("jinjiang-police", path, body);
    }

    /** A deed whose review proposes one confirmation and, optionally, one refusal. */
    private void proposed(String secondOutcome) throws Exception {
        confirmedName = unique("吴");
        refusedName = unique("蔡");
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "OFFENCE_AGAINST_PERSONS", "source": "SELF_APPLICATION",
                                 "occurredAt": "2026-03-10T21:00:00", "address": "晋江市青阳街道万达广场北门",
                                 "title": "%s", "narrative": "两人合力制止持刀伤人者。", "participants": [
                                  {"role": "ACTOR", "name": "%s", "residentId": "%s"},
                                  {"role": "ACTOR", "name": "%s"},
                                  {"role": "APPLICANT", "name": "%s", "residentId": "%s"}], "notADuplicate": true}"""
                                .formatted(unique("制止持刀伤人"), confirmedName,
                                        ResidentId.withCheckDigit("35058219850312123"), refusedName, confirmedName,
                                        ResidentId.withCheckDigit("35058219850312123"))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        deedId = ((Number) JsonPath.read(body, "$.id")).longValue();
        number = JsonPath.read(body, "$.number");
        List<Integer> ids = JsonPath.read(body, "$.participants[?(@.role == 'ACTOR')].id");
        confirmedId = ids.get(0);
        refusedId = ids.get(1);
        step("accept", "{\"acceptedOn\": \"2026-03-12\"}").andExpect(status().isOk());
        step("investigation", "{\"organizationId\": %d, \"investigators\": \"民警 林\"}"
                .formatted(organizationId("JJ-PS-QY"))).andExpect(status().isOk());
        step("investigation/report", """
                {"summary": "查实", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(confirmedId, refusedId))
                .andExpect(status().isOk());
        step("review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "%s", "reason": "事发时仅在旁围观"}]}"""
                .formatted(confirmedId, refusedId, secondOutcome)).andExpect(status().isOk());
    }

    private void noticed() throws Exception {
        step("notice", "{}").andExpect(status().isOk());
        clock.advance(Duration.ofDays(7));
        step("notice/close", "{}").andExpect(status().isOk());
    }

    private String decision(String first, String second) {
        return """
                {"outcomes": [{"participantId": %d, "outcome": "%s", "reason": "未参与制止"},
                 {"participantId": %d, "outcome": "%s", "reason": "事发时仅在旁围观，未参与制止"}]}"""
                .formatted(confirmedId, first, refusedId, second);
    }

    @Test
    void a_refusal_waits_for_the_hearing_and_the_decision_letter_names_the_people_and_the_deed(
            ApplicationEvents events) throws Exception {
        proposed("REFUSE");
        noticed();
        mvc.perform(get("/api/v1/deeds/{id}", deedId).with(as("jinjiang-police")))
                .andExpect(jsonPath("$.status").value("HEARING"));

        step("decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("陈述申辩")));
        step("hearing", "{\"grounds\": \"\", \"legalBasis\": \"条例第三条\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grounds"));
        step("hearing", """
                {"grounds": "经调查，蔡某事发时在旁围观，未参与制止。", "legalBasis": "《福建省见义勇为人员奖励和保护条例》第三条"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hearing.responseDue").isNotEmpty());
        step("decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isConflict());
        step("hearing/answer", "{\"statement\": \"我当时上前拉开了伤人者。\"}").andExpect(status().isOk());
        step("hearing/answer", "{\"waived\": true}").andExpect(status().isConflict());

        step("decision", decision("CONFIRMED", null)).andExpect(status().isBadRequest());
        // only the county bureau of the place decides and signs (Art. 6): not the county association's
        // clerk, not the city association, not the city bureau, though all of them follow the case
        for (String other : new String[] {"jinjiang-staff", "city-staff", "city-police"}) {
            step(other, "decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString("晋江市公安局")));
            mvc.perform(get("/deeds/{id}", deedId).with(as(other)))
                    .andExpect(content().string(containsString("id=\"decision-by-bureau\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"decide\""))));
        }
        mvc.perform(get("/deeds/{id}", deedId).with(as("jinjiang-police")))
                .andExpect(content().string(containsString("id=\"decide\"")));
        step("decision", decision("CONFIRMED", "REFUSED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.decisionNumber").value(matchesPattern("晋公见确〔\\d{4}〕\\d+号")))
                .andExpect(jsonPath("$.participants[?(@.id == %d)].outcome".formatted(confirmedId)).value("CONFIRMED"))
                .andExpect(jsonPath("$.participants[?(@.id == %d)].outcome".formatted(refusedId)).value("REFUSED"));
        step("decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isConflict());

        String decisionNumber = jdbc.sql("select decision_number from deed where id = :id").param("id", deedId)
                .query(String.class).single();
        byte[] pdf = mvc.perform(get("/api/v1/deeds/{id}/decision-letter", deedId).with(as("jinjiang-police")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "decision-letter.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains(confirmedName, refusedName, number, decisionNumber, "晋江市公安局",
                    "见义勇为行为确认决定书", "不予确认", "十五日内", "泉州市公安局申请复核");
            assertThat(text).doesNotContain(ResidentId.withCheckDigit("35058219850312123"));
        }

        assertThat(events.stream(DeedConfirmed.class).filter(event -> event.deedId() == deedId))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.name()).isEqualTo(confirmedName);
                    assertThat(event.decisionNumber()).isEqualTo(decisionNumber);
                    assertThat(event.residentIdMasked()).startsWith("350582");
                });
        mvc.perform(get("/deeds/{id}", deedId).with(as("jinjiang-police")))
                .andExpect(content().string(containsString("已确认的见义勇为人员")))
                .andExpect(content().string(containsString(decisionNumber)));
        assertThat(auditedActions("jinjiang-police", "Deed", deedId)).contains("UPDATE");
    }

    @Test
    void nobody_is_confirmed_without_the_notice_or_refused_without_the_hearing() throws Exception {
        proposed("REFUSE");
        // before the notice: the deed is still under review, and the message says so in words
        step("decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("审核中")));
        noticed();
        step("hearing", "{\"grounds\": \"围观\", \"legalBasis\": \"条例第三条\"}").andExpect(status().isOk());
        // the answer period (3 days) passes without an answer: the refusal may now be decided
        clock.advance(Duration.ofDays(4));
        step("decision", decision("REFUSED", "CONFIRMED")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("未经公示")));
        step("decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isOk());
    }

    @Test
    void the_same_person_is_not_confirmed_twice_for_one_act() throws Exception {
        String name = unique("许");
        String id = ResidentId.withCheckDigit("35058219791111123");
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-04-01T09:00:00", "address": "晋江市", "title": "%s",
                                 "narrative": "救人", "participants": [
                                  {"role": "ACTOR", "name": "%s", "residentId": "%s"},
                                  {"role": "ACTOR", "name": "%s", "residentId": "%s"}], "notADuplicate": true}"""
                                .formatted(unique("救人"), name, id, name, id)))
                .andReturn().getResponse().getContentAsString();
        deedId = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<Integer> ids = JsonPath.read(body, "$.participants[*].id");
        confirmedId = ids.get(0);
        refusedId = ids.get(1);
        step("accept", "{\"acceptedOn\": \"2026-04-02\"}");
        step("investigation", "{\"organizationId\": %d, \"investigators\": \"民警\"}".formatted(organizationId("JJ-PS-QY")));
        step("investigation/report", """
                {"summary": "查实", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(confirmedId, refusedId));
        step("review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(confirmedId, refusedId))
                .andExpect(status().isOk());
        noticed();
        step("decision", decision("CONFIRMED", "CONFIRMED")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("确认两次")));
    }

    @Test
    void after_delivery_a_review_is_asked_within_fifteen_days_and_decided_by_the_city(ApplicationEvents events)
            throws Exception {
        proposed("REFUSE");
        noticed();
        step("hearing", "{\"grounds\": \"围观\", \"legalBasis\": \"条例第三条\"}");
        step("hearing/answer", "{\"waived\": true}").andExpect(status().isOk());
        step("decision", decision("CONFIRMED", "REFUSED")).andExpect(status().isOk());

        step("delivery", "{\"method\": \"IN_PERSON\", \"recipient\": \"\"}").andExpect(status().isBadRequest());
        step("delivery", "{\"method\": \"IN_PERSON\", \"recipient\": \"" + confirmedName + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.reviewDeadline").isNotEmpty());
        step("close", "{}").andExpect(status().isConflict());

        step("review-requests", """
                {"kind": "REVIEW", "requestedBy": "%s", "grounds": "我确实参与了制止。"}""".formatted(refusedName))
                .andExpect(status().isOk());
        step("review-requests", """
                {"kind": "RECONSIDERATION", "requestedBy": "%s", "grounds": "再议"}""".formatted(refusedName))
                .andExpect(status().isConflict());
        long request = jdbc.sql("select id from deed_review_request where deed_id = :id").param("id", deedId)
                .query(Long.class).single();
        String changed = """
                {"result": "CHANGED", "note": "调取监控，蔡某确有上前拉开行为。", "nowConfirmed": [%d]}"""
                .formatted(refusedId);
        step("review-requests/" + request + "/outcome", changed).andExpect(status().isForbidden());
        // the city bureau decides a review, not the city association's staff
        step("city-staff", "review-requests/" + request + "/outcome", changed).andExpect(status().isForbidden());
        step("city-police", "review-requests/" + request + "/outcome", changed)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants[?(@.id == %d)].outcome".formatted(refusedId)).value("CONFIRMED"));
        assertThat(events.stream(DeedConfirmed.class).filter(event -> event.deedId() == deedId)
                .map(DeedConfirmed::name)).containsExactly(confirmedName, refusedName);

        step("close", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void a_review_asked_after_the_period_is_refused_but_a_reconsideration_is_recorded() throws Exception {
        proposed("CONFIRM");
        noticed();
        step("decision", decision("CONFIRMED", "CONFIRMED")).andExpect(status().isOk());
        step("delivery", "{\"method\": \"POST\", \"recipient\": \"" + confirmedName + "\"}").andExpect(status().isOk());
        clock.advance(Duration.ofDays(16));
        step("review-requests", "{\"kind\": \"REVIEW\", \"requestedBy\": \"某\", \"grounds\": \"不服\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("期限")));
        step("close", "{}").andExpect(status().isOk());
        step("review-requests", "{\"kind\": \"RECONSIDERATION\", \"requestedBy\": \"某\", \"grounds\": \"不服\"}")
                .andExpect(status().isOk());
    }

    @Test
    void another_county_cannot_see_or_decide_the_deed() throws Exception {
        proposed("CONFIRM");
        noticed();
        step("nanan-staff", "decision", decision("CONFIRMED", "CONFIRMED")).andExpect(status().isNotFound());
        step("decision", decision("CONFIRMED", "CONFIRMED")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/deeds/{id}/decision-letter", deedId).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/deeds/{id}", deedId).with(as("nanan-staff"))).andExpect(status().isNotFound());
    }
}

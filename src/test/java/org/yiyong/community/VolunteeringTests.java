package org.yiyong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.FullStackTest;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/**
 * Volunteers and their hours: a year's hours are the sum of the sign-ins and 100 cumulative hours make a
 * star; the certificates expiring within 60 days are exactly those; a person is registered once, with
 * consent; hours stay within the activity and nobody is signed in before it starts; another county's
 * volunteer and another station's team are not found.
 */
class VolunteeringTests extends FullStackTest {

    @Autowired
    Volunteering volunteering;

    @Autowired
    OrganizationLookup organizations;

    @Autowired
    UserDetailsService accounts;

    private <T> T as(String username, Function<CurrentUser, T> steps) {
        return SignedIn.as(accounts.loadUserByUsername(username), steps);
    }

    private long station(String regionCode, String name) {
        return organizations.carersIn(regionCode).stream().filter(carer -> carer.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    private Volunteering.Team team(String username, String regionCode, String stationName) {
        long host = station(regionCode, stationName);
        return as(username, me -> volunteering.createTeam(me, new Volunteering.NewTeam(unique("志愿队"),
                TeamKind.SECURITY, host, null, null)));
    }

    private Volunteering.Volunteer volunteer(String username, long team, String regionCode) {
        return as(username, me -> volunteering.register(me, team, new Volunteering.NewVolunteer(unique("队员"),
                uniqueResidentId(regionCode + "19850101"), "13905950000", null, null, true)));
    }

    private Volunteering.Activity patrol(String username, long team, LocalDateTime start, int hours) {
        return as(username, me -> volunteering.createActivity(me, team, new Volunteering.NewActivity(
                ActivityKind.PATROL, "夜间巡逻", "安海镇", start, start.plusHours(hours))));
    }

    @Test
    void a_years_hours_are_the_sum_of_its_sign_ins_and_100_hours_make_a_star() {
        var team = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        var member = volunteer("jinjiang-staff", team.id(), "350582");
        LocalDateTime first = LocalDate.of(clock.today().getYear(), 1, 3).atTime(19, 0);
        BigDecimal expected = BigDecimal.ZERO;
        for (int week = 0; week < 33; week++) {
            var activity = patrol("jinjiang-staff", team.id(), first.plusWeeks(week), 3);
            BigDecimal hours = week % 2 == 0 ? new BigDecimal("3") : new BigDecimal("3.0");
            as("jinjiang-staff", me -> volunteering.signIn(me, activity.id(), Map.of(member.id(), hours)));
            expected = expected.add(hours);
        }
        // last year's patrol counts towards the stars, not towards this year
        var lastYear = patrol("jinjiang-staff", team.id(), first.minusYears(1), 2);
        as("jinjiang-staff", me -> volunteering.signIn(me, lastYear.id(), Map.of(member.id(), new BigDecimal("0.5"))));
        var now = as("jinjiang-staff", me -> volunteering.volunteer(me, member.id()));
        assertThat(now.hoursThisYear()).isEqualByComparingTo(expected).isEqualByComparingTo("99");
        assertThat(now.hoursInAll()).isEqualByComparingTo("99.5");
        assertThat(now.stars()).as("99.5 hours").isZero();

        var oneMore = patrol("jinjiang-staff", team.id(), first.plusWeeks(40), 3);
        as("jinjiang-staff", me -> volunteering.signIn(me, oneMore.id(), Map.of(member.id(), new BigDecimal("0.5"))));
        now = as("jinjiang-staff", me -> volunteering.volunteer(me, member.id()));
        assertThat(now.hoursInAll()).isEqualByComparingTo("100");
        assertThat(now.stars()).isEqualTo(1);
        List<Volunteering.YearHours> years = as("jinjiang-staff", me -> volunteering.hoursByYear(me, member.id()));
        assertThat(years).extracting(Volunteering.YearHours::hours)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("99.5"), new BigDecimal("0.5"));
        // signing in again replaces the hours rather than adding
        as("jinjiang-staff", me -> volunteering.signIn(me, oneMore.id(), Map.of(member.id(), new BigDecimal("2"))));
        assertThat(as("jinjiang-staff", me -> volunteering.volunteer(me, member.id())).hoursInAll())
                .isEqualByComparingTo("101.5");
    }

    @Test
    void the_certificates_expiring_within_60_days_are_exactly_those_of_active_volunteers() throws Exception {
        var team = team("nanan-staff", "350583", "南安市水头镇见义勇为工作站");
        var a = volunteer("nanan-staff", team.id(), "350583");
        var b = volunteer("nanan-staff", team.id(), "350583");
        var gone = volunteer("nanan-staff", team.id(), "350583");
        LocalDate today = clock.today();
        long soon = as("nanan-staff", me -> volunteering.addCertificate(me, a.id(), CertificateKind.FIRST_AID, "A1",
                today.minusYears(3), today.plusDays(10))).id();
        long last = as("nanan-staff", me -> volunteering.addCertificate(me, b.id(), CertificateKind.LIFESAVING, "B1",
                null, today.plusDays(60))).id();
        as("nanan-staff", me -> volunteering.addCertificate(me, a.id(), CertificateKind.LIFESAVING, "A2", null,
                today.plusDays(61)));
        as("nanan-staff", me -> volunteering.addCertificate(me, b.id(), CertificateKind.FIRST_AID, "B2", null,
                today.minusDays(1)));
        as("nanan-staff", me -> volunteering.addCertificate(me, gone.id(), CertificateKind.FIRST_AID, "C1", null,
                today.plusDays(5)));
        as("nanan-staff", me -> volunteering.changeStatus(me, gone.id(), VolunteerStatus.LEFT));
        List<Long> expiring = as("nanan-staff", me -> volunteering.expiringSoon(me)).stream()
                .filter(c -> c.teamName().equals(team.name())).map(Volunteering.Certificate::id).toList();
        assertThat(expiring).containsExactly(soon, last);
        // the county's staff find them in their to-do list, due the day they expire
        String tasks = mvc.perform(get("/api/v1/tasks").with(as("nanan-staff"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        List<String> due = com.jayway.jsonpath.JsonPath.read(tasks,
                "$.tasks[?(@.path == '/volunteers/%d#certificates')].due".formatted(a.id()));
        assertThat(due).containsExactly(today.plusDays(10).toString());
        List<Volunteering.Certificate> elsewhere = as("jinjiang-staff", me -> volunteering.expiringSoon(me));
        assertThat(elsewhere).as("not another county's").noneMatch(c -> c.teamName().equals(team.name()));
    }

    @Test
    void a_person_is_registered_once_with_consent_and_the_refusal_names_the_record() {
        var team = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        String residentId = uniqueResidentId("35058219900101");
        var first = as("jinjiang-staff", me -> volunteering.register(me, team.id(), new Volunteering.NewVolunteer(
                "庄雅琴", residentId, null, null, null, true)));
        assertThat(first.residentIdMasked()).doesNotContain(residentId.substring(6, 14));
        assertThatThrownBy(() -> as("jinjiang-staff", me -> volunteering.register(me, team.id(),
                new Volunteering.NewVolunteer("庄雅琴", residentId, null, null, null, true))))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("residentId");
                    assertThat(refused.arguments()).contains("庄雅琴", team.name(), first.id());
                });
        assertThatThrownBy(() -> as("jinjiang-staff", me -> volunteering.register(me, team.id(),
                new Volunteering.NewVolunteer("无同意", uniqueResidentId("35058219900101"), null, null, null, false))))
                .isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("consent"));
        assertThat(jdbc.sql("select count(*) from volunteer where name = '无同意'").query(Long.class).single()).isZero();
    }

    @Test
    void hours_stay_within_the_activity_and_nobody_is_signed_in_before_it_starts() throws Exception {
        var team = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        var member = volunteer("jinjiang-staff", team.id(), "350582");
        var past = patrol("jinjiang-staff", team.id(), clock.nowToTheMinute().minusDays(2), 3);
        mvc.perform(post("/api/v1/activities/{id}/sign-in", past.id()).with(as("jinjiang-staff")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\": [{\"volunteerId\": %d, \"hours\": 3.5}]}".formatted(member.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("服务时长不能超过活动时长 3 小时。"));
        var coming = patrol("jinjiang-staff", team.id(), clock.nowToTheMinute().plusDays(1), 3);
        mvc.perform(post("/api/v1/activities/{id}/sign-in", coming.id()).with(as("jinjiang-staff")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\": [{\"volunteerId\": %d, \"hours\": 1}]}".formatted(member.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("活动还没有开始")));
        var stranger = volunteer("jinjiang-staff", team("jinjiang-staff", "350582", "晋江市安海镇见义勇为工作站").id(),
                "350582");
        assertThatThrownBy(() -> as("jinjiang-staff", me -> volunteering.signIn(me, past.id(),
                Map.of(stranger.id(), BigDecimal.ONE)))).isInstanceOf(InvalidField.class);
        assertThat(jdbc.sql("select count(*) from volunteer_attendance where activity_id in (:ids)")
                .param("ids", List.of(past.id(), coming.id())).query(Long.class).single()).isZero();
    }

    @Test
    void another_countys_volunteer_and_another_stations_team_are_not_found() throws Exception {
        var jinjiang = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        var member = volunteer("jinjiang-staff", jinjiang.id(), "350582");
        mvc.perform(get("/volunteers/{id}", member.id()).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/volunteers/{id}", member.id()).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/volunteer-teams/{id}/volunteers", jinjiang.id()).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        assertThat(auditedActions("nanan-staff", "Volunteer", member.id())).contains("ACCESS_DENIED");
        // volunteers' details are for the staff who run the network and the leaders, not the finance roles
        mvc.perform(get("/volunteers/{id}", member.id()).with(as("finance-reviewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/volunteer-teams").with(as("cashier"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/volunteers/{id}", member.id()).with(as("leader"))).andExpect(status().isOk());
        // the Anhai station's staff read their county's teams but change only their own station's
        mvc.perform(get("/volunteer-teams/{id}", jinjiang.id()).with(as("anhai-station"))).andExpect(status().isOk());
        mvc.perform(post("/volunteer-teams/{id}/activities", jinjiang.id()).with(as("anhai-station")).with(csrf())
                .param("kind", "PATROL").param("title", "巡逻").param("place", "青阳")
                .param("startsAt", "2026-11-01T19:00").param("endsAt", "2026-11-01T21:00"))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> as("anhai-station", me -> volunteering.register(me, jinjiang.id(),
                new Volunteering.NewVolunteer("某", uniqueResidentId("35058219900101"), null, null, null, true))))
                .isInstanceOf(RecordNotFound.class);
        var own = team("anhai-station", "350582", "晋江市安海镇见义勇为工作站");
        assertThat(volunteer("anhai-station", own.id(), "350582").teamId()).isEqualTo(own.id());
        assertThatThrownBy(() -> team("anhai-station", "350582", "晋江市青阳街道见义勇为工作站"))
                .as("a team only for the own station").isInstanceOf(InvalidField.class);
    }

    @Test
    void the_pages_show_a_team_a_volunteer_and_the_sign_in_list() throws Exception {
        var team = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        var member = volunteer("jinjiang-staff", team.id(), "350582");
        var past = patrol("jinjiang-staff", team.id(), clock.nowToTheMinute().minusDays(1), 2);
        mvc.perform(post("/activities/{id}/sign-in", past.id()).with(as("jinjiang-staff")).with(csrf())
                .param("volunteer", String.valueOf(member.id())).param("hours-" + member.id(), "2"))
                .andExpect(status().is3xxRedirection());
        for (String page : List.of("/volunteer-teams", "/volunteer-teams/" + team.id(), "/volunteers/" + member.id(),
                "/activities/" + past.id(), "/volunteers/certificates/expiring")) {
            mvc.perform(get(page).with(as("jinjiang-staff"))).andExpect(status().isOk());
        }
        String profile = mvc.perform(get("/volunteers/{id}", member.id()).with(as("jinjiang-staff"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(profile).contains("id=\"hours-this-year\">2<");
        // a refused registration comes back as typed, the field marked
        String refused = mvc.perform(post("/volunteer-teams/{id}/volunteers", team.id()).with(as("jinjiang-staff"))
                .with(csrf()).param("name", "郭美玲").param("residentId", "350582199001011234").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("value=\"郭美玲\"", "公民身份号码：");
    }

    @Test
    void a_teams_hours_download_in_the_layout_a_volunteer_hours_platform_imports() throws Exception {
        var team = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        String residentId = uniqueResidentId("35058219860101");
        var member = as("jinjiang-staff", me -> volunteering.register(me, team.id(), new Volunteering.NewVolunteer(
                "许雅芳", residentId, "13905950001", null, null, true)));
        var patrol = patrol("jinjiang-staff", team.id(), LocalDate.of(clock.today().getYear(), 3, 7).atTime(19, 0), 3);
        as("jinjiang-staff", me -> volunteering.signIn(me, patrol.id(), Map.of(member.id(), new BigDecimal("2.5"))));
        byte[] csv = mvc.perform(get("/volunteer-teams/{id}/hours.csv", team.id()).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String[] lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", Volunteering.HOURS_COLUMNS));
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo(String.join(",", "许雅芳", "居民身份证", residentId, "13905950001", team.name(),
                "夜间巡逻", "治安巡逻", "安海镇", clock.today().getYear() + "-03-07 19:00",
                clock.today().getYear() + "-03-07 22:00", "2.5"));
        byte[] xlsx = mvc.perform(get("/volunteer-teams/{id}/hours.xlsx", team.id()).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("证件号码");
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo(residentId);
        }
        assertThat(auditedActions("jinjiang-staff", "VolunteerTeam", team.id())).contains("FILE_DOWNLOADED");
        mvc.perform(get("/volunteer-teams/{id}/hours.csv", team.id()).with(as("anhai-station")))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_mistaken_sign_in_is_taken_off_and_a_volunteers_details_are_corrected() throws Exception {
        var team = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        var a = volunteer("jinjiang-staff", team.id(), "350582");
        var b = volunteer("jinjiang-staff", team.id(), "350582");
        var past = patrol("jinjiang-staff", team.id(), clock.nowToTheMinute().minusDays(1), 3);
        mvc.perform(post("/activities/{id}/sign-in", past.id()).with(as("jinjiang-staff")).with(csrf())
                .param("shown", String.valueOf(a.id()), String.valueOf(b.id()))
                .param("volunteer", String.valueOf(a.id()), String.valueOf(b.id()))
                .param("hours-" + a.id(), "3").param("hours-" + b.id(), "2")).andExpect(status().is3xxRedirection());
        // b was ticked by mistake: unticked on the list, b is taken off and a keeps the hours
        mvc.perform(post("/activities/{id}/sign-in", past.id()).with(as("jinjiang-staff")).with(csrf())
                .param("shown", String.valueOf(a.id()), String.valueOf(b.id()))
                .param("volunteer", String.valueOf(a.id())).param("hours-" + a.id(), "3"))
                .andExpect(status().is3xxRedirection());
        List<Volunteering.Attendance> signed = as("jinjiang-staff", me -> volunteering.attendance(me, past.id()));
        assertThat(signed).extracting(Volunteering.Attendance::volunteerId).containsExactly(a.id());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/activities/{id}/attendance/{v}", past.id(), b.id()).with(as("jinjiang-staff"))
                .with(csrf())).andExpect(status().isBadRequest());
        assertThat(auditedActions("jinjiang-staff", "VolunteerActivity", past.id())).contains("UPDATE");

        mvc.perform(post("/volunteers/{id}/details", a.id()).with(as("jinjiang-staff")).with(csrf())
                .param("name", "更正后的名字").param("phone", "").param("skills", "急救"))
                .andExpect(status().is3xxRedirection());
        var corrected = as("jinjiang-staff", me -> volunteering.volunteer(me, a.id()));
        assertThat(corrected.name()).isEqualTo("更正后的名字");
        assertThat(corrected.skills()).isEqualTo("急救");
        assertThat(corrected.phoneMasked()).as("left out, the phone stays").isEqualTo(a.phoneMasked()).isNotNull();
        assertThat(corrected.residentIdMasked()).isEqualTo(a.residentIdMasked());
        mvc.perform(post("/volunteers/{id}/details", a.id()).with(as("nanan-staff")).with(csrf())
                .param("name", "某")).andExpect(status().isNotFound());
    }

    @Test
    void a_volunteer_moves_team_with_their_hours_and_a_mistaken_certificate_is_removed() throws Exception {
        var from = team("jinjiang-staff", "350582", "晋江市青阳街道见义勇为工作站");
        var to = team("jinjiang-staff", "350582", "晋江市安海镇见义勇为工作站");
        var member = volunteer("jinjiang-staff", from.id(), "350582");
        var past = patrol("jinjiang-staff", from.id(), clock.nowToTheMinute().minusDays(1), 2);
        as("jinjiang-staff", me -> volunteering.signIn(me, past.id(), Map.of(member.id(), new BigDecimal("2"))));
        long certificate = as("jinjiang-staff", me -> volunteering.addCertificate(me, member.id(),
                CertificateKind.FIRST_AID, "错号", null, clock.today().plusDays(10))).id();
        mvc.perform(post("/volunteers/{id}/certificates/{c}/removal", member.id(), certificate)
                .with(as("jinjiang-staff")).with(csrf())).andExpect(status().is3xxRedirection());
        List<Volunteering.Certificate> left = as("jinjiang-staff", me -> volunteering.certificates(me, member.id()));
        assertThat(left).isEmpty();
        mvc.perform(post("/api/v1/volunteers/{id}/team", member.id()).with(as("jinjiang-staff")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"teamId\": %d}".formatted(from.id())))
                .andExpect(status().isBadRequest());
        var nanan = team("nanan-staff", "350583", "南安市水头镇见义勇为工作站");
        mvc.perform(post("/api/v1/volunteers/{id}/team", member.id()).with(as("jinjiang-staff")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"teamId\": %d}".formatted(nanan.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("teamId"));
        mvc.perform(post("/volunteers/{id}/team", member.id()).with(as("jinjiang-staff")).with(csrf())
                .param("teamId", String.valueOf(to.id()))).andExpect(status().is3xxRedirection());
        var moved = as("jinjiang-staff", me -> volunteering.volunteer(me, member.id()));
        assertThat(moved.teamId()).isEqualTo(to.id());
        assertThat(moved.hoursInAll()).isEqualByComparingTo("2");
        assertThat(auditedActions("jinjiang-staff", "Volunteer", member.id())).contains("UPDATE");
        mvc.perform(get("/volunteers/{id}", member.id()).with(as("jinjiang-staff"))).andExpect(status().isOk());
    }
}

package org.yiyong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.FullStackTest;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.organization.Region;
import org.yiyong.shared.InvalidField;

/**
 * Theme parks: the counties behind their target in a year are exactly those without a park open by its end;
 * a park only moves forward, opens on a day not in the future; coordinates outside Quanzhou are refused with
 * the reason; another county's park is not found.
 */
class ThemeParksTests extends FullStackTest {

    /** A year long past, which no demo park and no other test touches. */
    private static final int YEAR = 2019;

    @Autowired
    ThemeParks parks;

    @Autowired
    UserDetailsService accounts;

    private <T> T as(String username, Function<CurrentUser, T> steps) {
        return SignedIn.as(accounts.loadUserByUsername(username), steps);
    }

    private ThemeParks.Park planned(String username, String region) {
        return as(username, me -> parks.create(me, new ThemeParks.NewPark(unique("主题公园"), ParkKind.THEME_PARK,
                region, "某镇某路", new BigDecimal("24.9"), new BigDecimal("118.6"))));
    }

    private void opened(String username, String region, LocalDate on) {
        var park = planned(username, region);
        as(username, me -> parks.advance(me, park.id(), ParkStatus.BUILDING, null));
        as(username, me -> parks.advance(me, park.id(), ParkStatus.OPEN, on));
    }

    @Test
    void the_counties_behind_target_are_exactly_those_without_a_park_open_by_the_years_end() {
        as("city-staff", me -> {
            parks.setTarget(me, YEAR, null, 1);
            return null;
        });
        opened("city-staff", "350505", LocalDate.of(YEAR, 6, 1));
        opened("jinjiang-staff", "350582", LocalDate.of(YEAR, 12, 31));
        opened("city-staff", "350521", LocalDate.of(YEAR + 1, 1, 10)); // the next year: not yet
        var building = planned("nanan-staff", "350583");
        as("nanan-staff", me -> parks.advance(me, building.id(), ParkStatus.BUILDING, null));

        List<Region> counties = as("city-staff", me -> parks.counties(me));
        Set<String> expected = counties.stream().map(Region::code)
                .filter(code -> !code.equals("350505") && !code.equals("350582")).collect(Collectors.toSet());
        List<ThemeParks.Standing> behind = as("city-staff", me -> parks.behindTarget(me, YEAR));
        assertThat(behind).extracting(ThemeParks.Standing::regionCode).containsExactlyInAnyOrderElementsOf(expected);

        // a county's own target replaces the one for every county
        as("city-staff", me -> {
            parks.setTarget(me, YEAR, "350582", 2);
            return null;
        });
        List<ThemeParks.Standing> again = as("city-staff", me -> parks.behindTarget(me, YEAR));
        assertThat(again).extracting(ThemeParks.Standing::regionCode).contains("350582").doesNotContain("350505");
        List<ThemeParks.Standing> jinjiang = as("jinjiang-staff", me -> parks.standings(me, YEAR));
        assertThat(jinjiang).singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(2);
            assertThat(s.open()).isEqualTo(1);
        });
    }

    @Test
    void a_park_moves_forward_only_and_opens_on_a_day_not_in_the_future() {
        var park = planned("jinjiang-staff", "350582");
        assertThatThrownBy(() -> as("jinjiang-staff", me -> parks.advance(me, park.id(), ParkStatus.PLANNED, null)))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> as("jinjiang-staff", me -> parks.advance(me, park.id(), ParkStatus.OPEN,
                clock.today().plusDays(1)))).isInstanceOfSatisfying(InvalidField.class,
                        refused -> assertThat(refused.field()).isEqualTo("openedOn"));
        assertThatThrownBy(() -> as("jinjiang-staff", me -> parks.advance(me, park.id(), ParkStatus.OPEN, null)))
                .isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("openedOn"));
        var open = as("jinjiang-staff", me -> parks.advance(me, park.id(), ParkStatus.OPEN, clock.today()));
        assertThat(open.status()).isEqualTo(ParkStatus.OPEN);
        assertThat(auditedActions("jinjiang-staff", "ThemePark", park.id())).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void coordinates_outside_quanzhou_are_refused_with_the_reason() throws Exception {
        mvc.perform(post("/api/v1/theme-parks").with(as("jinjiang-staff")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "坐标填反的公园", "kind": "THEME_PARK", "regionCode": "350582", "address": "安海镇",
                         "latitude": 118.45, "longitude": 24.71}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("latitude"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("不在泉州市范围内")));
        mvc.perform(post("/theme-parks").with(as("jinjiang-staff")).with(csrf()).param("name", "半个坐标")
                .param("kind", "THEME_PARK").param("regionCode", "350582").param("address", "安海镇")
                .param("latitude", "24.7")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from theme_park where name in ('坐标填反的公园', '半个坐标')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void another_countys_park_is_not_found_and_a_county_plans_only_its_own() throws Exception {
        var park = planned("jinjiang-staff", "350582");
        mvc.perform(get("/theme-parks/{id}", park.id()).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/theme-parks/{id}", park.id()).with(as("nanan-staff"))).andExpect(status().isNotFound());
        assertThatThrownBy(() -> planned("nanan-staff", "350582")).isInstanceOfSatisfying(InvalidField.class,
                refused -> assertThat(refused.field()).isEqualTo("regionCode"));
        mvc.perform(get("/theme-parks").param("year", String.valueOf(YEAR)).with(as("city-staff")))
                .andExpect(status().isOk());
        mvc.perform(get("/theme-parks/{id}", park.id()).with(as("jinjiang-staff"))).andExpect(status().isOk());
    }

    @Test
    void a_parks_photos_are_added_by_those_who_keep_the_parks() throws Exception {
        var park = planned("jinjiang-staff", "350582");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 1, 2, 3, 4};
        mvc.perform(multipart("/files").file(new MockMultipartFile("file", "公园入口.png", "image/png", png))
                        .param("ownerType", "ThemePark").param("ownerId", String.valueOf(park.id()))
                        .param("returnTo", "/theme-parks/" + park.id()).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/theme-parks/" + park.id()))
                .andExpect(flash().attribute("success", "file.uploaded"));
        mvc.perform(multipart("/api/v1/attachments").file(new MockMultipartFile("file", "站内.png", "image/png", png))
                .param("ownerType", "ThemePark").param("ownerId", String.valueOf(park.id()))
                .with(as("anhai-station")).with(csrf())).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/theme-parks/{id}", park.id()).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("alt=\"公园入口.png\"");
        assertThat(jdbc.sql("select file_name from attachment where owner_type = 'ThemePark' and owner_id = :id")
                .param("id", park.id()).query(String.class).list()).containsExactly("公园入口.png");
    }
}

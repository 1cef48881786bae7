package org.yiyong.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.FullStackTest;
import org.yiyong.identity.SignedIn;

/**
 * The demo shows the Jinjiang model — a patrol team with a year of patrols, stars earned, certificates to
 * renew — and theme parks in every state against this year's target.
 */
class DemoVolunteersTests extends FullStackTest {

    @Autowired
    Volunteering volunteering;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ThemeParks parks;

    @Autowired
    Stations stations;

    @Test
    void the_demo_stations_are_at_every_step_and_anhai_is_a_demonstration_site() {
        SignedIn.as(accounts.loadUserByUsername("city-staff"), me -> {
            List<Stations.Station> all = stations.stations(me);
            assertThat(all).filteredOn(Stations.Station::profiled).extracting(Stations.Station::status)
                    .contains(StationStatus.PLANNED, StationStatus.BUILT, StationStatus.ACCEPTED);
            assertThat(all).filteredOn(s -> !s.profiled()).isNotEmpty();
            // other tests may name stations of their own; of the demo's, Anhai is the one
            assertThat(all).filteredOn(Stations.Station::demonstration).extracting(Stations.Station::name)
                    .contains("晋江市安海镇见义勇为工作站")
                    .doesNotContain("晋江市青阳街道见义勇为工作站", "南安市水头镇见义勇为工作站");
            return null;
        });
    }

    @Test
    void the_demo_parks_are_in_every_state_and_this_years_target_shows_who_is_behind() {
        SignedIn.as(accounts.loadUserByUsername("city-staff"), me -> {
            assertThat(parks.parks(me)).extracting(ThemeParks.Park::status)
                    .contains(ParkStatus.PLANNED, ParkStatus.BUILDING, ParkStatus.OPEN);
            List<ThemeParks.Standing> standings = parks.standings(me, clock.today().getYear());
            assertThat(standings).filteredOn(s -> s.regionCode().equals("350582")).singleElement()
                    .satisfies(s -> assertThat(s.behind()).isFalse());
            assertThat(standings).filteredOn(s -> s.regionCode().equals("350583")).singleElement()
                    .satisfies(s -> assertThat(s.behind()).isTrue());
            return null;
        });
    }

    @Test
    void the_anhai_patrol_team_has_members_a_year_of_patrols_stars_and_certificates_to_renew() {
        SignedIn.as(accounts.loadUserByUsername("anhai-station"), me -> {
            Volunteering.Team team = volunteering.teams(me).stream()
                    .filter(t -> t.name().equals("安海镇见义勇为志愿巡逻队")).findFirst().orElseThrow();
            List<Volunteering.Volunteer> members = volunteering.members(me, team.id());
            assertThat(members).hasSize(8);
            assertThat(members).anySatisfy(member -> assertThat(member.stars()).isPositive());
            assertThat(volunteering.activities(me, team.id())).hasSizeGreaterThanOrEqualTo(50);
            assertThat(volunteering.expiringSoon(me)).filteredOn(c -> c.teamName().equals(team.name()))
                    .extracting(Volunteering.Certificate::volunteerName).containsExactly("陈文辉", "吴丽珍");
            return null;
        });
    }
}

package org.yiyong.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.FullStackTest;
import org.yiyong.identity.SignedIn;

/**
 * The demo opens with last year's county evaluation published — every county ranked, Jinjiang's objection
 * answered, Nan'an's deduction on its sheet — and this year's open and computed.
 */
class DemoEvaluationsTests extends FullStackTest {

    @Autowired
    Evaluations evaluations;

    @Autowired
    UserDetailsService accounts;

    @Test
    void last_years_evaluation_is_published_and_this_years_is_open() {
        int year = clock.today().getYear();
        List<Evaluations.Round> rounds = SignedIn.as(accounts.loadUserByUsername("leader"), me -> evaluations.rounds())
                .stream()
                .filter(round -> round.subject() == Subject.COUNTY && round.year() >= year - 1).toList();
        Evaluations.Round last = rounds.stream().filter(round -> round.year() == year - 1).findFirst().orElseThrow();
        Evaluations.Round current = rounds.stream().filter(round -> round.year() == year).findFirst().orElseThrow();
        assertThat(last.status()).isEqualTo(RoundStatus.PUBLISHED);
        List<Evaluations.Round> stations = SignedIn.as(accounts.loadUserByUsername("leader"), me -> evaluations.rounds())
                .stream().filter(round -> round.subject() == Subject.STATION).toList();
        assertThat(stations).anySatisfy(round -> {
            assertThat(round.year()).isEqualTo(year - 1);
            assertThat(round.status()).isEqualTo(RoundStatus.PUBLISHED);
        }).anySatisfy(round -> {
            assertThat(round.year()).isEqualTo(year);
            assertThat(round.status()).isEqualTo(RoundStatus.OPEN);
        });
        assertThat(current.status()).isEqualTo(RoundStatus.OPEN);
        assertThat(current.computed()).isTrue();

        List<Evaluations.Standing> ranking = SignedIn.as(accounts.loadUserByUsername("nanan-staff"),
                me -> evaluations.standings(me, last.id()));
        assertThat(ranking).hasSizeGreaterThan(5).allSatisfy(unit -> assertThat(unit.ranking()).isNotNull());
        assertThat(ranking).extracting(Evaluations.Standing::ranking).isSorted();
        Evaluations.Standing nanan = ranking.stream().filter(unit -> unit.unitKey().equals("350583")).findFirst()
                .orElseThrow();
        Evaluations.Sheet sheet = SignedIn.as(accounts.loadUserByUsername("nanan-staff"),
                me -> evaluations.sheet(me, last.id(), nanan.id()));
        assertThat(sheet.deductions()).singleElement().satisfies(d -> assertThat(d.reason()).contains("经查属实"));
        List<Evaluations.Objection> objections = SignedIn.as(accounts.loadUserByUsername("city-staff"),
                me -> evaluations.objections(me, last.id()));
        assertThat(objections).isNotEmpty().allSatisfy(objection -> assertThat(objection.reply()).isNotBlank());
        assertThat(sheet.scoresByIndicator().values()).allSatisfy(score -> assertThat(score.score()).isNotNull())
                .anySatisfy(score -> assertThat(Objects.requireNonNull(score.inputs())).contains(" / "));
    }
}

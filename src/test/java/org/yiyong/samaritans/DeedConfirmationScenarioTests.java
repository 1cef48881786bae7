package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.TestClock;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedConfirmed;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.NewDeed;
import org.yiyong.deeds.NewDeed.NewParticipant;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.Participant;
import org.yiyong.identity.SignedIn;
import org.yiyong.samaritans.internal.ConfirmedDeed;
import org.yiyong.samaritans.internal.Gender;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.samaritans.internal.SamaritanSource;
import org.yiyong.shared.ResidentId;

/**
 * The samaritans module with the modules it builds on (deeds, identity, organization, audit, files,
 * documents, shared), without the rest of the application: a {@link DeedConfirmed} published by the
 * deeds module puts the confirmed person into the registry once the publishing transaction commits.
 *
 * <p>The modules it needs are bootstrapped whole ({@link BootstrapMode#ALL_DEPENDENCIES}): the deeds
 * module's own beans need documents and files, so its direct dependencies alone do not start. The
 * database is shared with the other tests of the run; each test files deeds of its own, for people
 * with resident ID numbers nobody else uses.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(TestClock.Config.class)
class DeedConfirmationScenarioTests {

    /** Files the deeds: staff of Jinjiang, where the acts happened. */
    private static final String JINJIANG = "jinjiang-staff";
    /** Reads the registry: the city's staff see every county's records. */
    private static final String CITY = "city-staff";
    /** The listener runs after the commit, on another thread; the build machine may be busy. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DeedIntake intake;
    private final SamaritanRegistry registry;
    private final UserDetailsService accounts;
    private final TestClock clock;

    DeedConfirmationScenarioTests(DeedIntake intake, SamaritanRegistry registry, UserDetailsService accounts,
            TestClock clock) {
        this.intake = intake;
        this.registry = registry;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Test
    void a_confirmed_actor_is_registered_as_a_samaritan(Scenario scenario) {
        String residentId = residentIdNobodyUses();
        Deed deed = fileDeed(residentId, "洪志明", LocalDateTime.of(2026, 6, 1, 10, 0), Harm.INJURED);
        Participant actor = deed.actors().get(0);
        LocalDate confirmedOn = clock.today();

        scenario.publish(confirmation(deed, actor, confirmedOn))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> registered(residentId), found -> !found.isEmpty())
                .andVerify(found -> {
                    assertThat(found).hasSize(1);
                    Samaritan samaritan = found.get(0);
                    assertThat(samaritan.getName()).isEqualTo("洪志明");
                    assertThat(samaritan.getRegionCode()).isEqualTo("350582");
                    assertThat(samaritan.getSource()).isEqualTo(SamaritanSource.DEED);
                    // read from the ID number the deed carried encrypted
                    ResidentId id = ResidentId.parse(residentId);
                    assertThat(samaritan.getBirthDate()).isEqualTo(id.birthDate());
                    assertThat(samaritan.getGender()).isEqualTo(id.isMale() ? Gender.MALE : Gender.FEMALE);
                    assertThat(samaritan.getResidentIdMasked()).isEqualTo(actor.getResidentIdMasked());
                    assertThat(samaritan.getDeeds()).singleElement().satisfies(confirmation -> {
                        assertThat(confirmation.getDeedId()).isEqualTo(deed.getId());
                        assertThat(confirmation.getParticipantId()).isEqualTo(actor.getId());
                        assertThat(confirmation.getDeedNumber()).isEqualTo(deed.getNumber());
                        assertThat(confirmation.getCategory()).isEqualTo(DeedCategory.RESCUE.name());
                        assertThat(confirmation.getOccurredOn()).isEqualTo(LocalDate.of(2026, 6, 1));
                        assertThat(confirmation.getHarm()).isEqualTo(Harm.INJURED.name());
                        assertThat(confirmation.getConfirmedOn()).isEqualTo(confirmedOn);
                    });
                    assertThat(registry.placeInDecision(deed.getId(), actor.getId())).isEqualTo(1);
                });
    }

    @Test
    void a_person_already_in_the_registry_gets_the_new_deed_on_the_same_record(Scenario scenario) {
        String residentId = residentIdNobodyUses();
        Deed first = fileDeed(residentId, "洪志明", LocalDateTime.of(2026, 3, 14, 17, 20), Harm.NONE);
        AtomicLong samaritanId = new AtomicLong();
        scenario.publish(confirmation(first, first.actors().get(0), clock.today()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> registered(residentId), found -> !found.isEmpty())
                .andVerify(found -> samaritanId.set(found.get(0).getId()));

        Deed second = fileDeed(residentId, "洪志明", LocalDateTime.of(2026, 7, 8, 6, 45), Harm.INJURED);
        scenario.publish(confirmation(second, second.actors().get(0), clock.today()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> registered(residentId),
                        found -> found.size() == 1 && found.get(0).getDeeds().size() == 2)
                .andVerify(found -> {
                    Samaritan samaritan = found.get(0);
                    assertThat(samaritan.getId()).as("no second record for the same person")
                            .isEqualTo(samaritanId.get());
                    assertThat(samaritan.getDeeds()).extracting(ConfirmedDeed::getDeedId)
                            .containsExactlyInAnyOrder(first.getId(), second.getId());
                });
    }

    @Test
    void a_confirmation_rolled_back_with_its_decision_registers_nobody(Scenario scenario) {
        String undoneId = residentIdNobodyUses();
        Deed undone = fileDeed(undoneId, "洪志刚", LocalDateTime.of(2026, 5, 2, 12, 0), Harm.NONE);
        String keptId = residentIdNobodyUses();
        Deed kept = fileDeed(keptId, "洪志强", LocalDateTime.of(2026, 5, 3, 12, 0), Harm.NONE);

        scenario.stimulate((transactions, events) -> {
            transactions.executeWithoutResult(decision -> {
                events.publishEvent(confirmation(undone, undone.actors().get(0), clock.today()));
                decision.setRollbackOnly();
            });
            transactions.executeWithoutResult(decision ->
                    events.publishEvent(confirmation(kept, kept.actors().get(0), clock.today())));
        })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> registered(keptId), found -> !found.isEmpty())
                .andVerify(found -> assertThat(registered(undoneId))
                        .as("published before the other, in a transaction that was rolled back").isEmpty());
    }

    /** A deed in Jinjiang with one actor, filed through the deeds module as the county's staff. */
    private Deed fileDeed(String residentId, String name, LocalDateTime occurredAt, Harm harm) {
        DeedFacts facts = new DeedFacts(DeedCategory.RESCUE, DeedSource.POLICE_REFERRAL, null, occurredAt,
                "晋江市安海镇安平桥", "救起落水儿童", "跳入水中救起一名落水儿童");
        NewDeed request = new NewDeed("350582", facts,
                List.of(new NewParticipant(ParticipantRole.ACTOR, name, residentId, null, harm)), null, true);
        return SignedIn.as(accounts.loadUserByUsername(JINJIANG), me -> intake.register(me, request));
    }

    /** The registry's records for an ID number, in every county. */
    private List<Samaritan> registered(String residentId) {
        return SignedIn.as(accounts.loadUserByUsername(CITY), me -> registry.findByResidentId(me, residentId));
    }

    /**
     * A valid Jinjiang ID number of someone born in the 1960s or 1970s, drawn at random until it is one the
     * registry does not know yet.
     */
    private String residentIdNobodyUses() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 20));
            String candidate = ResidentId.withCheckDigit("350582"
                    + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", random.nextInt(1000)));
            if (registered(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /** The event the deed registers when it confirms the person, as the decision would publish it. */
    private static DeedConfirmed confirmation(Deed deed, Participant person, LocalDate on) {
        return new DeedConfirmed(deed.getId(), deed.getNumber(), deed.getRegionCode(), deed.getCategory(),
                deed.getOccurredAt().toLocalDate(), person.getId(), person.getName(),
                person.getResidentIdEncrypted(), person.getResidentIdIndex(), person.getResidentIdMasked(),
                person.getHarm(), on, "晋公见确〔2026〕1号");
    }
}

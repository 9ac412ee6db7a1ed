package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.giamngheo.household.Household;
import vn.giamngheo.review.rules.RoundKind;

/**
 * An application belongs to the round its household is in, also when the household joined the round before the
 * application was taken in (added with its village); removing the household from the round gives it back.
 */
@Tag("database")
@SpringBootTest
class ApplicationsIntoRoundTest {

    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired ReviewApplications applications;

    @Test
    void anApplicationOfAHouseholdAlreadyInTheRoundIsTakenIntoIt() {
        ReviewFixture f = drive.commune(13);
        Household inVillage = f.nearPoor("AP-1", f.village1);
        Household alone = f.nearPoor("AP-2", f.village2);
        long id = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2026, null, null), f.officer).id();
        assertThat(households.add(id, null, f.village1, f.officer)).isEqualTo(1);

        Application early = applications.receive(new ApplicationForm(inVillage.id(), "01", LocalDate.of(2026, 10, 5),
                "post", "Nguyễn Văn Hùng", null), f.officer);
        Application other = applications.receive(new ApplicationForm(alone.id(), "01", LocalDate.of(2026, 10, 6),
                "online", "Nguyễn Văn Hùng", null), f.officer);
        assertThat(households.addApplications(id, f.officer)).as("only AP-2 joins; AP-1 is in already").isEqualTo(1);
        assertThat(applications.get(early.id(), f.officer)).extracting(Application::status, Application::roundId)
                .containsExactly("in_round", id);
        assertThat(applications.get(other.id(), f.officer)).extracting(Application::status, Application::roundId)
                .containsExactly("in_round", id);
        assertThat(source(id, f, "AP-1")).isEqualTo("added");
        assertThat(source(id, f, "AP-2")).isEqualTo("application");

        households.remove(id, inVillage.id(), f.officer);
        assertThat(applications.get(early.id(), f.officer)).extracting(Application::status, Application::roundId)
                .containsExactly("received", null);
        households.remove(id, alone.id(), f.officer);
        assertThat(applications.get(other.id(), f.officer).status()).isEqualTo("received");
    }

    /** How a household of the round joined it. */
    private String source(long roundId, ReviewFixture f, String code) {
        return households.list(roundId, f.officer, java.util.Locale.forLanguageTag("vi")).stream()
                .filter(h -> h.householdCode().equals(code)).findFirst().orElseThrow().source();
    }
}

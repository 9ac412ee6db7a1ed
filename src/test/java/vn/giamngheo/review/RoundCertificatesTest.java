package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.giamngheo.document.DocxChecks;
import vn.giamngheo.household.Household;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * A round's certificates in one file (every snapshot read in one query, the commune, the stamp years and the relation
 * labels once: issue 26 point 5) are exactly the certificates of each household printed alone (its own snapshot read
 * by itself), poor first, then near-poor, in village and code order; the same for a role that sees identity numbers
 * masked (the chair and the officer both see them; the province officer reads the round's snapshots with the numbers
 * emptied), in Vietnamese and in English.
 */
@Tag("database")
@SpringBootTest
class RoundCertificatesTest {

    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired ReviewDecisions decisions;
    @Autowired ReviewDocuments documents;

    @Test
    void theRoundsBatchIsEachHouseholdsCertificateAsPrintedAlone() throws Exception {
        ReviewFixture f = drive.commune(117);
        Household poorB = f.poor("RC-3", f.village2);
        Household nearPoor = f.nearPoor("RC-2", f.village1);
        Household poorA = f.poor("RC-1", f.village1);
        Household comfortable = f.comfortable("RC-4", f.village1);
        Household nearPoorB = f.nearPoor("RC-5", f.village2);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        drive.meetAndPost(id, LocalDate.of(2025, 11, 3), f.officer, ReviewWorkflowTest.meeting(f.village1, 12, 9),
                ReviewWorkflowTest.meeting(f.village2, 12, 9));
        Decision decision = decisions.decide(id, "117/QĐ-UBND", LocalDate.of(2025, 11, 12), f.chair);

        List<Long> certified = decisions.households(id, decision.id(), f.officer).stream()
                .filter(h -> vn.giamngheo.review.rules.DecidedList.certified(h.status()))
                .map(DecidedHousehold::householdId).toList();
        assertThat(certified).as("poor first, then near-poor; the comfortable household has none")
                .containsExactlyInAnyOrder(poorA.id(), poorB.id(), nearPoor.id(), nearPoorB.id());
        assertThat(certified.subList(0, 2)).containsExactlyInAnyOrder(poorA.id(), poorB.id());

        for (CurrentUser reader : List.of(f.officer, f.province)) {
            for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                List<List<String>> batch = DocxChecks.sections(documents.certificatesDocx(id, null, reader, locale));
                List<List<String>> alone = new ArrayList<>();
                for (long household : certified) {
                    alone.addAll(DocxChecks.sections(documents.certificatesDocx(id, household, reader, locale)));
                }
                assertThat(batch).as("%s in %s", reader.role(), locale).hasSize(certified.size()).isEqualTo(alone);
                byte[] pdf = documents.certificates(id, null, reader, locale);
                assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        }
        assertThat(f.province.role()).isEqualTo(Role.PROVINCE_OFFICER);
        assertThat(f.province.role().seesIdentityNumbers()).isFalse();
        assertThatThrownBy(() -> documents.certificatesDocx(id, comfortable.id(), f.officer, Locale.ENGLISH))
                .as("no certificate for a household on no list").isInstanceOf(RoundNotFoundException.class);
    }
}
